import { DataSource } from 'typeorm';
import { postgresConnectionOf, sqliteConnectionOf } from './helpers/database';
import { testEngine } from './helpers/postgres';
import { CompanyEntity } from '../src/agents/prospects/company.entity';
import { ProspectEntity } from '../src/agents/prospects/prospect.entity';
import { ProspectsService } from '../src/agents/prospects/prospects.service';
import { ProspectUpsertService } from '../src/agents/prospects/upsert/prospect-upsert.service';
import { ProspectUpsertStore } from '../src/agents/prospects/upsert/store/prospect-upsert.store';
import { PostgresProspectUpsertStore } from '../src/agents/prospects/upsert/store/postgres-prospect-upsert.store';
import { SqliteProspectUpsertStore } from '../src/agents/prospects/upsert/store/sqlite-prospect-upsert.store';
import { TypeOrmProspectUpsertStore } from '../src/agents/prospects/upsert/store/typeorm-prospect-upsert.store';
import { createTestApp, TestApp } from './helpers/create-test-app';

/**
 * Bulk writes with duplicates merged (what the CSV import builds on), on a real database, through
 * each store backend of the engine under test (`npm test`: SQLite, `npm run test:pg`: Postgres):
 * the same contract for all.
 */
let testApp: TestApp;
let upserts: ProspectUpsertService;
let dataSource: DataSource;
let prospects: () => Promise<ProspectEntity[]>;
let companies: () => Promise<CompanyEntity[]>;

beforeAll(async () => {
  testApp = await createTestApp({
    env: { SEED_SAMPLE_DATA: 'false' },
  });
  dataSource = testApp.app.get(DataSource);
  prospects = () =>
    dataSource
      .getRepository(ProspectEntity)
      .find({ order: { name: 'ASC' }, relations: { company: true } });
  companies = () => dataSource.getRepository(CompanyEntity).find({ order: { name: 'ASC' } });
});
afterAll(() => testApp.destroy());
beforeEach(async () => {
  const dataSource = testApp.app.get(DataSource);
  await dataSource.createQueryBuilder().delete().from(ProspectEntity).execute();
  await dataSource.createQueryBuilder().delete().from(CompanyEntity).execute();
});

const acme = {
  name: 'Acme GmbH',
  domain: 'acme.example',
  industry: 'Software',
  employeeCount: 100,
};

const backends: [string, (dataSource: DataSource) => ProspectUpsertStore][] = [
  ['TypeOrmProspectUpsertStore', (ds) => new TypeOrmProspectUpsertStore(ds)],
  testEngine() === 'postgres'
    ? [
        'PostgresProspectUpsertStore',
        (ds) => new PostgresProspectUpsertStore(postgresConnectionOf(ds)),
      ]
    : ['SqliteProspectUpsertStore', (ds) => new SqliteProspectUpsertStore(sqliteConnectionOf(ds))],
];

describe.each(backends)('ProspectUpsertService.upsertMany on %s', (_name, makeStore) => {
  beforeAll(() => {
    upserts = new ProspectUpsertService(makeStore(dataSource));
  });

  it('inserts new prospects and their companies once', async () => {
    const outcomes = await upserts.upsertMany([
      { firstName: 'Anna', lastName: 'Beispiel', title: 'VP Sales', company: acme },
      {
        name: 'Ben Muster',
        title: 'CTO',
        company: { name: 'ACME gmbh', websiteUrl: 'https://www.acme.example' },
      },
    ]);
    expect(outcomes.map((outcome) => outcome.action)).toEqual(['inserted', 'inserted']);
    expect(await companies()).toHaveLength(1);
    const [anna, ben] = await prospects();
    expect(anna).toMatchObject({
      name: 'Anna Beispiel',
      firstName: 'Anna',
      seniority: 'vp',
      department: 'Sales',
    });
    expect(ben.companyId).toBe(anna.companyId);
    expect(anna.company).toMatchObject({
      domain: 'acme.example',
      // The second input's website, merged in.
      websiteUrl: 'https://www.acme.example',
    });
  });

  it('merges by email first, case-insensitively', async () => {
    const [first] = await upserts.upsertMany([
      { name: 'Anna Beispiel', email: 'anna@acme.example', company: acme },
    ]);
    const [second] = await upserts.upsertMany([
      { name: 'Anna B.', email: 'ANNA@acme.example', title: 'VP Sales', tags: ['csv'] },
    ]);
    expect(second).toEqual({
      action: 'updated',
      id: (first as { id: string }).id,
      matchedBy: 'email',
    });
    const [anna] = await prospects();
    expect(anna).toMatchObject({
      name: 'Anna B.',
      title: 'VP Sales',
      seniority: 'vp',
      tags: ['csv'],
    });
    expect(anna.companyId).not.toBeNull();
  });

  it('then by LinkedIn URL, in any of its spellings', async () => {
    await upserts.upsertMany([
      { name: 'Anna Beispiel', linkedinUrl: 'https://de.linkedin.com/in/Anna-B/?trk=x' },
    ]);
    const [outcome] = await upserts.upsertMany([
      {
        name: 'Anna Beispiel-Muster',
        email: 'anna@acme.example',
        linkedinUrl: 'linkedin.com/in/anna-b',
      },
    ]);
    expect(outcome).toMatchObject({ action: 'updated', matchedBy: 'linkedin_url' });
    expect(await prospects()).toMatchObject([
      {
        name: 'Anna Beispiel-Muster',
        email: 'anna@acme.example',
        linkedinUrl: 'https://www.linkedin.com/in/anna-b',
      },
    ]);
  });

  it('then by name at the same company (by domain)', async () => {
    await upserts.upsertMany([{ name: 'Anna Beispiel', company: acme }]);
    const outcomes = await upserts.upsertMany([
      {
        name: 'anna  beispiel',
        email: 'anna@acme.example',
        company: { name: 'Acme', domain: 'ACME.example' },
      },
      { name: 'Anna Beispiel', company: { name: 'Other Ltd', domain: 'other.example' } },
    ]);
    expect(outcomes).toMatchObject([
      { action: 'updated', matchedBy: 'name_and_company' },
      { action: 'inserted' },
    ]);
    expect((await companies()).map((company) => company.name)).toEqual(['Acme GmbH', 'Other Ltd']);
    const byCompany = (await prospects()).map((prospect) => [
      prospect.company!.name,
      prospect.name,
      prospect.email,
    ]);
    expect(byCompany.sort()).toEqual([
      ['Acme GmbH', 'Anna Beispiel', 'anna@acme.example'],
      ['Other Ltd', 'Anna Beispiel', null],
    ]);
  });

  it('keeps the free-text search text and index in step with merges', async () => {
    const search = (q: string) =>
      testApp.app
        .get(ProspectsService)
        .search({ q }, { skip: 0, limit: 10 })
        .then((page) => page.items.map((item) => item.name));
    await upserts.upsertMany([
      { name: 'Anna Beispiel', email: 'anna@acme.example', title: 'CTO', company: acme },
    ]);
    // No company in the input: the stored prospect's company still names the search text.
    await upserts.upsertMany([
      { name: 'Anna Beispiel-Neu', email: 'ANNA@acme.example', title: 'VP Sales' },
    ]);
    const [anna] = await prospects();
    expect(anna.searchText).toBe('anna beispiel-neu anna@acme.example vp sales acme gmbh');
    expect(await search('beispiel-neu acme')).toEqual(['Anna Beispiel-Neu']);
    expect(await search('cto')).toEqual([]);
    // Moved to another company: its name replaces the old one.
    await upserts.upsertMany([
      {
        email: 'anna@acme.example',
        name: 'Anna Beispiel-Neu',
        company: { name: 'Brightfjord AB' },
      },
    ]);
    expect(await search('acme gmbh')).toEqual([]);
    expect(await search('neu brightfjord')).toEqual(['Anna Beispiel-Neu']);
  });

  it('merges duplicates inside one batch', async () => {
    const outcomes = await upserts.upsertMany([
      { name: 'Anna Beispiel', email: 'anna@acme.example', tags: ['a'], company: acme },
      { name: 'Anna Beispiel', email: 'Anna@Acme.example', tags: ['b'], city: 'Berlin' },
    ]);
    expect(outcomes).toMatchObject([
      { action: 'inserted' },
      { action: 'updated', matchedBy: 'email' },
    ]);
    expect(await prospects()).toMatchObject([{ tags: ['a', 'b'], city: 'Berlin' }]);
  });

  it('keeps an opt-out, and skips inputs without a name', async () => {
    await upserts.upsertMany([
      { name: 'Anna Beispiel', email: 'anna@acme.example', optedOut: true },
    ]);
    const outcomes = await upserts.upsertMany([
      { name: 'Anna Beispiel', email: 'anna@acme.example', optedOut: false },
      { email: 'nobody@acme.example' },
    ]);
    expect(outcomes[1]).toEqual({
      action: 'skipped',
      reason: 'name (or first and last name) is required',
    });
    expect(await prospects()).toMatchObject([{ optedOut: true }]);
  });

  it('writes many rows in batches within one transaction', async () => {
    const inputs = Array.from({ length: 1001 }, (_, index) => ({
      name: `Person ${index}`,
      email: `person${index}@bulk.example`,
      company: { name: `Company ${index % 7}`, domain: `company${index % 7}.example` },
    }));
    const outcomes = await upserts.upsertMany([...inputs, inputs[0]]);
    expect(outcomes.filter((outcome) => outcome.action === 'inserted')).toHaveLength(1001);
    expect(outcomes[1001]).toMatchObject({ action: 'updated', matchedBy: 'email' });
    expect(await companies()).toHaveLength(7);
  });
});

describe.each(backends.slice(1))('%s under concurrent upserts', (_name, makeStore) => {
  it('merges the same person written by two upserts at once instead of failing', async () => {
    const [first, second] = [makeStore(dataSource), makeStore(dataSource)].map(
      (store) => new ProspectUpsertService(store),
    );
    const person = (title: string) => ({
      name: 'Anna Beispiel',
      email: 'anna@acme.example',
      title,
      company: acme,
    });
    const outcomes = await Promise.all([
      first.upsertMany([person('CTO')]),
      second.upsertMany([person('VP Sales')]),
    ]);
    expect(
      outcomes
        .flat()
        .map((outcome) => outcome.action)
        .sort(),
    ).toEqual(['inserted', 'updated']);
    expect(await prospects()).toHaveLength(1);
    expect(await companies()).toHaveLength(1);
  });
});

// SQLite only: Postgres has no write-ahead log for the store to settle.
if (testEngine() === 'sqlite')
  describe('SqliteProspectUpsertStore and the write-ahead log', () => {
    it('settles the log after a bulk write', async () => {
      const connection = sqliteConnectionOf(dataSource);
      const db = connection.db;
      const store = new SqliteProspectUpsertStore(connection);
      await new ProspectUpsertService(store).upsertMany([{ name: 'Anna Beispiel' }]);
      await store.afterBulkWrite();
      const [log] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      expect(log.checkpointed).toBe(log.log);
    });
  });

// Postgres only: its planner statistics come from ANALYZE, and the pages an index-only scan
// trusts from VACUUM, which autovacuum runs only later.
if (testEngine() === 'postgres')
  describe('PostgresProspectUpsertStore after a bulk write', () => {
    it('vacuums and analyses both tables, so that the next search is planned on what was written', async () => {
      const connection = postgresConnectionOf(dataSource);
      const store = new PostgresProspectUpsertStore(connection);
      const lastDone = async () =>
        (
          await connection.query<{
            relname: string;
            last_analyze: Date | null;
            last_vacuum: Date | null;
          }>(
            'SELECT relname, last_analyze, last_vacuum FROM pg_stat_user_tables ' +
              "WHERE relname IN ('companies', 'prospects') ORDER BY relname",
          )
        ).rows;
      const before = new Date();
      await new ProspectUpsertService(store).upsertMany([{ name: 'Anna Beispiel', company: acme }]);
      await store.afterBulkWrite();
      const done = await lastDone();
      expect(done.map((row) => row.relname)).toEqual(['companies', 'prospects']);
      for (const row of done) {
        expect(row.last_analyze?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
        expect(row.last_vacuum?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
      }
      const [pages] = (
        await connection.query<{ relpages: number; relallvisible: number }>(
          "SELECT relpages, relallvisible FROM pg_class WHERE relname = 'prospects'",
        )
      ).rows;
      expect(pages.relallvisible).toBe(pages.relpages);
    });
  });
