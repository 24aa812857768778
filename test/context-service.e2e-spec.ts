import { migrations } from '../src/database/migrations';
import { DataSource } from 'typeorm';
import { ContextService } from '../src/context/context.service';
import { ContextVersionMismatchException } from '../src/context/exceptions/context.exceptions';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { testEngine } from './helpers/postgres';

/** ContextService through DI on a real database: how other modules (the orchestrator) use it. */
describe(`ContextService (real ${testEngine()} database)`, () => {
  let t: TestApp;
  let contexts: ContextService;

  beforeAll(async () => {
    t = await createTestApp();
    contexts = t.app.get(ContextService);
  });
  afterAll(async () => {
    await t.destroy();
  });

  // The engine's own settings: SQLite's pragmas (Postgres has its settings in the pool options).
  const onSqlite = testEngine() === 'sqlite' ? it : it.skip;

  onSqlite(
    'runs SQLite in WAL mode with a busy timeout, NORMAL sync, a large cache and rare checkpoints',
    async () => {
      const dataSource = t.app.get(DataSource);
      expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await dataSource.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
      expect(await dataSource.query('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
      expect(await dataSource.query('PRAGMA cache_size')).toEqual([{ cache_size: -32768 }]);
      expect(await dataSource.query('PRAGMA wal_autocheckpoint')).toEqual([
        { wal_autocheckpoint: 10000 },
      ]);
      expect(await dataSource.query('PRAGMA journal_size_limit')).toEqual([
        { journal_size_limit: 64 * 1024 * 1024 },
      ]);
    },
  );

  it('has its schema from the migrations, all of them applied', async () => {
    const dataSource = t.app.get(DataSource);
    const applied = await dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(applied).toEqual(migrations.map((migration) => ({ name: migration.name })));
    expect(applied[0]).toEqual({ name: 'CreateContexts1764000000000' });
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('creates, reads, patches and replaces an entry, counting versions', async () => {
    const created = await contexts.create({
      jobType: 'prospecting',
      contextData: { status: 'queued' },
    });
    expect(created.version).toBe(1);
    const patched = await contexts.patch(created.jobId, { status: 'running', state: { n: 1 } });
    expect(patched).toMatchObject({
      version: 2,
      contextData: { status: 'running', state: { n: 1 } },
    });
    const replaced = await contexts.replace(created.jobId, { contextData: { fresh: true } });
    expect(replaced.version).toBe(3);
    expect(await contexts.get(created.jobId)).toEqual(replaced);
  });

  it('runs concurrent read-modify-write updates without losing one', async () => {
    const { jobId } = await contexts.create({ jobType: 't', contextData: { steps: [] } });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        contexts.update(jobId, {}, (current) => ({
          jobType: current.jobType,
          contextData: { steps: [...(current.contextData.steps as number[]), i] },
        })),
      ),
    );
    const entry = await contexts.get(jobId);
    expect((entry.contextData.steps as number[]).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    expect(entry.version).toBe(21);
  });

  it('refuses a write with a stale ETag', async () => {
    const created = await contexts.create({ jobType: 't', contextData: {} });
    await contexts.patch(created.jobId, { a: 1 });
    await expect(
      contexts.patch(created.jobId, { b: 2 }, { ifMatch: created.etag }),
    ).rejects.toBeInstanceOf(ContextVersionMismatchException);
  });
});
