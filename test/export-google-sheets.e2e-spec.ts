import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { GOOGLE_SHEET_HEADERS } from '../src/agents/export/google-sheets/sheet-rows.util';
import { AgentRegistry } from '../src/orchestrator/agents/agent-registry.service';
import type { ActionContext } from '../src/orchestrator/agents/agent.types';
import { ActionError } from '../src/orchestrator/agents/retry-policy.util';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { exportProspects, storeExportDrafts } from './helpers/export-fixtures';
import { FakeGoogleSheets, startFakeGoogleSheets } from './helpers/fake-google-sheets-server';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';

/** export.google_sheets against a fake Sheets API and token endpoint on 127.0.0.1. */
const steps = (values: Record<string, unknown>) => [
  { agent: 'core', action: 'set_context', params: { values } },
  { agent: 'export', action: 'google_sheets', params: {} },
];

const column = (header: string) => GOOGLE_SHEET_HEADERS.indexOf(header);

const sheetsEnv = (fake: FakeGoogleSheets) => ({
  GOOGLE_SERVICE_ACCOUNT_JSON: fake.serviceAccountJson,
  GOOGLE_SHEETS_SPREADSHEET_ID: fake.spreadsheetId,
  GOOGLE_SHEETS_ROOT_URL: `${fake.origin}/`,
});

describe('export.google_sheets, configured', () => {
  let fake: FakeGoogleSheets;
  let testApp: TestApp;
  let jobValues: Record<string, unknown>;
  beforeAll(async () => {
    fake = await startFakeGoogleSheets({ tabs: ['Leads', 'Zigral'] });
    testApp = await createTestApp({ env: sheetsEnv(fake) });
    jobValues = { prospects: exportProspects, drafts: await storeExportDrafts(testApp) };
  });
  afterAll(async () => {
    await testApp.destroy();
    await fake.close();
  });

  const runJob = async () => {
    const jobId = await createJob(testApp, steps(jobValues));
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    return { jobId, job };
  };

  it('appends a header and one row per prospect to the "Zigral" tab, RAW, with the fake token', async () => {
    const { jobId, job } = await runJob();
    expect(job.status).toBe('succeeded');
    const [append] = fake.appends();
    expect(append.path).toBe(`/v4/spreadsheets/${fake.spreadsheetId}/values/'Zigral'!A1:append`);
    expect(append.query.get('valueInputOption')).toBe('RAW');
    expect(append.authorization).toBe(`Bearer ${fake.accessToken}`);
    expect(fake.tokenClaims[0]).toMatchObject({
      iss: fake.clientEmail,
      scope: 'https://www.googleapis.com/auth/spreadsheets',
    });
    const values = (append.body as { values: unknown[][] }).values;
    expect(values[0]).toEqual(GOOGLE_SHEET_HEADERS);
    expect(values.slice(1).map((row) => row[0])).toEqual(exportProspects.map((p) => p.name));
    expect(values.slice(1).map((row) => row[column('Score')])).toEqual([92, 55, '']);
    expect(values[1][column('Email subject')]).toBe('Quick idea for Beispiel');
    expect(values[1][column('Email status')]).toBe('draft');
    // RAW keeps a formula-looking cell as text; no apostrophe is added.
    expect(values[2][0]).toBe('=HYPERLINK("http://evil.example","click")');

    const context = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body;
    const exported = context.context_data.state.export;
    expect(exported).toEqual({
      id: expect.any(String),
      kind: 'google_sheets',
      rows: 3,
      spreadsheet_id: fake.spreadsheetId,
      range: "'Zigral'!A1:T4",
    });
    expect(values[1][column('Export ID')]).toBe(exported.id);
    const listed = await request(testApp.server)
      .get('/exports')
      .query({ job_id: jobId })
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ kind: 'google_sheets', status: 'done', rows: 3, files: [] }),
    ]);
    const noFile = await request(testApp.server)
      .get(`/exports/${exported.id}/download`)
      .expect(404);
    expect(noFile.body.message).toContain('it wrote no files');
    expect(JSON.stringify([context, listed.body])).not.toContain('PRIVATE KEY');
  });

  it('appends later exports under the existing header', async () => {
    const before = fake.tabs.get('Zigral')!.length;
    expect((await runJob()).job.status).toBe('succeeded');
    const values = (fake.appends().at(-1)!.body as { values: unknown[][] }).values;
    expect(values).toHaveLength(3);
    expect(fake.tabs.get('Zigral')).toHaveLength(before + 3);
    expect(fake.tabs.get('Leads')).toEqual([]);
  });

  it('appends once under one key: a re-run of the step appends nothing', async () => {
    const action = testApp.app.get(AgentRegistry).findAction('export', 'google_sheets')!;
    const jobId = `rerun-${randomUUID()}`;
    const context: ActionContext = {
      jobId,
      stepIndex: 1,
      idempotencyKey: `${jobId}:1`,
      state: { prospects: exportProspects },
      signal: new AbortController().signal,
    };
    const appendsBefore = fake.appends().length;
    const first = await action.invoke({}, context);
    const second = await action.invoke({}, context);
    expect(fake.appends()).toHaveLength(appendsBefore + 1);
    expect(second.writes).toEqual(first.writes);
    expect(second.summary).toContain('Already appended 3 prospects');
  });

  it('a step that stopped after Google stored the rows does not append them again', async () => {
    fake.failNextAppendAfterStoring = true;
    const appendsBefore = fake.appends().length;
    const rowsBefore = fake.tabs.get('Zigral')!.length;
    const { jobId, job } = await runJob();
    expect(job.status).toBe('succeeded');
    expect(job.steps[1].attempts).toBe(2);
    expect(fake.appends()).toHaveLength(appendsBefore + 1);
    expect(fake.tabs.get('Zigral')).toHaveLength(rowsBefore + 3);
    const listed = await request(testApp.server)
      .get('/exports')
      .query({ job_id: jobId })
      .expect(200);
    expect(listed.body.items[0]).toMatchObject({ status: 'done', rows: 3 });
  });
});

describe('export.google_sheets with no prospects', () => {
  let fake: FakeGoogleSheets;
  let testApp: TestApp;
  beforeAll(async () => {
    fake = await startFakeGoogleSheets({ tabs: ['Zigral'] });
    testApp = await createTestApp({ env: sheetsEnv(fake) });
  });
  afterAll(async () => {
    await testApp.destroy();
    await fake.close();
  });

  const runEmpty = async () => {
    const jobId = await createJob(testApp, steps({ prospects: [] }));
    return waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
  };

  it('appends the header row only to an empty tab, then nothing under an existing header', async () => {
    const first = await runEmpty();
    expect(first.status).toBe('succeeded');
    expect(first.steps[1].summary).toBe(
      "Nothing to do: no prospects; appended the header row only to Google Sheets ('Zigral'!A1:T1)",
    );
    expect(fake.tabs.get('Zigral')).toEqual([GOOGLE_SHEET_HEADERS]);

    const second = await runEmpty();
    expect(second.status).toBe('succeeded');
    expect(second.steps[1].summary).toBe(
      'Nothing to do: no prospects; the Google Sheet has its header row already, nothing appended',
    );
    expect(fake.appends()).toHaveLength(1);
    expect(fake.tabs.get('Zigral')).toHaveLength(1);
  });
});

describe('export.google_sheets, not configured', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.destroy());

  const reason =
    'Google Sheets is not configured: set GOOGLE_SERVICE_ACCOUNT_JSON and GOOGLE_SHEETS_SPREADSHEET_ID';

  it('is listed as unavailable with the reason; the spreadsheet export is available', async () => {
    const agents = (await request(testApp.server).get('/agents').expect(200)).body;
    const exportAgent = agents.find((agent: { name: string }) => agent.name === 'export');
    expect(exportAgent.actions).toEqual([
      expect.objectContaining({
        name: 'google_sheets',
        side_effect: true,
        available: false,
        unavailable_reason: reason,
      }),
      expect.objectContaining({ name: 'spreadsheet', side_effect: false, available: true }),
    ]);
  });

  it('refuses a plan that uses it, with the reason', async () => {
    const response = await request(testApp.server)
      .post('/jobs')
      .send({ objective: 'To Google', steps: steps({ prospects: exportProspects }) })
      .expect(422);
    expect(response.body.error).toBe('invalid_plan');
    expect(JSON.stringify(response.body.details)).toContain(reason);
  });

  it('the action itself fails for good', async () => {
    const action = testApp.app.get(AgentRegistry).findAction('export', 'google_sheets')!;
    const failure = await action
      .invoke(
        {},
        {
          jobId: 'j',
          stepIndex: 0,
          idempotencyKey: 'j:0',
          state: { prospects: exportProspects },
          signal: new AbortController().signal,
        },
      )
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ActionError);
    expect((failure as ActionError).retryable).toBe(false);
    expect((failure as ActionError).message).toBe(reason);
  });
});

describe('export.google_sheets, with an unusable key', () => {
  it('names the problem, never the key', async () => {
    const testApp = await createTestApp({
      env: {
        GOOGLE_SERVICE_ACCOUNT_JSON: '{"type":"service_account","private_key":"s3cret-value"}',
        GOOGLE_SHEETS_SPREADSHEET_ID: 'fakeSpreadsheet_0123456789',
      },
    });
    try {
      const agents = await request(testApp.server).get('/agents').expect(200);
      const exportAgent = agents.body.find((agent: { name: string }) => agent.name === 'export');
      expect(exportAgent.actions[0].unavailable_reason).toBe(
        'GOOGLE_SERVICE_ACCOUNT_JSON is not a usable service account key: "client_email" is missing',
      );
      expect(JSON.stringify(agents.body)).not.toContain('s3cret');
    } finally {
      await testApp.destroy();
    }
  });
});
