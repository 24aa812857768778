import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompanyEntity } from '../src/agents/prospects/company.entity';
import { ProspectEntity } from '../src/agents/prospects/prospect.entity';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';

/** Domains nobody can own: example.com/.org/.net and the .example and .test top-level domains. */
const RESERVED_DOMAIN = /(^|\.)(example\.(com|org|net)|example|test)$/;

// GET /prospects counts the 1,323 sample prospects exactly (a bound above them).
const start = (options: { dir?: string; env?: Record<string, string> } = {}) =>
  createTestApp({
    ...options,
    env: { SEED_SAMPLE_DATA: 'true', PROSPECTS_COUNT_BOUND: '10000', ...options.env },
  });

describe('sample prospects', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await start();
  });
  afterAll(() => testApp.destroy());

  it('are loaded on first start: at least 1,000, all on reserved domains', async () => {
    const dataSource = testApp.app.get(DataSource);
    const prospects = await dataSource.getRepository(ProspectEntity).find();
    const companies = await dataSource.getRepository(CompanyEntity).find();
    expect(prospects.length).toBeGreaterThanOrEqual(1000);
    expect(companies.length).toBeGreaterThanOrEqual(150);
    for (const prospect of prospects) {
      expect(prospect.email).not.toBeNull();
      expect(prospect.email!.split('@')[1]).toMatch(RESERVED_DOMAIN);
      expect(prospect.linkedinUrl).toBeNull();
      expect(prospect).toMatchObject({
        source: 'sample',
        isSample: true,
        tags: expect.arrayContaining(['sample']),
      });
      expect(prospect.seniority).not.toBeNull();
      expect(prospect.companyId).not.toBeNull();
    }
    for (const company of companies) {
      expect(company.domain).toMatch(RESERVED_DOMAIN);
      expect(new URL(company.websiteUrl!).hostname).toMatch(RESERVED_DOMAIN);
    }
    const page = (await request(testApp.server).get('/prospects').expect(200)).body;
    expect(page).toMatchObject({ total: prospects.length, sample_excluded: false });
    expect(page.items[0].sample).toBe(true);
  });

  it('answer the README demo: VPs of Sales at SaaS companies in Germany with 50-500 employees', async () => {
    const response = await request(testApp.server)
      .get('/prospects')
      .query({
        title: 'VP Sales',
        country: 'Germany',
        industry: 'SaaS',
        employees_min: 50,
        employees_max: 500,
        opted_out: false,
      })
      .expect(200);
    expect(response.body.total).toBeGreaterThanOrEqual(5);
    for (const prospect of response.body.items) {
      expect(prospect).toMatchObject({ seniority: 'vp', country: 'Germany' });
      expect(prospect.title).toMatch(/^(VP|Vice President|SVP)/);
      expect(prospect.company.industry).toBe('Software');
      expect(prospect.company.employee_count).toBeGreaterThanOrEqual(50);
      expect(prospect.company.employee_count).toBeLessThanOrEqual(500);
    }
  });

  it('span every seniority and many countries', async () => {
    for (const seniority of [
      'founder',
      'c_level',
      'vp',
      'director',
      'manager',
      'senior',
      'entry',
    ]) {
      const response = await request(testApp.server).get(`/prospects?seniority=${seniority}`);
      expect(response.body.total).toBeGreaterThan(10);
    }
    for (const country of [
      'Germany',
      'Austria',
      'Switzerland',
      'United Kingdom',
      'France',
      'Netherlands',
      'Sweden',
      'United States',
    ]) {
      const response = await request(testApp.server).get(`/prospects?country=${country}`);
      expect(response.body.total).toBeGreaterThan(10);
    }
  });
});

describe('loading the sample prospects', () => {
  it('happens once: a restart on the same database adds nothing', async () => {
    const first = await start();
    const dataSource = first.app.get(DataSource);
    const before = await dataSource.getRepository(ProspectEntity).count();
    const emails = (
      await dataSource.getRepository(ProspectEntity).find({ order: { email: 'ASC' } })
    ).map((prospect) => prospect.email);
    await first.close();
    const second = await start({ dir: first.dir });
    try {
      const repository = second.app.get(DataSource).getRepository(ProspectEntity);
      expect(await repository.count()).toBe(before);
      expect(await second.app.get(DataSource).getRepository(CompanyEntity).count()).toBeGreaterThan(
        0,
      );
      expect(
        (await repository.find({ order: { email: 'ASC' } })).map((prospect) => prospect.email),
      ).toEqual(emails);
    } finally {
      await second.destroy();
    }
  });

  it('is skipped when the table holds anything, even after the samples were deleted', async () => {
    const first = await start();
    const repository = first.app.get(DataSource).getRepository(ProspectEntity);
    const [kept] = await repository.find({ take: 1 });
    await repository.createQueryBuilder().delete().where('id != :id', { id: kept.id }).execute();
    await first.close();
    const second = await start({ dir: first.dir });
    try {
      expect(await second.app.get(DataSource).getRepository(ProspectEntity).count()).toBe(1);
    } finally {
      await second.destroy();
    }
  });

  it('is off with SEED_SAMPLE_DATA=false', async () => {
    const app = await start({ env: { SEED_SAMPLE_DATA: 'false' } });
    try {
      const response = await request(app.server).get('/prospects').expect(200);
      expect(response.body).toMatchObject({ total: 0, items: [] });
      expect(await app.app.get(DataSource).getRepository(CompanyEntity).count()).toBe(0);
    } finally {
      await app.destroy();
    }
  });
});

describe('sample prospects next to real ones', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await start();
  });
  afterAll(() => testApp.destroy());

  const VP_SALES_GERMANY = { title: 'VP Sales', country: 'Germany', opted_out: false, limit: 100 };
  const REAL_CSV =
    'Name,Email,Title,Company,Website,Industry,Country\n' +
    'Rita Kundin,rita@kundenfirma.test,VP Sales,Kundenfirma GmbH,kundenfirma.test,Software,Germany\n';

  const search = (query: Record<string, unknown>) =>
    request(testApp.server).get('/prospects').query(query).expect(200);

  async function runSearch(params: Record<string, unknown>) {
    const jobId = await createJob(testApp, [{ agent: 'prospects', action: 'search', params }]);
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('succeeded');
    const context = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body;
    return {
      summary: job.steps[0].summary as string,
      prospects: context.context_data.state.prospects as { id: string; sample?: true }[],
    };
  }

  it('are found, badged, while nothing else exists; left out once a real prospect is imported', async () => {
    const before = (await search(VP_SALES_GERMANY)).body;
    expect(before.total).toBeGreaterThanOrEqual(5);
    expect(before.sample_excluded).toBe(false);
    for (const item of before.items) expect(item.sample).toBe(true);
    const beforeJob = await runSearch({ titles: ['VP Sales'], countries: ['Germany'] });
    expect(beforeJob.prospects).toHaveLength(before.total);
    expect(beforeJob.prospects.every((prospect) => prospect.sample === true)).toBe(true);

    await request(testApp.server)
      .post('/prospects/import')
      .set('content-type', 'text/csv')
      .send(REAL_CSV)
      .expect(200);

    const after = (await search(VP_SALES_GERMANY)).body;
    expect(after).toMatchObject({ total: 1, sample_excluded: true });
    expect(after.items[0]).toMatchObject({ name: 'Rita Kundin', sample: false, source: 'csv' });
    const everyone = (await search({})).body;
    expect(everyone.total).toBe(1);

    const included = (await search({ ...VP_SALES_GERMANY, include_sample: true })).body;
    expect(included).toMatchObject({ total: before.total + 1, sample_excluded: false });
    const excluded = (await search({ ...VP_SALES_GERMANY, include_sample: false })).body;
    expect(excluded.total).toBe(1);

    const job = await runSearch({ titles: ['VP Sales'], countries: ['Germany'] });
    expect(job.prospects.map((prospect) => prospect.id)).toEqual([after.items[0].id]);
    expect(job.summary).toBe('Found 1 prospect; sample prospects left out');
    const withSamples = await runSearch({
      titles: ['VP Sales'],
      countries: ['Germany'],
      include_sample: true,
    });
    expect(withSamples.prospects).toHaveLength(before.total + 1);
    expect(withSamples.summary).toBe(`Found ${before.total + 1} prospects`);
  });

  it('are removed in one call, with their companies, and the real prospects stay', async () => {
    const dataSource = testApp.app.get(DataSource);
    const samples = await dataSource.getRepository(ProspectEntity).countBy({ isSample: true });
    expect(samples).toBeGreaterThan(1000);
    const sampleCompanies = await dataSource
      .getRepository(CompanyEntity)
      .createQueryBuilder('c')
      .where("c.domain LIKE '%.example'")
      .getCount();

    const removed = await request(testApp.server).delete('/prospects/sample').expect(200);
    expect(removed.body).toEqual({ removed: samples, companies_removed: sampleCompanies });
    const left = (await search({ include_sample: true })).body;
    expect(left).toMatchObject({ total: 1, sample_excluded: false });
    expect(left.items[0]).toMatchObject({
      name: 'Rita Kundin',
      company: { name: 'Kundenfirma GmbH' },
    });
    expect(await dataSource.getRepository(CompanyEntity).count()).toBe(1);

    const again = await request(testApp.server).delete('/prospects/sample').expect(200);
    expect(again.body).toEqual({ removed: 0, companies_removed: 0 });
  });
});
