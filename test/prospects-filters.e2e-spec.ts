import request from 'supertest';
import { ProspectsService } from '../src/agents/prospects/prospects.service';
import type { ProspectInState } from '../src/agents/prospects/prospect.types';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';

/**
 * The filters people say — company, excluded companies and countries, source, named import, not
 * contacted lately, never emailed — over HTTP and through prospects.search, on the sample data.
 */
let testApp: TestApp;
beforeAll(async () => {
  // Totals over HTTP exact for the 1,323 sample prospects: a bound above them.
  testApp = await createTestApp({
    env: { SEED_SAMPLE_DATA: 'true', PROSPECTS_COUNT_BOUND: '10000' },
  });
});
afterAll(() => testApp.destroy());

interface Found {
  total: number;
  items: { id: string; country: string | null; company: { name: string } | null; tags: string[] }[];
}

/** GET /prospects with the sample prospects included, up to 100. */
async function find(query: Record<string, unknown>): Promise<Found> {
  const response = await request(testApp.server)
    .get('/prospects')
    .query({ include_sample: true, limit: 100, ...query })
    .expect(200);
  return response.body as Found;
}

async function refused(query: Record<string, unknown>): Promise<string> {
  const response = await request(testApp.server).get('/prospects').query(query).expect(400);
  return JSON.stringify(response.body.message);
}

/** Runs one prospects.search step; answers the prospects it wrote. */
async function search(params: Record<string, unknown>): Promise<ProspectInState[]> {
  const jobId = await createJob(testApp, [
    { agent: 'prospects', action: 'search', params: { include_sample: true, ...params } },
  ]);
  const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
  expect(job.status).toBe('succeeded');
  const context = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body;
  return context.context_data.state.prospects as ProspectInState[];
}

const ANALYTICS = 'Driftwell Analytics GmbH';
const BRIGHTFJORD = 'Brightfjord Data plc';
const companyOf = (found: Found) => new Set(found.items.map((item) => item.company?.name));

describe('company and country filters', () => {
  it('finds companies by name in any case and spacing, or by domain', async () => {
    const byName = await find({ company: '  driftwell   ANALYTICS gmbh' });
    expect(byName.total).toBe(8);
    expect(companyOf(byName)).toEqual(new Set([ANALYTICS]));
    expect((await find({ company: 'Driftwell Analytics' })).total).toBe(0);
    const both = await find({ company: `${ANALYTICS},https://www.brightfjorddata.example/` });
    expect(both.total).toBe(13);
    expect(companyOf(both)).toEqual(new Set([ANALYTICS, BRIGHTFJORD]));
  });

  it('leaves out excluded companies and countries, combined with the other filters', async () => {
    const all = (await find({})).total;
    expect((await find({ exclude_company: [ANALYTICS, 'brightfjorddata.example'] })).total).toBe(
      all - 13,
    );
    const us = (await find({ country: 'United States' })).total;
    const outside = await find({ exclude_country: 'united states', limit: 10 });
    expect(outside.total).toBe(all - us);
    const german = await find({ country: 'Germany', exclude_company: ANALYTICS });
    expect(german.total).toBe((await find({ country: 'Germany' })).total - 8);
    expect(companyOf(german).has(ANALYTICS)).toBe(false);
    expect((await find({ company: ANALYTICS, exclude_country: 'Germany' })).total).toBe(0);
  });

  it('does the same through prospects.search', async () => {
    const found = await search({
      companies: ['driftwell analytics gmbh', 'brightfjorddata.example'],
    });
    expect(found).toHaveLength(13);
    const notThere = await search({
      countries: ['Germany', 'United Kingdom'],
      exclude_countries: ['Germany'],
      exclude_companies: [BRIGHTFJORD],
      limit: 1000,
    });
    // A job never finds opted-out prospects.
    const british = await find({
      country: 'United Kingdom',
      exclude_company: BRIGHTFJORD,
      opted_out: false,
    });
    expect(notThere).toHaveLength(british.total);
    expect(notThere.every((prospect) => prospect.country === 'United Kingdom')).toBe(true);
    expect(notThere.some((prospect) => prospect.company?.name === BRIGHTFJORD)).toBe(false);
  });
});

describe('source, tag and named imports', () => {
  const csv = 'name,email,company\nIda Import,ida@importer.example,Importer AB\n';

  it('names an import; its rows carry import:<name> and are found by batch and source', async () => {
    expect((await find({ batch: 'nov-webinar' })).total).toBe(0);
    await request(testApp.server)
      .post('/prospects/import')
      .query({ batch: 'nov-webinar', source: 'webinar' })
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
    const batch = await find({ batch: 'nov-webinar' });
    expect(batch.total).toBe(1);
    expect(batch.items[0].tags).toContain('import:nov-webinar');
    expect((await find({ source: 'WEBINAR' })).total).toBe(1);
    expect((await find({ source: 'webinar', tag: 'sample' })).total).toBe(0);
    expect((await find({ source: 'sample' })).total).toBe((await find({ tag: 'sample' })).total);
    expect(
      (await search({ batches: ['nov-webinar'], sources: ['webinar'] })).map((p) => p.name),
    ).toEqual(['Ida Import']);
  });

  it('names an import of prospects.import_csv the same way', async () => {
    const jobId = await createJob(
      testApp,
      [{ agent: 'prospects', action: 'import_csv', params: { batch: 'job-batch' } }],
      { csv: 'name,email\nJon Job,jon@job.example\n' },
    );
    expect((await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'))).status).toBe(
      'succeeded',
    );
    const found = await search({ batches: ['job-batch'], tags: ['import:job-batch'] });
    expect(found.map((prospect) => prospect.name)).toEqual(['Jon Job']);
  });
});

describe('not contacted lately, never emailed', () => {
  it('reads when the latest email was sent, as the email module records it', async () => {
    const [anna, ben] = (await find({ company: ANALYTICS, limit: 2 })).items;
    const prospects = testApp.app.get(ProspectsService);
    const day = 24 * 60 * 60 * 1000;
    await prospects.recordContacted(anna.id, new Date(Date.now() - 10 * day));
    await prospects.recordContacted(ben.id, new Date(Date.now() - 100 * day));
    // An older sending never replaces a later one.
    await prospects.recordContacted(anna.id, new Date(Date.now() - 200 * day));

    const ids = async (query: Record<string, unknown>) =>
      (await find({ company: ANALYTICS, ...query })).items.map((item) => item.id);
    expect(await ids({ never_emailed: false })).toEqual(expect.arrayContaining([anna.id, ben.id]));
    expect(await ids({ never_emailed: false })).toHaveLength(2);
    expect(await ids({ never_emailed: true })).toHaveLength(6);
    const notIn30 = await ids({ not_contacted_days: 30 });
    expect(notIn30).toHaveLength(7);
    expect(notIn30).not.toContain(anna.id);
    expect(await ids({ not_contacted_days: 365, never_emailed: false })).toEqual([]);

    const viaJob = await search({ companies: [ANALYTICS], not_contacted_days: 30 });
    expect(viaJob.map((prospect) => prospect.id).sort()).toEqual([...notIn30].sort());
    expect(await search({ companies: [ANALYTICS], never_emailed: false })).toHaveLength(2);
  });
});

describe('validation', () => {
  it('answers 400 naming the field', async () => {
    expect(await refused({ not_contacted_days: 0 })).toContain(
      'not_contacted_days must be at least 1',
    );
    expect(await refused({ not_contacted_days: 'soon' })).toContain(
      'not_contacted_days must be a whole number',
    );
    expect(await refused({ never_emailed: 'maybe' })).toContain(
      'never_emailed must be true or false',
    );
    expect(await refused({ batch: 'two words' })).toContain('each batch must be 1-64');
    expect(await refused({ company: 'x'.repeat(201) })).toContain('each value of company');
    expect(await refused({ exclude_company: Array(51).fill('a') })).toContain(
      'exclude_company takes at most 50 values',
    );
    expect(await refused({ exclude_country: 'y'.repeat(201) })).toContain('exclude_country');
    expect(await refused({ source: 'z'.repeat(201) })).toContain('each value of source');
  });

  it('refuses no_reply by name until the mailbox exists', async () => {
    expect(await refused({ no_reply: true })).toContain(
      'no_reply needs the mailbox (not built yet)',
    );
  });

  it('refuses a bad value of a prospects.search step before the job runs', async () => {
    const response = await request(testApp.server)
      .post('/jobs')
      .send({
        objective: 'Test job',
        steps: [{ agent: 'prospects', action: 'search', params: { not_contacted_days: 0 } }],
      });
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body)).toContain('not_contacted_days');
  });
});
