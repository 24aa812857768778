import request from 'supertest';
import { ImportCsvParams } from '../src/agents/prospects/import/import-csv.params';
import type { ProspectInState } from '../src/agents/prospects/prospect.types';
import { validateParams } from '../src/orchestrator/agents/action-params.util';
import { planOffline } from '../src/orchestrator/planning/offline/offline-planner';
import {
  BAD_VALUES_COUNTS,
  BAD_VALUES_CSV,
  BAD_VALUES_PROBLEMS,
} from './fixtures/bad-values-csv.fixture';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';

/** prospects.import_csv in real jobs: explicit plans and an offline-planned command. */
let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.destroy());

const CSV = [
  'First Name,Last Name,Email,Title,Company,Website,Country,# Employees',
  'Anna,Beispiel,anna@nordlicht.example,VP Sales,Nordlicht GmbH,nordlicht.example,Germany,120',
  'Ben,Muster,ben@suedwind.example,CTO,Suedwind AG,suedwind.example,Austria,80',
  'Anna,Beispiel,ANNA@nordlicht.example,VP of Sales,Nordlicht GmbH,,,',
  'Carl,Dorf,not-an-email,CFO,Dorf KG,,,',
].join('\n');

const stateOf = async (jobId: string) =>
  (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body.context_data.state;

describe('prospects.import_csv', () => {
  it('takes the parameters the offline planner sends', () => {
    const plan = planOffline({
      command: 'Import the CSV, score the leads and export to CSV',
      contextKeys: ['csv', 'icp'],
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const step = plan.plan.steps.find((candidate) => candidate.action === 'import_csv')!;
    expect(validateParams(ImportCsvParams, step.params)).toMatchObject({ ok: true });
  });

  it('imports the job context`s CSV and writes the prospects it touched, once each', async () => {
    const jobId = await createJob(
      testApp,
      [{ agent: 'prospects', action: 'import_csv', params: { tags: ['from-job'] } }],
      { csv: CSV },
    );
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('succeeded');
    expect(job.steps[0].summary).toBe(
      'Imported 4 rows: 3 new, 1 merged, 0 skipped, 1 warning (row, column and reason in csv_import.errors)',
    );
    const prospects = (await stateOf(jobId)).prospects as ProspectInState[];
    expect(prospects).toHaveLength(3);
    expect(prospects[0]).toEqual({
      id: expect.any(String),
      name: 'Anna Beispiel',
      email: 'anna@nordlicht.example',
      title: 'VP of Sales',
      seniority: 'vp',
      department: 'Sales',
      country: 'Germany',
      tags: ['from-job'],
      company: {
        name: 'Nordlicht GmbH',
        domain: 'nordlicht.example',
        website_url: 'https://nordlicht.example',
        employee_count: 120,
      },
    });
    expect(prospects[1]).toMatchObject({ name: 'Ben Muster', title: 'CTO', seniority: 'c_level' });
    expect(prospects[2]).toMatchObject({ name: 'Carl Dorf', title: 'CFO' });
    expect(prospects[2].email).toBeUndefined();
    const found = await request(testApp.server)
      .get('/prospects')
      .query({ tag: 'from-job' })
      .expect(200);
    expect(found.body.total).toBe(3);
  });

  it('keeps every person with a bad optional value, and lists each problem in the state', async () => {
    const jobId = await createJob(
      testApp,
      [{ agent: 'prospects', action: 'import_csv', params: { tags: ['bad-values'] } }],
      { csv: BAD_VALUES_CSV },
    );
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('succeeded');
    expect(job.steps[0].summary).toBe(
      'Imported 4 rows: 3 new, 0 merged, 1 skipped, 6 warnings (row, column and reason in csv_import.errors)',
    );
    const state = await stateOf(jobId);
    expect(state.csv_import).toMatchObject({
      ...BAD_VALUES_COUNTS,
      errors: BAD_VALUES_PROBLEMS,
      errors_truncated: false,
    });
    const prospects = state.prospects as ProspectInState[];
    expect(prospects.map((prospect) => prospect.name)).toEqual([
      'Gina Probe',
      'Hugo Versuch',
      'Ines Beleg',
    ]);
    expect(prospects[0]).toMatchObject({ title: 'CEO', company: { name: 'Probehaus GmbH' } });
    expect(prospects[0].linkedin_url).toBeUndefined();
    expect(prospects[0].company.employee_count).toBeUndefined();
    expect(prospects[1].company).toMatchObject({ name: 'Versuchswerk AG', employee_count: 80 });
    expect(JSON.stringify(prospects)).not.toMatch(/HYPERLINK|evil\.example|<b>/);
  });

  it('keeps the first 100 problems in the state, and says there were more', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `Person ${i},p${i}@x.example,lots`);
    const jobId = await createJob(
      testApp,
      [{ agent: 'prospects', action: 'import_csv', params: {} }],
      { csv: ['name,email,employees', ...rows].join('\n') },
    );
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('succeeded');
    const report = (await stateOf(jobId)).csv_import;
    expect(report).toMatchObject({ rows: 120, skipped: 0, warnings: 120, errors_truncated: true });
    expect(report.errors).toHaveLength(100);
    expect(report.errors[99]).toMatchObject({ row: 100, field: 'employees', severity: 'warning' });
  });

  it('fails the step for good, with the reasons, when no row is usable', async () => {
    const jobId = await createJob(
      testApp,
      [{ agent: 'prospects', action: 'import_csv', params: {} }],
      { csv: 'Name,Email\n,anna@\n' },
    );
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('failed');
    expect(job.steps[0].attempts).toBe(1);
    expect(job.error).toContain(
      'The CSV has no usable rows: all 1 were skipped (row 1 Email: not an email address: "anna@")',
    );
  });

  it('fails for good on a CSV without a header', async () => {
    const jobId = await createJob(
      testApp,
      [{ agent: 'prospects', action: 'import_csv', params: {} }],
      { csv: 'Anna Beispiel,anna@x.example\n' },
    );
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job).toMatchObject({ status: 'failed' });
    expect(job.steps[0].attempts).toBe(1);
    expect(job.error).toContain('The first row must be a header');
  });

  it('takes an explicit mapping, and reports the mapping and the columns not imported', async () => {
    const csv = [
      'Kontakt,E-Mail,Profil,Firma,Branche,Notiz',
      'Eva Nord,eva@fjord.example,https://www.linkedin.com/in/eva-nord,Fjord GmbH,Software,vip',
    ].join('\n');
    const mapping = { Kontakt: 'name', Profil: 'linkedin_url', Firma: 'company_name', Notiz: null };
    const jobId = await createJob(
      testApp,
      [{ agent: 'prospects', action: 'import_csv', params: { mapping } }],
      { csv },
    );
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('succeeded');
    expect(job.steps[0].summary).toBe(
      'Imported 1 rows: 1 new, 0 merged, 0 skipped; columns not imported: Branche, Notiz',
    );
    const state = await stateOf(jobId);
    expect(state.csv_import).toEqual({
      source: 'csv',
      rows: 1,
      inserted: 1,
      updated: 0,
      skipped: 0,
      warnings: 0,
      errors: [],
      errors_truncated: false,
      unmapped_columns: ['Branche', 'Notiz'],
      mapping: {
        Kontakt: 'name',
        'E-Mail': 'email',
        Profil: 'linkedin_url',
        Firma: 'company_name',
        Branche: null,
        Notiz: null,
      },
    });
    expect((state.prospects as ProspectInState[])[0]).toMatchObject({
      name: 'Eva Nord',
      linkedin_url: 'https://www.linkedin.com/in/eva-nord',
      company: { name: 'Fjord GmbH' },
    });
  });

  it('refuses a plan whose mapping names no field, listing the fields', async () => {
    const response = await request(testApp.server)
      .post('/jobs')
      .send({
        objective: 'Import',
        steps: [
          {
            agent: 'prospects',
            action: 'import_csv',
            params: { mapping: { Branche: 'sector' } },
          },
        ],
        context: { csv: CSV },
      })
      .expect(422);
    expect(response.body.details).toContainEqual(
      expect.objectContaining({
        path: 'steps[0].params.mapping',
        message: expect.stringMatching(
          /^is not valid: "Branche" → "sector" is not a field; the fields: name, first_name,/,
        ),
      }),
    );
  });

  it('fails for good, naming the column, when the mapping names one the CSV does not have', async () => {
    const jobId = await createJob(
      testApp,
      [{ agent: 'prospects', action: 'import_csv', params: { mapping: { Branche: 'industry' } } }],
      { csv: CSV },
    );
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('failed');
    expect(job.steps[0].attempts).toBe(1);
    expect(job.error).toContain(
      'mapping names a column the file does not have: "Branche"; the file\'s columns: "First Name",',
    );
  });

  it('runs in a planned command: import, then score against the ICP', async () => {
    const response = await request(testApp.server)
      .post('/command')
      .send({
        command: 'Import the CSV and score the leads against our ICP',
        context: { csv: CSV, icp: { titles: ['VP of Sales'], countries: ['Germany'] } },
      })
      .expect(201);
    expect(response.body.steps.map((step: { action: string }) => step.action)).toEqual([
      'import_csv',
      'score_fit',
    ]);
    const job = await waitForJob(testApp, response.body.job_id, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('succeeded');
    const prospects = (await stateOf(response.body.job_id)).prospects as ProspectInState[];
    expect(prospects[0]).toMatchObject({ name: 'Anna Beispiel', score: 100 });
  });
});

describe('POST /prospects/import in the OpenAPI document', () => {
  it('documents both body types, the answer and the errors', async () => {
    const docs = (await request(testApp.server).get('/docs-json').expect(200)).body;
    const operation = docs.paths['/prospects/import'].post;
    expect(Object.keys(operation.requestBody.content).sort()).toEqual([
      'multipart/form-data',
      'text/csv',
    ]);
    expect(operation.requestBody.content['multipart/form-data'].schema).toMatchObject({
      properties: { file: { type: 'string', format: 'binary' } },
    });
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'batch',
      'import_id',
      'mapping',
      'source',
      'tags',
    ]);
    const mapping = operation.parameters.find((p: { name: string }) => p.name === 'mapping');
    expect(mapping).toMatchObject({ in: 'query', required: false, schema: { type: 'string' } });
    expect(mapping.description).toContain('null to ignore the column');
    expect(mapping.description).toContain('company_name');
    // The example names columns of the body's own example, so "Try it out" imports it.
    expect(JSON.parse(mapping.schema.example)).toEqual({
      'Company Industry': 'industry',
      Notes: null,
    });
    expect(
      operation.requestBody.content['multipart/form-data'].schema.properties.mapping,
    ).toMatchObject({
      type: 'string',
    });
    expect(Object.keys(operation.responses)).toEqual(
      expect.arrayContaining(['200', '400', '413', '415']),
    );
    const result = docs.components.schemas.ImportResultDto;
    expect(Object.keys(result.properties).sort()).toEqual([
      'errors',
      'errors_truncated',
      'import_id',
      'inserted',
      'mapping',
      'rows',
      'skipped',
      'source',
      'unknown_columns',
      'unmapped_columns',
      'updated',
      'warnings',
    ]);
    expect(docs.components.schemas.ImportRowErrorDto.properties.severity).toMatchObject({
      enum: ['error', 'warning'],
      description: expect.stringContaining('the row was skipped'),
    });
    expect(result.properties.unmapped_columns).toMatchObject({
      type: 'array',
      items: { type: 'string' },
      description: expect.stringContaining('ignores (null)'),
    });
    expect(result.properties.mapping).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'string', nullable: true },
      example: expect.objectContaining({ 'Company Industry': 'industry', Notes: null }),
    });
    expect(result.properties.unknown_columns).toMatchObject({ deprecated: true });
    expect(result.properties.updated.description).toContain('earlier row of the same file');
    expect(docs.components.schemas.ImportRowErrorDto.properties.row.description).toContain(
      'first row after the header',
    );
  });
});
