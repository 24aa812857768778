import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import {
  GoogleSheetsExportParams,
  SpreadsheetExportParams,
} from '../src/agents/export/dto/export-action.params';
import type { DraftInState } from '../src/agents/email/email-state.types';
import { ExportRetention } from '../src/agents/export/export-retention.service';
import { EXPORT_HEADERS } from '../src/agents/export/utils/export-rows.util';
import { paramsJsonSchema, validateParams } from '../src/orchestrator/agents/action-params.util';
import { planOffline } from '../src/orchestrator/planning/offline/offline-planner';
import { ExportParams } from './fixtures/sales-agents.fixture';
import { AgentRegistry } from '../src/orchestrator/agents/agent-registry.service';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { download, exportProspects, storeExportDrafts } from './helpers/export-fixtures';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';

/** export.spreadsheet through real jobs, the files on disk, and the exports API. */
let testApp: TestApp;
let drafts: DraftInState[];
beforeAll(async () => {
  testApp = await createTestApp();
  drafts = await storeExportDrafts(testApp);
});
afterAll(() => testApp.destroy());

interface ExportState {
  id: string;
  formats: string[];
  rows: number;
  files: { format: string; file_name: string; url: string }[];
}

/** Runs set_context (prospects and drafts) then export.spreadsheet; answers the job and state.export. */
async function runExport(params: Record<string, unknown> = {}, values?: Record<string, unknown>) {
  const jobId = await createJob(testApp, [
    {
      agent: 'core',
      action: 'set_context',
      params: { values: values ?? { prospects: exportProspects, drafts } },
    },
    { agent: 'export', action: 'spreadsheet', params },
  ]);
  const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
  const context = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body;
  return { jobId, job, exported: context.context_data.state.export as ExportState };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('export.spreadsheet in a job', () => {
  let jobId: string;
  let exported: ExportState;
  beforeAll(async () => {
    const run = await runExport();
    expect(run.job.status).toBe('succeeded');
    ({ jobId, exported } = run);
  });

  it('writes state.export with both files and their download URLs', () => {
    expect(exported).toEqual({
      id: expect.any(String),
      kind: 'spreadsheet',
      formats: ['xlsx', 'csv'],
      rows: 3,
      files: ['xlsx', 'csv'].map((format) => ({
        format,
        file_name: `zigral-${jobId}-${today()}.${format}`,
        url: `/exports/${exported.id}/download?format=${format}`,
      })),
    });
    const stored = readdirSync(join(testApp.dir, 'exports'));
    expect(stored.sort()).toEqual([`${exported.id}.csv`, `${exported.id}.xlsx`]);
  });

  it('downloads an XLSX with the header, the rows, numeric scores and the drafts', async () => {
    const response = await download(testApp.server, exported.files[0].url).expect(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="zigral-${jobId}-${today()}.xlsx"`,
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Prospects')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADERS]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const cell = (row: number, header: string) =>
      sheet.getRow(row).getCell(EXPORT_HEADERS.indexOf(header) + 1);
    expect([2, 3, 4].map((row) => cell(row, 'Name').value)).toEqual(
      exportProspects.map((prospect) => prospect.name),
    );
    expect([2, 3, 4].map((row) => cell(row, 'Score').value)).toEqual([92, 55, null]);
    expect(cell(2, 'Email subject').value).toBe('Quick idea for Beispiel');
    expect(cell(3, 'Email subject').value).toBeNull();
    expect(cell(4, 'Email subject').value).toBe('Grüezi Chloé');
    expect(cell(4, 'Country').value).toBe('Switzerland');
    // A formula-looking name stays plain text in the workbook.
    expect(cell(3, 'Name').formula).toBeUndefined();
  });

  it('downloads a UTF-8 CSV with a BOM, RFC 4180 quoting and the formula guard', async () => {
    const response = await download(testApp.server, exported.files[1].url).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="zigral-${jobId}-${today()}.csv"`,
    );
    const text = (response.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFFName,Title,Seniority,Email,Company,')).toBe(true);
    expect(text).toContain('"VP of Sales, DACH"');
    expect(text).toContain('"Beispiel ""Cloud"" GmbH"');
    expect(text).toContain('"Hi Ana,\n\nA short note, ""quoted"", with a comma.\n\nBest"');
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(text).toContain(",'+49 Head of Growth,");
    expect(text).toContain(",'@Evil Corp,");
    expect(text).toContain('Chloé Müller');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('downloads the first format written when none is asked for', async () => {
    const response = await download(testApp.server, `/exports/${exported.id}/download`).expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
  });

  it('lists and shows the export', async () => {
    const list = await request(testApp.server).get('/exports').query({ job_id: jobId }).expect(200);
    expect(list.body).toMatchObject({ total: 1, skip: 0, limit: 20 });
    const one = await request(testApp.server).get(`/exports/${exported.id}`).expect(200);
    expect(list.body.items[0]).toEqual(one.body);
    expect(one.body).toMatchObject({
      id: exported.id,
      job_id: jobId,
      kind: 'spreadsheet',
      status: 'done',
      rows: 3,
      formats: ['xlsx', 'csv'],
      files: [
        { format: 'xlsx', bytes: expect.any(Number), url: exported.files[0].url },
        { format: 'csv', bytes: expect.any(Number), url: exported.files[1].url },
      ],
      spreadsheet_id: null,
    });
    const other = await request(testApp.server)
      .get('/exports')
      .query({ job_id: 'no-such-job' })
      .expect(200);
    expect(other.body).toMatchObject({ items: [], total: 0 });
  });
});

describe('export.spreadsheet errors', () => {
  it('with format writes only that file; another format is a 404 naming it', async () => {
    const { job, exported } = await runExport({ format: 'csv' });
    expect(job.status).toBe('succeeded');
    expect(exported.formats).toEqual(['csv']);
    const missing = await request(testApp.server)
      .get(`/exports/${exported.id}/download?format=xlsx`)
      .expect(404);
    expect(missing.body).toMatchObject({
      statusCode: 404,
      message: `Export "${exported.id}" has no xlsx file (it has csv)`,
      request_id: expect.any(String),
    });
  });

  it('answers 400 for a bad format or id, 404 for an unknown export', async () => {
    const { exported } = await runExport({ format: 'csv' });
    const bad = await request(testApp.server)
      .get(`/exports/${exported.id}/download?format=pdf`)
      .expect(400);
    expect(bad.body.message).toBe('format must be one of xlsx, csv');
    await request(testApp.server).get('/exports/not-a-uuid').expect(400);
    await request(testApp.server).get('/exports?limit=500').expect(400);
    await request(testApp.server).get('/exports?job_id=bad%20id').expect(400);
    const unknown = randomUUID();
    const missing = await request(testApp.server).get(`/exports/${unknown}/download`).expect(404);
    expect(missing.body.message).toBe(`No export with id "${unknown}"`);
    await request(testApp.server).get(`/exports/${unknown}`).expect(404);
  });

  it('answers 410 with a clear message when the file was removed from disk', async () => {
    const { exported } = await runExport({ format: 'csv' });
    rmSync(join(testApp.dir, 'exports', `${exported.id}.csv`));
    const gone = await request(testApp.server).get(exported.files[0].url).expect(410);
    expect(gone.body.message).toContain('no longer on disk');
  });

  it('fails the step for good when prospects is not a list', async () => {
    const { job } = await runExport({}, { prospects: { name: 'Ana' } });
    expect(job.status).toBe('failed');
    expect(job.error).toContain('"prospects" is not a list');
    expect(job.steps[1].attempts).toBe(1);
  });
});

describe('contract with the offline planner', () => {
  it('takes exactly the parameters the offline planner produces', () => {
    const ours = paramsJsonSchema(SpreadsheetExportParams);
    expect(ours).toMatchObject({ required: [], additionalProperties: false });
    expect(ours.properties).toEqual({
      format: {
        ...(paramsJsonSchema(ExportParams).properties as { format: object }).format,
        description: expect.any(String),
      },
    });
    expect(paramsJsonSchema(GoogleSheetsExportParams).properties ?? {}).toEqual({});
    for (const command of [
      'Find CTOs in Germany and export them to a spreadsheet',
      'Find CTOs in Germany and export them as CSV',
    ]) {
      const plan = planOffline({ command, contextKeys: [] });
      if (!plan.ok) throw new Error(`not planned: ${command}`);
      const step = plan.plan.steps.find((candidate) => candidate.agent === 'export')!;
      expect(validateParams(SpreadsheetExportParams, step.params)).toMatchObject({ ok: true });
    }
  });

  it('refuses a command that needs Google Sheets here, with the reason', async () => {
    const response = await request(testApp.server)
      .post('/command')
      .send({ command: 'Find CTOs in Germany and export them to Google Sheets' })
      .expect(422);
    expect(response.body.error).toBe('invalid_plan');
    expect(JSON.stringify(response.body.details)).toContain('set GOOGLE_SERVICE_ACCOUNT_JSON');
  });
});

describe('exports API docs', () => {
  it('documents the routes, the file types, 410 and the DTO fields', async () => {
    const doc = (await request(testApp.server).get('/docs-json').expect(200)).body;
    const download = doc.paths['/exports/{id}/download'].get;
    expect(Object.keys(download.responses['200'].content).sort()).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv; charset=utf-8',
    ]);
    expect(Object.keys(download.responses)).toEqual(expect.arrayContaining(['400', '404', '410']));
    expect(download.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'format',
      'id',
    ]);
    const dto = doc.components.schemas.ExportDto;
    expect(dto.properties.rows.description).toContain('Prospect rows written');
    expect(dto.properties.files.items.$ref).toContain('ExportFileDto');
    expect(doc.paths['/exports'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['job_id', 'skip', 'limit']),
    );
  });
});

describe('export.spreadsheet idempotency', () => {
  it('a re-run under the same key keeps the export and rewrites its files', async () => {
    const action = testApp.app.get(AgentRegistry).findAction('export', 'spreadsheet')!;
    const jobId = `rerun-${randomUUID()}`;
    const context = (prospects: unknown[]) => ({
      jobId,
      stepIndex: 1,
      idempotencyKey: `${jobId}:1`,
      state: { prospects },
      signal: new AbortController().signal,
    });
    const first = await action.invoke({}, context(exportProspects));
    const second = await action.invoke({ format: 'csv' }, context(exportProspects.slice(0, 1)));
    const firstExport = first.writes!.export as ExportState;
    const secondExport = second.writes!.export as ExportState;
    expect(secondExport.id).toBe(firstExport.id);
    expect(secondExport).toMatchObject({ rows: 1, formats: ['csv'] });
    const list = await request(testApp.server).get('/exports').query({ job_id: jobId }).expect(200);
    expect(list.body.total).toBe(1);
    expect(existsSync(join(testApp.dir, 'exports', `${firstExport.id}.xlsx`))).toBe(false);
    const csv = await download(testApp.server, secondExport.files[0].url).expect(200);
    expect((csv.body as Buffer).toString('utf8').trimEnd().split('\r\n')).toHaveLength(2);
  });
});

describe('EXPORT_RETENTION_DAYS', () => {
  const DAY_MS = 24 * 3_600_000;
  let retained: TestApp;
  beforeAll(async () => {
    retained = await createTestApp({ env: { EXPORT_RETENTION_DAYS: '7' } });
  });
  afterAll(() => retained.destroy());

  async function exportOnce(app: TestApp): Promise<ExportState> {
    const jobId = await createJob(app, [
      {
        agent: 'core',
        action: 'set_context',
        params: { values: { prospects: exportProspects } },
      },
      { agent: 'export', action: 'spreadsheet', params: {} },
    ]);
    await waitForJob(app, jobId, hasStatus('succeeded'));
    const context = (await request(app.server).get(`/context/${jobId}`).expect(200)).body;
    return context.context_data.state.export as ExportState;
  }

  it('removes the files of exports older than the retention, keeps the row, and answers 410', async () => {
    const old = await exportOnce(retained);
    const retention = retained.app.get(ExportRetention);
    const dir = join(retained.dir, 'exports');
    expect(await retention.prune(new Date(Date.now() + 6 * DAY_MS))).toBe(0);
    expect(readdirSync(dir)).toHaveLength(2);

    const later = new Date(Date.now() + 8 * DAY_MS);
    expect(await retention.prune(later)).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
    const row = (await request(retained.server).get(`/exports/${old.id}`).expect(200)).body;
    expect(row).toMatchObject({ status: 'done', rows: 3, files_removed_at: later.toISOString() });
    expect(row.files).toHaveLength(2);
    const gone = await request(retained.server).get(old.files[0].url).expect(410);
    expect(gone.body.message).toContain('EXPORT_RETENTION_DAYS');
    // Already handled: a later pass does not count it again.
    expect(await retention.prune(later)).toBe(0);
  });

  it('keeps every file when the retention is 0 (the default)', async () => {
    const kept = await exportOnce(testApp);
    const far = new Date(Date.now() + 3650 * DAY_MS);
    expect(await testApp.app.get(ExportRetention).prune(far)).toBe(0);
    const row = (await request(testApp.server).get(`/exports/${kept.id}`).expect(200)).body;
    expect(row.files_removed_at).toBeNull();
    expect(existsSync(join(testApp.dir, 'exports', `${kept.id}.xlsx`))).toBe(true);
  });
});
