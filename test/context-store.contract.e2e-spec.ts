import { DataSource } from 'typeorm';
import { ContextEntity } from '../src/context/context.entity';
import { ContextRecord, ContextStore } from '../src/context/store/context-store';
import { applyMergePatch } from '../src/context/utils/json-merge-patch.util';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { testEngine } from './helpers/postgres';

function record(jobId: string, overrides: Partial<ContextRecord> = {}): ContextRecord {
  const at = new Date('2026-11-24T10:00:00.123Z');
  return {
    jobId,
    jobType: 'prospecting',
    contextData: { command: 'find VPs', nested: { list: [1, 'two', null], flag: true } },
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/**
 * The contract every ContextStore backend meets, run on the backend of the test app's engine
 * (SQLite under `npm test`, Postgres under `npm run test:pg`), as ContextModule provides it.
 */
describe(`ContextStore on ${testEngine()} (contract)`, () => {
  let t: TestApp;
  let store: ContextStore;

  beforeAll(async () => {
    t = await createTestApp();
    store = t.app.get(ContextStore);
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('inserts and finds an entry with its JSON and millisecond times intact', async () => {
    expect(await store.insert(record('c-1'))).toBe(true);
    expect(await store.find('c-1')).toEqual(record('c-1'));
    expect(await store.find('c-missing')).toBeUndefined();
  });

  it('refuses a second insert of the same job_id and keeps the first', async () => {
    await store.insert(record('c-dup'));
    expect(await store.insert(record('c-dup', { jobType: 'other' }))).toBe(false);
    expect((await store.find('c-dup'))?.jobType).toBe('prospecting');
  });

  it('swaps only at the expected version', async () => {
    await store.insert(record('c-swap'));
    const next = {
      jobType: 'export',
      contextData: { done: true },
      version: 2,
      updatedAt: new Date('2026-11-24T11:00:00.456Z'),
    };
    const createdAt = record('c-swap').createdAt;
    expect(await store.swap('c-swap', { version: 1, createdAt }, next)).toBe(true);
    expect(await store.swap('c-swap', { version: 1, createdAt }, { ...next, version: 3 })).toBe(
      false,
    );
    expect(await store.swap('c-missing', { version: 1, createdAt }, next)).toBe(false);
    expect(await store.find('c-swap')).toEqual({ ...record('c-swap'), ...next });
  });

  it('does not write to a re-created entry that is back at the same version', async () => {
    const first = record('c-reborn');
    await store.insert(first);
    await store.delete('c-reborn');
    await store.insert(record('c-reborn', { createdAt: new Date(first.createdAt.getTime() + 7) }));
    const next = { jobType: 'x', contextData: { stale: true }, version: 2, updatedAt: new Date() };
    expect(await store.swap('c-reborn', first, next)).toBe(false);
    expect(await store.delete('c-reborn', first)).toBe(false);
    expect((await store.find('c-reborn'))?.contextData).toEqual(first.contextData);
  });

  it('deletes, with or without an expected version', async () => {
    await store.insert(record('c-del-1'));
    await store.insert(record('c-del-2'));
    const createdAt = record('c-del-1').createdAt;
    expect(await store.delete('c-del-1', { version: 2, createdAt })).toBe(false);
    expect(await store.delete('c-del-1', { version: 1, createdAt })).toBe(true);
    expect(await store.delete('c-del-2')).toBe(true);
    expect(await store.delete('c-del-2')).toBe(false);
    expect(await store.find('c-del-1')).toBeUndefined();
  });

  it('lists newest first, breaking ties by job_id, with filter, total and paging', async () => {
    const base = Date.parse('2030-01-01T00:00:00.000Z');
    const rows = [
      record('l-a', { createdAt: new Date(base), jobType: 'list' }),
      record('l-b', { createdAt: new Date(base + 1), jobType: 'list' }),
      record('l-c', { createdAt: new Date(base + 1), jobType: 'list' }),
      record('l-d', { createdAt: new Date(base + 2), jobType: 'list-other' }),
    ];
    for (const row of rows) await store.insert(row);
    const page = await store.list({ skip: 0, limit: 10, jobType: 'list' });
    expect(page.total).toBe(3);
    expect(page.records.map((r) => r.jobId)).toEqual(['l-c', 'l-b', 'l-a']);
    const second = await store.list({ skip: 1, limit: 1, jobType: 'list' });
    expect(second.records.map((r) => r.jobId)).toEqual(['l-b']);
    const all = await store.list({ skip: 0, limit: 2 });
    expect(all.records.map((r) => r.jobId)).toEqual(['l-d', 'l-c']);
    expect(all.total).toBeGreaterThanOrEqual(4);
  });

  it('writes the formats TypeORM reads with the entity, and reads what TypeORM writes', async () => {
    const repository = t.app.get(DataSource).getRepository(ContextEntity);
    const mine = record('x-mine', { updatedAt: new Date('2026-12-31T23:59:59.999Z') });
    await store.insert(mine);
    expect(await repository.findOneBy({ jobId: mine.jobId })).toEqual(mine);
    const theirs = record('x-theirs', { contextData: { 'é "quoted"': [1.5e-7, 12345678901234] } });
    await repository.save(Object.assign(new ContextEntity(), theirs));
    expect(await store.find(theirs.jobId)).toEqual(theirs);
  });

  describe('mergePatch', () => {
    const later = new Date('2026-11-24T11:00:00.456Z');

    it('merges as RFC 7386 (and applyMergePatch) does, with version + 1 and the new time', async () => {
      const patches: Array<Record<string, unknown>> = [
        { command: null, status: 'running' },
        { nested: { list: ['replaced'], flag: null, added: { deep: 1 } } },
        { nested: 'now a string', 'é ünïcode "quoted"': 'ok', n: 1.5e-7, big: 12345678901234 },
        {},
      ];
      for (const [i, patch] of patches.entries()) {
        const jobId = `mp-${i}`;
        await store.insert(record(jobId));
        const patched = await store.mergePatch(jobId, patch, later);
        const expected = {
          ...record(jobId),
          contextData: applyMergePatch(record(jobId).contextData, patch),
          version: 2,
          updatedAt: later,
        };
        expect(patched).toEqual(expected);
        expect(await store.find(jobId)).toEqual(expected);
      }
    });

    it('moves updated_at 1 ms past the stored one when the clock is not ahead of it', async () => {
      await store.insert(record('mp-clock'));
      const stored = record('mp-clock').updatedAt;
      const patched = await store.mergePatch(
        'mp-clock',
        { a: 1 },
        new Date(stored.getTime() - 5000),
      );
      expect(patched?.updatedAt).toEqual(new Date(stored.getTime() + 1));
      const again = await store.mergePatch('mp-clock', { a: 2 }, stored);
      expect(again?.updatedAt).toEqual(new Date(stored.getTime() + 2));
      expect(again?.version).toBe(3);
    });

    it('lands every one of concurrent patches of different keys', async () => {
      await store.insert(record('mp-many', { contextData: {} }));
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.mergePatch('mp-many', { [`k${i}`]: i }, later)),
      );
      const entry = await store.find('mp-many');
      expect(entry?.version).toBe(21);
      expect(Object.keys(entry?.contextData ?? {})).toHaveLength(20);
    });

    it('finds nothing to patch for an unknown job_id', async () => {
      expect(await store.mergePatch('mp-missing', { a: 1 }, later)).toBeUndefined();
    });
  });
});
