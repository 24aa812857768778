import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../data-source-options';
import { migrations } from './index';

/** The approvers-and-commands migration on a real SQLite file: the command filled in, and `down`. */
describe('ApproversAndCommands1766200000000', () => {
  // The migrations up to this one, so that undoing the last migration undoes this one.
  const upToThis = migrations.slice(
    0,
    migrations.findIndex((migration) => migration.name === 'ApproversAndCommands1766200000000') + 1,
  );
  let dir: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zigral-migration-'));
    const options = buildDataSourceOptions({ type: 'sqlite', path: join(dir, 'db.sqlite') });
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

  it('fills jobs.command from the contexts, and adds the approver columns', async () => {
    expect(upToThis.at(-1)?.name).toBe('ApproversAndCommands1766200000000');
    await dataSource.undoLastMigration();
    const columnsOf = async (table: string) =>
      ((await dataSource.query(`PRAGMA table_info(${table})`)) as { name: string }[]).map(
        (column) => column.name,
      );
    expect(await columnsOf('jobs')).not.toContain('command');
    expect(await columnsOf('outbox_messages')).not.toContain('approved_by');
    const now = "'2026-01-01 00:00:00'";
    for (const id of ['j1', 'j2', 'j3']) {
      await dataSource.query(
        'INSERT INTO jobs (id, job_type, status, objective, input, steps, progress, current_step, ' +
          `version, created_at, updated_at) VALUES ('${id}', 'x', 'succeeded', 'o', '{}', '[]', '[]', 0, 1, ${now}, ${now})`,
      );
    }
    await dataSource.query(
      'INSERT INTO contexts (job_id, job_type, context_data, version, created_at, updated_at) VALUES ' +
        `('j1', 'x', '{"command":"Find CTOs in Berlin","input":{}}', 1, ${now}, ${now}), ` +
        `('j2', 'x', '{"input":{}}', 1, ${now}, ${now})`,
    );
    await dataSource.runMigrations();
    expect(await dataSource.query('SELECT id, command FROM jobs ORDER BY id')).toEqual([
      { id: 'j1', command: 'Find CTOs in Berlin' },
      { id: 'j2', command: null },
      { id: 'j3', command: null },
    ]);
    expect(await columnsOf('outbox_messages')).toEqual(
      expect.arrayContaining(['approved_by', 'approved_at', 'edited_by', 'edited_at']),
    );
  });
});
