import { DataSource } from 'typeorm';
import { ProspectEntity } from '../../src/agents/prospects/prospect.entity';
import { buildSearchCondition } from '../../src/agents/prospects/search/prospect-search.where';
import { POSTGRES_DEFAULTS } from '../../src/config/app-config';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { migrations } from '../../src/database/migrations';
import { createEmptyDatabase, dropTestDatabase } from '../helpers/postgres';
import { entitiesOfApp } from '../helpers/entities';

/** The one set of migrations on an empty Postgres database: up, down and up again. */
describe('migrations on Postgres', () => {
  let url: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    url = await createEmptyDatabase();
    const options = buildDataSourceOptions({ type: 'postgres', url, ...POSTGRES_DEFAULTS });
    dataSource = await new DataSource({
      ...options,
      entities: entitiesOfApp(),
      migrationsRun: false,
    }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  const tables = () =>
    dataSource
      .query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
      .then((rows: { tablename: string }[]) => rows.map((row) => row.tablename));

  it('runs up on an empty database to the schema the entities expect', async () => {
    await dataSource.runMigrations();
    // What TypeORM would still change to match the entities: no table or column. (Indexes live
    // in the migrations only, and foreign keys have names of their own: TypeORM lists them too.)
    const pending = await dataSource.driver.createSchemaBuilder().log();
    const changes = pending.upQueries
      .map((query) => query.query)
      .filter((sql) => !/^DROP INDEX|(DROP|ADD) CONSTRAINT "FK_/.test(sql));
    expect(changes).toEqual([]);
    expect(await tables()).toEqual(
      expect.arrayContaining(['contexts', 'jobs', 'checkpoints', 'job_events', 'prospects']),
    );
  });

  it("indexes the prospects' free text and title words by trigrams (pg_trgm)", async () => {
    const indexes: { indexname: string; indexdef: string }[] = await dataSource.query(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'prospects' AND indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname",
    );
    expect(indexes.map((index) => index.indexname)).toEqual([
      'IDX_prospects_search_text',
      'IDX_prospects_title_words_trgm',
    ]);
    expect(indexes[1].indexdef).toContain('USING gin (title_words gin_trgm_ops)');
  });

  it('orders the city, country and department indexes by name and id after the value', async () => {
    const indexes: { indexdef: string }[] = await dataSource.query(
      "SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'IDX_prospects_lower_%' ORDER BY indexname",
    );
    expect(indexes.map((index) => index.indexdef.replace(/^.*USING btree /, ''))).toEqual([
      '(lower((city)::text), name, id, title_words) INCLUDE (city)',
      '(lower((country)::text), name, id, title_words) INCLUDE (country)',
      '(lower((department)::text), name, id, lower((country)::text)) INCLUDE (department, country)',
    ]);
    const held: { indexdef: string }[] = await dataSource.query(
      "SELECT indexdef FROM pg_indexes WHERE indexname IN ('IDX_prospects_company_id', 'IDX_prospects_name', 'IDX_companies_industry_family') ORDER BY indexname",
    );
    expect(held.map((index) => index.indexdef.replace(/^.*USING btree /, ''))).toEqual([
      '(industry_family, industry, id) INCLUDE (employee_count)',
      '(company_id, lower((name)::text)) INCLUDE (seniority)',
      '(name, id) INCLUDE (company_id, seniority)',
    ]);
  });

  it("finds a department's prospects in some countries by the (department, country) index", async () => {
    const criteria = { departments: ['Marketing'], countries: ['France', 'Spain'], tags: ['saas'] };
    const condition = buildSearchCondition(criteria, { freeText: 'like' });
    const [sql, params] = dataSource
      .getRepository(ProspectEntity)
      .createQueryBuilder('p')
      .select('p.id', 'key')
      .where(condition!.sql, condition!.params)
      .limit(1001)
      .getQueryAndParameters();
    const plan = await dataSource.transaction(async (manager) => {
      // An empty table is read whole by default; without a scan, the cheapest index is chosen.
      await manager.query('SET LOCAL enable_seqscan = off');
      const rows: { 'QUERY PLAN': string }[] = await manager.query(`EXPLAIN ${sql}`, params);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('IDX_prospects_department_country');
  });

  it('keeps statistics of LOWER(tags), which a tag filter reads (Postgres 14 or newer)', async () => {
    const statistics: { stxname: string }[] = await dataSource.query(
      "SELECT stxname FROM pg_statistic_ext WHERE stxrelid = 'prospects'::regclass",
    );
    expect(statistics.map((row) => row.stxname)).toEqual(['STAT_prospects_lower_tags']);
  });

  it("fills prospect_tags with the stored prospects' tags when it creates it", async () => {
    while ((await tables()).includes('prospect_tags')) await dataSource.undoLastMigration();
    const insert =
      'INSERT INTO prospects (id, name, tags, created_at, updated_at) VALUES ($1, $2, $3, now(), now())';
    await dataSource.query(insert, ['t1', 'T1', '["VIP","saas","vip"]']);
    await dataSource.query(insert, ['t2', 'T2', '[]']);
    await dataSource.runMigrations();
    expect(
      await dataSource.query('SELECT prospect_key AS id, tag FROM prospect_tags ORDER BY tag'),
    ).toEqual([
      { id: 't1', tag: 'saas' },
      { id: 't1', tag: 'vip' },
    ]);
    await dataSource.query(`UPDATE prospects SET tags = '["Board"]' WHERE id = 't1'`);
    expect(await dataSource.query('SELECT tag FROM prospect_tags')).toEqual([{ tag: 'board' }]);
    await dataSource.query('DELETE FROM prospects');
    expect(await dataSource.query('SELECT tag FROM prospect_tags')).toEqual([]);
  });

  it('undoes every migration, newest first, and runs them all again', async () => {
    const schema = await tables();
    for (let undone = 0; undone < migrations.length; undone++) await dataSource.undoLastMigration();
    expect(await tables()).toEqual(['migrations']);
    await dataSource.runMigrations();
    expect(await tables()).toEqual(schema);
  });
});
