import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompanyEntity } from '../src/agents/prospects/company.entity';
import { ResearchAgentModule } from '../src/agents/research/research.module';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { FakeWebsite, html, startFakeWebsite } from './helpers/fake-website-server';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';

/**
 * A website on a one-label host (`localhost`) is a web address like one on an IP address: the
 * import stores both, and whether research may fetch them is its address policy
 * (RESEARCH_ALLOW_PRIVATE), applied to both alike when fetching.
 */
let site: FakeWebsite;
beforeAll(async () => {
  site = await startFakeWebsite({ '/': html('<title>Local Co</title><p>Local Co runs here.</p>') });
});
afterAll(() => site.close());

const csv = () =>
  [
    'Name,Email,Company,Website',
    `Anna Lokal,anna@lokal.example,Lokal GmbH,http://localhost:${site.port}/`,
    `Ben Adresse,ben@adresse.example,Adresse AG,http://127.0.0.1:${site.port}/`,
  ].join('\n');

/** Imports the CSV over HTTP, then researches every prospect in a job; the companies it wrote. */
async function importAndResearch(testApp: TestApp) {
  const imported = await request(testApp.server)
    .post('/prospects/import')
    .set('content-type', 'text/csv')
    .send(csv())
    .expect(200);
  expect(imported.body).toMatchObject({ rows: 2, inserted: 2, skipped: 0, errors: [] });
  const companies = await testApp.app
    .get(DataSource)
    .getRepository(CompanyEntity)
    .find({ order: { name: 'ASC' } });
  expect(companies.map(({ name, domain, websiteUrl }) => [name, domain, websiteUrl])).toEqual([
    ['Adresse AG', '127.0.0.1', `http://127.0.0.1:${site.port}/`],
    ['Lokal GmbH', 'localhost', `http://localhost:${site.port}/`],
  ]);
  const jobId = await createJob(testApp, [
    { agent: 'prospects', action: 'search', params: {} },
    { agent: 'research', action: 'company_summary', params: {} },
  ]);
  const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
  expect(job.status).toBe('succeeded');
  const state = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body
    .context_data.state as { companies: Record<string, string>[] };
  return [...state.companies].sort((a, b) => a.domain.localeCompare(b.domain));
}

describe('with private addresses refused (the default)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ imports: [ResearchAgentModule] });
  });
  afterAll(() => testApp.destroy());

  it('imports both websites, and research refuses both without a request', async () => {
    const before = site.requests.length;
    const companies = await importAndResearch(testApp);
    expect(companies.map(({ domain, error }) => [domain, error])).toEqual([
      ['127.0.0.1', 'Refused: 127.0.0.1 is a loopback address; only public addresses are fetched'],
      [
        'localhost',
        expect.stringMatching(/^Refused: localhost resolves to .*, a loopback address/),
      ],
    ]);
    expect(site.requests).toHaveLength(before);
  });
});

describe('with private addresses allowed (RESEARCH_ALLOW_PRIVATE=true)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({
      imports: [ResearchAgentModule],
      env: { RESEARCH_ALLOW_PRIVATE: 'true' },
    });
  });
  afterAll(() => testApp.destroy());

  it('imports both websites, and research fetches both', async () => {
    const before = site.requests.length;
    const companies = await importAndResearch(testApp);
    expect(companies.map(({ domain, title, error }) => [domain, title, error])).toEqual([
      ['127.0.0.1', 'Local Co', undefined],
      ['localhost', 'Local Co', undefined],
    ]);
    expect(site.requests.length - before).toBe(2);
  });
});
