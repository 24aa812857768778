import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompanyEntity } from '../src/agents/prospects/company.entity';
import { ProspectEntity } from '../src/agents/prospects/prospect.entity';
import { createTestApp, TestApp } from './helpers/create-test-app';

/** Domains nobody can own: example.com/.org/.net and the .example and .test top-level domains. */
const RESERVED_DOMAIN = /(^|\.)(example\.(com|org|net)|example|test)$/;

const start = (options: { dir?: string; env?: Record<string, string> } = {}) =>
  createTestApp({ ...options, env: { SEED_SAMPLE_DATA: 'true', ...options.env } });

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
        tags: expect.arrayContaining(['sample']),
      });
      expect(prospect.seniority).not.toBeNull();
      expect(prospect.companyId).not.toBeNull();
    }
    for (const company of companies) {
      expect(company.domain).toMatch(RESERVED_DOMAIN);
      expect(new URL(company.websiteUrl!).hostname).toMatch(RESERVED_DOMAIN);
    }
    const total = (await request(testApp.server).get('/prospects').expect(200)).body.total;
    expect(total).toBe(prospects.length);
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
