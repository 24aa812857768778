import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../data-source-options';
import { ProspectSampleFlag1765200000000 } from './1765200000000-prospect-sample-flag';
import { migrations } from './index';

/** The sample flag on a real SQLite file: which stored prospects it marks, and its `down`. */
describe('ProspectSampleFlag1765200000000', () => {
  let dir: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zigral-migration-'));
    const options = buildDataSourceOptions({ type: 'sqlite', path: join(dir, 'db.sqlite') });
    // Every migration up to this one, so that undoing the last migration undoes this one.
    const upToThis = migrations.slice(0, migrations.indexOf(ProspectSampleFlag1765200000000) + 1);
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

  it('marks the sample prospects already loaded, and only those', async () => {
    await dataSource.undoLastMigration();
    const columns = (await dataSource.query('PRAGMA table_info(prospects)')) as { name: string }[];
    expect(columns.map((column) => column.name)).not.toContain('is_sample');
    await dataSource.query(
      'INSERT INTO prospects (id, name, email, source, tags, created_at, updated_at) VALUES ' +
        "('p1', 'Anna Beispiel', 'anna.beispiel@nordlicht.example', 'sample', '[\"sample\"]', '2026-01-01', '2026-01-01'), " +
        "('p2', 'Real Person', 'real@customer.com', 'sample', '[]', '2026-01-01', '2026-01-01'), " +
        "('p3', 'Ola Exempel', 'ola@walk.example', 'csv', '[]', '2026-01-01', '2026-01-01'), " +
        "('p4', 'No Email', NULL, 'sample', '[]', '2026-01-01', '2026-01-01')",
    );
    await dataSource.runMigrations();
    expect(await dataSource.query('SELECT id, is_sample FROM prospects ORDER BY id')).toEqual([
      { id: 'p1', is_sample: 1 },
      { id: 'p2', is_sample: 0 },
      { id: 'p3', is_sample: 0 },
      { id: 'p4', is_sample: 0 },
    ]);
    const indexes = (await dataSource.query('PRAGMA index_list(prospects)')) as { name: string }[];
    expect(indexes.map((index) => index.name)).toContain('IDX_prospects_is_sample');
  });
});
