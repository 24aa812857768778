import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { EXPORT_HEADERS } from '../src/agents/export/utils/export-rows.util';
import type { ProspectInState } from '../src/agents/prospects/prospect.types';
import { TestApp } from './helpers/create-test-app';
import {
  approveAndFinish,
  createSendingTestApp,
  jobState,
  OFFER,
  outboxOf,
  SENDER,
  storeProspects,
} from './helpers/email-flow';
import { download } from './helpers/export-fixtures';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * Exports tell the truth: a spreadsheet exported after drafting or sending shows the outbox as
 * it is at export time — edited text, deleted drafts left out, suppressed and opted-out
 * recipients marked, each message's status and sending time.
 */
const smtp = new TestSmtpServer();
let testApp: TestApp;

beforeAll(async () => {
  await smtp.start();
  testApp = await createSendingTestApp(smtp);
});
afterAll(async () => {
  await testApp.destroy();
  await smtp.stop();
});

interface ExportInState {
  files: { format: string; url: string }[];
}

/** The rows of the export's CSV and XLSX files, by prospect name, as header → cell. */
async function exportedRows(exported: ExportInState) {
  const url = (format: string) => exported.files.find((file) => file.format === format)!.url;
  const csv = await download(testApp.server, url('csv')).expect(200);
  const csvRows = parse((csv.body as Buffer).toString('utf8'), { bom: true }) as string[][];
  expect(csvRows[0]).toEqual([...EXPORT_HEADERS]);
  const xlsx = await download(testApp.server, url('xlsx')).expect(200);
  const workbook = new Workbook();
  await workbook.xlsx.load(xlsx.body as ArrayBuffer);
  const sheet = workbook.getWorksheet('Prospects')!;
  const byName = (rows: unknown[][]) =>
    Object.fromEntries(
      rows.map((row) => [
        row[0],
        Object.fromEntries(EXPORT_HEADERS.map((header, i) => [header, row[i] || null])),
      ]),
    );
  const xlsxRows: unknown[][] = [];
  sheet.eachRow((row, index) => {
    if (index > 1) xlsxRows.push(EXPORT_HEADERS.map((_, i) => row.getCell(i + 1).value));
  });
  return { csv: byName(csvRows.slice(1)), xlsx: byName(xlsxRows) };
}

/** A job that drafts for `prospects`, sends after approval, then exports; parked for approval. */
async function draftSendExport(prospects: ProspectInState[]): Promise<string> {
  const jobId = await createJob(testApp, [
    {
      agent: 'core',
      action: 'set_context',
      params: { values: { prospects, sender: SENDER, offer: OFFER } },
    },
    { agent: 'email', action: 'draft', params: {} },
    { agent: 'email', action: 'send', params: {} },
    { agent: 'export', action: 'spreadsheet', params: {} },
  ]);
  const job = await waitForJob(testApp, jobId, hasStatus('waiting_approval', 'failed'), 20_000);
  expect(job.status).toBe('waiting_approval');
  return jobId;
}

describe('an export after sending', () => {
  it('shows edited text, leaves out a deleted draft, marks do-not-email and shows send status and time', async () => {
    const prospects = await storeProspects(testApp, [
      { name: 'Carla Voorbeeld', email: 'carla@gamma.example' },
      { name: 'Dirk Exempel', email: 'dirk@delta.example' },
      { name: 'Eva Exemplo', email: 'eva@epsilon.example' },
      { name: 'Finn Esempio', email: 'finn@zeta.example' },
    ]);
    const jobId = await draftSendExport(prospects);
    const drafts = await outboxOf(testApp, jobId);
    const draftTo = (to: string) => drafts.find((draft) => draft.to === to)!;
    const original = draftTo('dirk@delta.example');

    await request(testApp.server)
      .patch(`/outbox/${draftTo('carla@gamma.example').id}`)
      .send({ subject: 'Edited subject', body: 'Hi Carla,\n\nEdited body.\n\nAna' })
      .expect(200);
    await request(testApp.server).delete(`/outbox/${original.id}`).expect(204);
    await request(testApp.server)
      .post('/suppressions')
      .send({ value: 'epsilon.example' })
      .expect(201);
    await request(testApp.server).post(`/prospects/${prospects[3].id}/opt-out`).expect(200);

    const done = await approveAndFinish(testApp, jobId);
    expect(done.status).toBe('succeeded');
    expect(smtp.to('carla@gamma.example')).toHaveLength(1);
    const sentAt = (await outboxOf(testApp, jobId)).find(
      (message) => message.to === 'carla@gamma.example',
    )!.sent_at;
    expect(sentAt).toEqual(expect.any(String));

    const { csv, xlsx } = await exportedRows(
      (await jobState(testApp, jobId)).export as ExportInState,
    );
    for (const rows of [csv, xlsx]) {
      expect(Object.keys(rows)).toEqual(prospects.map((prospect) => prospect.name));
      expect(rows['Carla Voorbeeld']).toMatchObject({
        'Email subject': 'Edited subject',
        'Email body': 'Hi Carla,\n\nEdited body.\n\nAna',
        'Email status': 'sent',
        'Sent at': sentAt,
        'Do not email': null,
      });
      // The prospect stays; the draft deleted from the outbox does not.
      expect(rows['Dirk Exempel']).toMatchObject({
        Email: 'dirk@delta.example',
        'Email subject': null,
        'Email body': null,
        'Email status': null,
        'Sent at': null,
      });
      expect(rows['Eva Exemplo']).toMatchObject({
        'Email status': 'skipped',
        'Sent at': null,
        'Do not email': 'suppressed (epsilon.example)',
      });
      expect(rows['Finn Esempio']).toMatchObject({
        'Email status': 'skipped',
        'Do not email': 'opted out',
      });
    }
  });
});

describe('an export after drafting, before sending', () => {
  it('shows the drafts as edited, with their status, and the do-not-email marks as of now', async () => {
    const prospects = await storeProspects(testApp, [
      { name: 'Gus Example', email: 'gus@eta.example' },
      { name: 'Hana Beispiel', email: 'hana@theta.example' },
    ]);
    const jobId = await createJob(testApp, [
      {
        agent: 'core',
        action: 'set_context',
        params: { values: { prospects, sender: SENDER, offer: OFFER } },
      },
      { agent: 'email', action: 'draft', params: {} },
      { agent: 'core', action: 'review', params: { message: 'Edit the drafts, then export' } },
      { agent: 'export', action: 'spreadsheet', params: {} },
    ]);
    await waitForJob(testApp, jobId, hasStatus('waiting_approval', 'failed'), 20_000);
    const gus = (await outboxOf(testApp, jobId)).find((draft) => draft.to === 'gus@eta.example')!;
    await request(testApp.server)
      .patch(`/outbox/${gus.id}`)
      .send({ subject: 'Better' })
      .expect(200);
    await request(testApp.server).post('/suppressions').send({ value: 'hana@theta.example' });
    await request(testApp.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
    const done = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(done.status).toBe('succeeded');

    const { csv } = await exportedRows((await jobState(testApp, jobId)).export as ExportInState);
    expect(csv['Gus Example']).toMatchObject({
      'Email subject': 'Better',
      'Email body': gus.body,
      'Email status': 'draft',
      'Sent at': null,
      'Do not email': null,
    });
    expect(csv['Hana Beispiel']).toMatchObject({
      'Email status': 'draft',
      'Do not email': 'suppressed (hana@theta.example)',
    });
  });
});
