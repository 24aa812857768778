import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildSearchCondition } from '../../agents/prospects/search/prospect-search.where';
import { buildDataSourceOptions } from '../data-source-options';
import { migrations } from './index';

/** Every migration's `down` on a real SQLite file: all undone leave no table, and all redo. */
describe('migrations', () => {
  let dir: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zigral-migrations-'));
    const options = buildDataSourceOptions({ type: 'sqlite', path: join(dir, 'db.sqlite') });
    dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const objects = () =>
    dataSource
      .query("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
      .then((rows: { type: string; name: string }[]) =>
        rows.map((row) => `${row.type} ${row.name}`),
      );

  it('allows one active or paused enrollment per prospect and sequence, and any number ended', async () => {
    await dataSource.runMigrations();
    const now = new Date().toISOString();
    await dataSource.query(
      "INSERT INTO prospects (id, name, tags, created_at, updated_at) VALUES ('p', 'P', '[]', ?, ?)",
      [now, now],
    );
    await dataSource.query(
      'INSERT INTO sequences (id, name, steps, settings, status, version, created_at, updated_at) ' +
        "VALUES ('s', 'S', '[]', '{}', 'active', 1, ?, ?)",
      [now, now],
    );
    const enrol = (id: string, status: string) =>
      dataSource.query(
        'INSERT INTO sequence_enrollments (id, sequence_id, prospect_id, status, step_index, ' +
          "source, created_at, updated_at) VALUES (?, 's', 'p', ?, 0, 'ids', ?, ?)",
        [id, status, now, now],
      );
    await enrol('e1', 'stopped');
    await enrol('e2', 'finished');
    await enrol('e3', 'paused');
    await expect(enrol('e4', 'active')).rejects.toThrow(/UNIQUE constraint failed/);
    await enrol('e5', 'replied');
    await dataSource.query("DELETE FROM prospects WHERE id = 'p'");
    expect(await dataSource.query('SELECT id FROM sequence_enrollments')).toEqual([]);
    await dataSource.query("DELETE FROM sequences WHERE id = 's'");
  });

  it('orders the city, country and department indexes by name and id after the value, the department with the tags', async () => {
    await dataSource.runMigrations();
    const rows: { name: string; sql: string }[] = await dataSource.query(
      "SELECT name, sql FROM sqlite_master WHERE name LIKE 'IDX_prospects_lower_%' ORDER BY name",
    );
    expect(rows.map((row) => row.sql.replace(/^.*ON "prospects" /, ''))).toEqual([
      '(LOWER("city"), "name", "id", "title_words")',
      '(LOWER("country"), "name", "id", "title_words")',
      '(LOWER("department"), "name", "id", LOWER("country"), LOWER("tags"))',
    ]);
    const held: { sql: string }[] = await dataSource.query(
      "SELECT sql FROM sqlite_master WHERE name IN ('IDX_prospects_company_id', 'IDX_prospects_name', 'IDX_companies_industry_family') ORDER BY name",
    );
    expect(held.map((row) => row.sql.replace(/^.*ON "(prospects|companies)" /, ''))).toEqual([
      '("industry_family", "industry", "id", "employee_count")',
      '("company_id", LOWER("name"), "seniority")',
      '("name", "id", "company_id", "seniority")',
    ]);
  });

  it("checks a common tag of a department's prospects on the department index alone", async () => {
    await dataSource.runMigrations();
    const criteria = { departments: ['Marketing'], countries: ['France', 'Spain'], tags: ['saas'] };
    const condition = buildSearchCondition(criteria, { freeText: 'fts5' });
    const [sql, params] = dataSource
      .createQueryBuilder()
      .select('p.rowid', 'key')
      .from('prospects', 'p')
      .where(condition!.sql, condition!.params)
      .limit(1001)
      .getQueryAndParameters();
    expect(sql).toMatch(/LOWER\(p\.tags\) LIKE/);
    const plan: { detail: string }[] = await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params);
    expect(plan.map((step) => step.detail)).toEqual([
      expect.stringContaining('USING COVERING INDEX IDX_prospects_lower_department'),
    ]);
  });

  it("fills prospect_tags with the stored prospects' tags when it creates it", async () => {
    await dataSource.runMigrations();
    const hasTags = async () => ((await objects()).includes('table prospect_tags') ? 1 : 0);
    while (await hasTags()) await dataSource.undoLastMigration();
    const now = new Date().toISOString();
    const insert =
      'INSERT INTO prospects (id, name, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?)';
    await dataSource.query(insert, ['t1', 'T1', '["VIP","saas","vip"]', now, now]);
    await dataSource.query(insert, ['t2', 'T2', '[]', now, now]);
    await dataSource.runMigrations();
    const rows: { id: string; tag: string }[] = await dataSource.query(
      'SELECT p.id AS id, t.tag AS tag FROM prospect_tags t JOIN prospects p ON p.rowid = t.prospect_key ORDER BY tag',
    );
    expect(rows).toEqual([
      { id: 't1', tag: 'saas' },
      { id: 't1', tag: 'vip' },
    ]);
    await dataSource.query("UPDATE prospects SET tags = '[\"Board\"]' WHERE id = 't1'");
    expect(await dataSource.query('SELECT tag FROM prospect_tags')).toEqual([{ tag: 'board' }]);
    await dataSource.query('DELETE FROM prospects');
    expect(await dataSource.query('SELECT tag FROM prospect_tags')).toEqual([]);
  });

  it('undoes every migration, newest first, and runs them all again', async () => {
    await dataSource.runMigrations();
    const schema = await objects();
    expect(schema).toContain('index IDX_prospects_lower_department');
    expect(schema).toContain('index IDX_companies_industry_family');
    expect(schema).toContain('index IDX_prospects_is_sample');
    expect(schema).toContain('index IDX_prospects_fit_score');
    expect(schema).toContain('table prospect_tags');
    expect(schema).toContain('trigger prospect_tags_update');
    expect(schema).toContain('index UQ_sequence_enrollments_holding');
    expect(schema).toContain('index IDX_sequence_enrollments_sequence_due');
    expect(schema).toContain('index UQ_sequence_tasks_enrollment_step');
    expect(schema).toContain('index UQ_outbox_messages_enrollment_touch');
    expect(schema).toContain('index IDX_outbox_messages_sequence_day');
    expect(schema).toContain('index UQ_inbound_messages_message_id');
    expect(schema).toContain('index IDX_outbox_messages_message_id');
    for (let undone = 0; undone < migrations.length; undone++) await dataSource.undoLastMigration();
    expect(await objects()).toEqual(['table migrations']);
    await dataSource.runMigrations();
    expect(await objects()).toEqual(schema);
  });
});
