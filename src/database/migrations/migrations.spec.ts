import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
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

  it('undoes every migration, newest first, and runs them all again', async () => {
    await dataSource.runMigrations();
    const schema = await objects();
    expect(schema).toContain('index IDX_prospects_lower_department');
    expect(schema).toContain('index IDX_companies_industry_family');
    expect(schema).toContain('index IDX_prospects_is_sample');
    expect(schema).toContain('index IDX_prospects_fit_score');
    expect(schema).toContain('index UQ_outbox_messages_enrollment_touch');
    expect(schema).toContain('index IDX_outbox_messages_sequence_day');
    for (let undone = 0; undone < migrations.length; undone++) await dataSource.undoLastMigration();
    expect(await objects()).toEqual(['table migrations']);
    await dataSource.runMigrations();
    expect(await objects()).toEqual(schema);
  });
});
