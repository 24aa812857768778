import { Workbook } from 'exceljs';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { EXPORT_HEADERS } from '../src/agents/export/utils/export-rows.util';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createSendingTestApp, outboxOf } from './helpers/email-flow';
import { download } from './helpers/export-fixtures';
import { hasStatus, waitForJob } from './helpers/jobs';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * The README's demo, step by step, offline on a fresh install with the sample prospects: one
 * command finds, scores, drafts and exports; the outbox holds one draft per matching prospect;
 * the workbook and the CSV hold those prospects with their scores and drafts; after approval each
 * email goes out once.
 */
const COMMAND =
  'Find VPs of Sales at SaaS companies in Germany with 50–500 employees, score them against our ' +
  'ICP, draft intro emails and export them to a spreadsheet';
const CONTEXT = { sender: 'Ana from Acme', offer: 'A 14-day pilot of our lead scoring' };
const column = (header: string) => EXPORT_HEADERS.indexOf(header);

type Row = unknown[];

async function workbookRows(app: TestApp, exportId: string): Promise<Row[]> {
  const xlsx = await download(app.server, `/exports/${exportId}/download?format=xlsx`)
    .expect(200)
    .expect('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename="zigral-.+\.xlsx"/);
  const workbook = new Workbook();
  await workbook.xlsx.load(xlsx.body as ArrayBuffer);
  const sheet = workbook.getWorksheet('Prospects')!;
  const rows: Row[] = [];
  sheet.eachRow((row) => rows.push((row.values as Row).slice(1)));
  return rows;
}

async function csvRows(app: TestApp, exportId: string): Promise<string[][]> {
  const csv = await download(app.server, `/exports/${exportId}/download?format=csv`)
    .expect(200)
    .expect('content-type', /^text\/csv/);
  return parse((csv.body as Buffer).toString('utf8'), { bom: true }) as string[][];
}

describe('the demo: a sales command to drafts and a spreadsheet, offline', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ env: { SEED_SAMPLE_DATA: 'true' } });
  });
  afterAll(() => testApp.destroy());

  it('plans, runs, fills the outbox and exports prospects with scores and drafts', async () => {
    const planned = await request(testApp.server)
      .post('/command')
      .send({ command: COMMAND, context: CONTEXT })
      .expect(201);
    expect(planned.body.planner).toBe('offline');
    expect(
      planned.body.steps.map((step: { agent: string; action: string }) => step.action),
    ).toEqual(['search', 'score_fit', 'draft', 'spreadsheet']);
    const jobId = planned.body.job_id as string;
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'), 30_000);
    expect(job.status).toBe('succeeded');

    // One personalised draft per matching prospect.
    const context = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body;
    const prospects = context.context_data.state.prospects as {
      id: string;
      name: string;
      email?: string;
      score: number;
      country?: string;
      company: { employee_count?: number; industry?: string; country?: string };
    }[];
    expect(prospects.length).toBeGreaterThan(0);
    for (const prospect of prospects) {
      expect(prospect.score).toBeGreaterThanOrEqual(50);
      expect(prospect.country ?? prospect.company.country).toBe('Germany');
    }
    const outbox = await outboxOf(testApp, jobId);
    const emailable = prospects.filter((prospect) => prospect.email);
    expect(outbox.map((message) => message.prospect_id).sort()).toEqual(
      emailable.map((prospect) => prospect.id).sort(),
    );
    for (const message of outbox) {
      expect(message.status).toBe('draft');
      const prospect = prospects.find((candidate) => candidate.id === message.prospect_id)!;
      expect(message.to).toBe(prospect.email);
      expect(message.body).toContain(`Hi ${prospect.name.split(' ')[0]},`);
      expect(message.body).toContain(CONTEXT.offer);
    }

    // The spreadsheet: those prospects, their scores and their drafts, in XLSX and CSV.
    const exports = await request(testApp.server)
      .get('/exports')
      .query({ job_id: jobId })
      .expect(200);
    expect(exports.body.items).toHaveLength(1);
    const exportId = exports.body.items[0].id as string;
    const xlsx = await workbookRows(testApp, exportId);
    const csv = await csvRows(testApp, exportId);
    expect(xlsx[0]).toEqual([...EXPORT_HEADERS]);
    expect(csv[0]).toEqual([...EXPORT_HEADERS]);
    expect(xlsx).toHaveLength(prospects.length + 1);
    expect(csv).toHaveLength(prospects.length + 1);
    prospects.forEach((prospect, index) => {
      const row = xlsx[index + 1];
      expect(row[column('Name')]).toBe(prospect.name);
      expect(row[column('Score')]).toBe(prospect.score);
      expect(csv[index + 1][column('Score')]).toBe(String(prospect.score));
      const draft = outbox.find((message) => message.prospect_id === prospect.id);
      expect(row[column('Email subject')]).toBe(draft?.subject);
      expect(csv[index + 1][column('Email subject')]).toBe(draft?.subject ?? '');
    });
  });
});

/** The team's own leads, imported before the campaign: the search then leaves the samples out. */
const OWN_LEADS =
  'Name,Email,Title,Company,Website,Industry,Employees,Country\n' +
  'Rita Kundin,rita@kundenfirma.test,VP Sales,Kundenfirma GmbH,kundenfirma.test,SaaS,120,Germany\n' +
  'Tom Abnehmer,tom@abnehmer.test,Vice President of Sales,Abnehmer Software AG,abnehmer.test,Software,300,Germany\n' +
  'Uta Bestand,uta@bestandskunde.test,VP of Sales,Bestandskunde SE,bestandskunde.test,SaaS,450,Germany\n';

describe('the demo with SMTP configured: approve, and each email goes out once', () => {
  const smtp = new TestSmtpServer();
  let testApp: TestApp;
  beforeAll(async () => {
    await smtp.start();
    testApp = await createSendingTestApp(smtp, {
      SEED_SAMPLE_DATA: 'true',
      EMAIL_FROM: 'Ana from Acme <ana@acme.example>',
    });
  });
  afterAll(async () => {
    await testApp.destroy();
    await smtp.stop();
  });

  // The offline planner sends before it exports, so the spreadsheet shows what went out.
  // Sample prospects are never emailed: the campaign goes to the team's own leads.
  it('waits for approval before sending, then sends every draft once', async () => {
    await request(testApp.server)
      .post('/prospects/import')
      .set('content-type', 'text/csv')
      .send(OWN_LEADS)
      .expect(200);
    const planned = await request(testApp.server)
      .post('/command')
      .send({ command: `${COMMAND}, then send them`, context: CONTEXT })
      .expect(201);
    expect(planned.body.steps.map((step: { action: string }) => step.action)).toEqual([
      'search',
      'score_fit',
      'draft',
      'send',
      'spreadsheet',
    ]);
    const jobId = planned.body.job_id as string;
    const parked = await waitForJob(
      testApp,
      jobId,
      hasStatus('waiting_approval', 'failed'),
      30_000,
    );
    expect(parked.status).toBe('waiting_approval');
    const drafts = await outboxOf(testApp, jobId);
    expect(drafts.map((draft) => draft.to).sort()).toEqual([
      'rita@kundenfirma.test',
      'tom@abnehmer.test',
      'uta@bestandskunde.test',
    ]);
    expect(parked.steps[0].summary).toBe('Found 3 prospects; sample prospects left out');
    expect(smtp.received).toHaveLength(0);

    await request(testApp.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
    const done = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'), 30_000);
    expect(done.status).toBe('succeeded');
    expect(done.steps[3].summary).toBe(`Sent ${drafts.length} of ${drafts.length}`);
    expect(smtp.received.map((mail) => mail.envelopeTo[0]).sort()).toEqual(
      drafts.map((draft) => draft.to).sort(),
    );
    const sent = await outboxOf(testApp, jobId);
    expect(new Set(sent.map((message) => message.status))).toEqual(new Set(['sent']));

    // Approving again is refused; nothing goes out twice.
    await request(testApp.server).post(`/jobs/${jobId}/approve`).send({}).expect(409);
    expect(smtp.received).toHaveLength(drafts.length);
  });
});
