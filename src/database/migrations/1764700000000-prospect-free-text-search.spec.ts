import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../data-source-options';
import { ProspectFreeTextSearch1764700000000 } from './1764700000000-prospect-free-text-search';
import { migrations } from './index';

/** The free-text migration on a real SQLite file: backfill, index, triggers, and its `down`. */
describe('ProspectFreeTextSearch1764700000000', () => {
  let dir: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zigral-migration-'));
    const options = buildDataSourceOptions({ type: 'sqlite', path: join(dir, 'db.sqlite') });
    // Every migration up to this one, so that undoing the last migration undoes this one.
    const upToThis = migrations.slice(
      0,
      migrations.indexOf(ProspectFreeTextSearch1764700000000) + 1,
    );
    dataSource = await new DataSource({
      ...options,
      migrations: upToThis,
      migrationsRun: false,
    }).initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const matches = (phrase: string) =>
    dataSource
      .query(
        'SELECT p.name FROM prospects p WHERE p.rowid IN (SELECT rowid FROM prospect_search WHERE prospect_search MATCH ?)',
        [phrase],
      )
      .then((rows: { name: string }[]) => rows.map((row) => row.name));

  it('fills the search text of stored prospects on the way up, and drops it all on the way down', async () => {
    await dataSource.undoLastMigration();
    const columns = (await dataSource.query('PRAGMA table_info(prospects)')) as { name: string }[];
    expect(columns.map((column) => column.name)).not.toContain('search_text');
    expect(
      await dataSource.query("SELECT name FROM sqlite_master WHERE name LIKE 'prospect_search%'"),
    ).toEqual([]);

    await dataSource.query(
      "INSERT INTO companies (id, name, created_at, updated_at) VALUES ('c1', 'Nordlicht GmbH', '2026-01-01', '2026-01-01')",
    );
    await dataSource.query(
      'INSERT INTO prospects (id, name, email, title, company_id, tags, created_at, updated_at) VALUES ' +
        "('p1', 'Greta Fischer', 'greta@nordlicht.example', 'CTO', 'c1', '[]', '2026-01-01', '2026-01-01'), " +
        "('p2', 'Jonas Keller', NULL, NULL, NULL, '[]', '2026-01-01', '2026-01-01')",
    );
    await dataSource.runMigrations();
    expect(await dataSource.query('SELECT search_text FROM prospects ORDER BY id')).toEqual([
      { search_text: 'greta fischer greta@nordlicht.example cto nordlicht gmbh' },
      { search_text: 'jonas keller' },
    ]);
    expect(await matches('"licht gm"')).toEqual(['Greta Fischer']);
    expect(await matches('"kelle"')).toEqual(['Jonas Keller']);
  });
});
