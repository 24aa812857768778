import { Workbook } from 'exceljs';
import request from 'supertest';
import { EXPORT_HEADERS } from '../src/agents/export/utils/export-rows.util';
import { TestApp } from './helpers/create-test-app';
import { createSendingTestApp, jobState, outboxOf, storeProspects } from './helpers/email-flow';
import { download } from './helpers/export-fixtures';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * Empty is normal: a search that finds no one still runs the whole plan to `succeeded`, each
 * later step saying it had nothing to do, and the export writes its header row only.
 */
const smtp = new TestSmtpServer();
let testApp: TestApp;

beforeAll(async () => {
  await smtp.start();
  testApp = await createSendingTestApp(smtp);
  // Prospects exist, just none where the commands look.
  await storeProspects(testApp, [
    { name: 'Ana Beispiel', email: 'ana@beispiel.example' },
    { name: 'Ben Beispiel', email: 'ben@beispiel.example' },
  ]);
});
afterAll(async () => {
  await testApp.destroy();
  await smtp.stop();
});

const summaries = (job: { steps: Record<string, unknown>[] }) =>
  job.steps.map((step) => `${step.agent}.${step.action}: ${step.summary}`);

interface ExportInState {
  id: string;
  rows: number;
  files: { format: string; url: string }[];
}

describe('a search that finds no one', () => {
  it('runs research, scoring, drafting and the export to succeeded; the files hold the header only', async () => {
    const planned = await request(testApp.server)
      .post('/command')
      .send({
        command:
          'Find VPs of Sales in Iceland, score them against our ICP, research their companies, ' +
          'draft intro emails and export them to a spreadsheet',
        context: { sender: 'Ana from Acme', offer: 'A 14-day pilot' },
      })
      .expect(201);
    const jobId = planned.body.job_id as string;
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'), 20_000);
    expect(job.status).toBe('succeeded');
    const exported = (await jobState(testApp, jobId)).export as ExportInState;
    expect(summaries(job)).toEqual([
      'prospects.search: Found 0 prospects',
      'research.company_summary: Nothing to do: no prospects',
      'research.score_fit: Nothing to do: no prospects',
      'email.draft: Nothing to do: no prospects',
      `export.spreadsheet: Nothing to do: no prospects; wrote XLSX and CSV with the header row only (export ${exported.id})`,
    ]);
    expect(job.steps.every((step) => step.attempts === 1)).toBe(true);
    expect(await outboxOf(testApp, jobId)).toEqual([]);
    expect(exported.rows).toBe(0);

    const [xlsxFile, csvFile] = exported.files;
    const xlsx = await download(testApp.server, xlsxFile.url).expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Prospects')!;
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADERS]);
    const csv = await download(testApp.server, csvFile.url).expect(200);
    expect((csv.body as Buffer).toString('utf8')).toBe(`\uFEFF${EXPORT_HEADERS.join(',')}\r\n`);
    const listed = await request(testApp.server).get(`/exports/${exported.id}`).expect(200);
    expect(listed.body).toMatchObject({ status: 'done', rows: 0 });
  });

  it('asks for approval of a send of nothing, then sends nothing and still exports', async () => {
    const jobId = await createJob(
      testApp,
      [
        { agent: 'prospects', action: 'search', params: { countries: ['Iceland'] } },
        { agent: 'research', action: 'score_fit', params: { icp: { countries: ['Iceland'] } } },
        { agent: 'email', action: 'draft', params: {} },
        { agent: 'email', action: 'send', params: {} },
        { agent: 'export', action: 'spreadsheet', params: { format: 'csv' } },
      ],
      { sender: 'Ana from Acme' },
    );
    const parked = await waitForJob(testApp, jobId, hasStatus('waiting_approval', 'failed'));
    expect(parked.status).toBe('waiting_approval');
    await request(testApp.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('succeeded');
    const state = await jobState(testApp, jobId);
    const exported = state.export as ExportInState;
    expect(summaries(job)).toEqual([
      'prospects.search: Found 0 prospects',
      'research.score_fit: Nothing to do: no prospects',
      'email.draft: Nothing to do: no prospects',
      'email.send: Nothing to do: no drafts',
      `export.spreadsheet: Nothing to do: no prospects; wrote CSV with the header row only (export ${exported.id})`,
    ]);
    expect(state).toMatchObject({ prospects: [], drafts: [], sent: [] });
    expect(smtp.received).toHaveLength(0);
  });
});

describe('nothing to do is not bad input', () => {
  const exportOf = async (prospects: unknown) => {
    const jobId = await createJob(testApp, [
      { agent: 'core', action: 'set_context', params: { values: { prospects } } },
      { agent: 'export', action: 'spreadsheet', params: { format: 'csv' } },
    ]);
    return waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
  };

  it('an empty list succeeds; a state key that is not a list still fails for good', async () => {
    expect((await exportOf([])).status).toBe('succeeded');
    const job = await exportOf('nobody');
    expect(job.status).toBe('failed');
    expect(job.error).toContain('"prospects" is not a list');
    expect(job.steps[1].attempts).toBe(1);
  });
});
