import { ContextService } from '../src/context/context.service';
import { CheckpointService } from '../src/orchestrator/jobs/store/checkpoint.service';
import { JobStore } from '../src/orchestrator/jobs/store/job-store';
import type { JobRecord } from '../src/orchestrator/jobs/job.types';
import { createTestApp, TestApp } from './helpers/create-test-app';

/** The SQLite job store on a real file: checkpoint order, lookup, pruning, conditional writes. */
let testApp: TestApp;
let store: JobStore;

beforeAll(async () => {
  // No runner interference: jobs here are never queued (they start as 'waiting_approval').
  testApp = await createTestApp();
  store = testApp.app.get(JobStore);
});
afterAll(() => testApp.destroy());

function job(id: string, overrides: Partial<JobRecord> = {}): JobRecord {
  const now = new Date();
  return {
    id,
    jobType: 'test',
    status: 'waiting_approval',
    objective: 'Store test',
    input: {},
    steps: [],
    progress: [],
    currentStep: 0,
    leaseOwner: null,
    leaseExpiresAt: null,
    wakeAt: null,
    client: null,
    error: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

const context = (jobId: string) => ({
  jobId,
  jobType: 'test',
  contextData: {},
  version: 1,
  createdAt: new Date(),
  updatedAt: new Date(),
});

describe('SqliteJobStore', () => {
  it('keeps many checkpoints of the same millisecond distinct and ordered', async () => {
    await store.create(job('cp-order'), context('cp-order'));
    for (let i = 0; i < 50; i++) {
      await store.write({
        jobId: 'cp-order',
        expect: {},
        set: {},
        checkpoint: { stepIndex: i, state: { i } },
      });
    }
    const checkpoints = await store.checkpoints('cp-order');
    expect(checkpoints.map((c) => c.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(checkpoints.map((c) => c.state.i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect((await store.checkpoint('cp-order'))?.seq).toBe(50);
    expect((await store.checkpoint('cp-order', { seq: 7 }))?.state).toEqual({ i: 6 });
    expect(await store.checkpoint('cp-order', { seq: 51 })).toBeUndefined();
  });

  it('loads the last checkpoint at or before a time', async () => {
    await store.create(job('cp-at'), context('cp-at'));
    await store.write({
      jobId: 'cp-at',
      expect: {},
      set: {},
      checkpoint: { stepIndex: 0, state: { n: 0 } },
    });
    const between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.write({
      jobId: 'cp-at',
      expect: {},
      set: {},
      checkpoint: { stepIndex: 1, state: { n: 1 } },
    });
    expect((await store.checkpoint('cp-at', { at: between }))?.state).toEqual({ n: 0 });
    expect(await store.checkpoint('cp-at', { at: new Date(0) })).toBeUndefined();
  });

  it('writes only when the expectation holds, and bumps the version', async () => {
    await store.create(job('cas'), context('cas'));
    const first = await store.write({
      jobId: 'cas',
      expect: { statuses: ['waiting_approval'], version: 1 },
      set: { status: 'cancelled' },
    });
    expect(first?.job).toMatchObject({ status: 'cancelled', version: 2 });
    expect(
      await store.write({
        jobId: 'cas',
        expect: { statuses: ['waiting_approval'] },
        set: { status: 'queued' },
      }),
    ).toBeUndefined();
    expect(await store.write({ jobId: 'cas', expect: { version: 1 }, set: {} })).toBeUndefined();
    expect(await store.write({ jobId: 'missing', expect: {}, set: {} })).toBeUndefined();
  });

  it('writes the changed parts of a context document, or all of it when its shape differs', async () => {
    const contexts = testApp.app.get(ContextService);
    const doc = { status: 'queued', state: { a: 1 }, steps: [{ i: 0 }, { i: 1 }], other: 'x' };
    await store.create(job('ctx-paths'), { ...context('ctx-paths'), contextData: doc });
    const change = (state: Record<string, unknown>, steps: unknown[]) =>
      store.write({
        jobId: 'ctx-paths',
        expect: {},
        set: {},
        context: { status: 'running', state, steps },
        contextChanges: { stateKeys: ['b'], steps: [1] },
      });
    await change({ a: 1, b: [2] }, [{ i: 0 }, { i: 1, done: true }]);
    const patched = await contexts.get('ctx-paths');
    expect(patched.contextData).toEqual({
      status: 'running',
      state: { a: 1, b: [2] },
      steps: [{ i: 0 }, { i: 1, done: true }],
      other: 'x',
    });
    expect(patched.version).toBe(2);
    // A client replaced the document: the paths would not fit, so the whole of it is merged.
    await contexts.replace('ctx-paths', { contextData: { other: 'y' } });
    await change({ a: 1, b: 3 }, [{ i: 0 }, { i: 1 }]);
    expect((await contexts.get('ctx-paths')).contextData).toEqual({
      other: 'y',
      status: 'running',
      state: { a: 1, b: 3 },
      steps: [{ i: 0 }, { i: 1 }],
    });
  });

  it('moves the context entry forward by path, and still commits the job when the entry is gone', async () => {
    const contexts = testApp.app.get(ContextService);
    const doc = { status: 'queued', state: {}, steps: [{ i: 0 }] };
    await store.create(job('ctx-gone'), { ...context('ctx-gone'), contextData: doc });
    const before = await contexts.get('ctx-gone');
    const change = () =>
      store.write({
        jobId: 'ctx-gone',
        expect: {},
        set: { currentStep: 1 },
        context: { status: 'running', state: { k: 1 }, steps: [{ i: 0, done: true }] },
        contextChanges: { stateKeys: ['k'], steps: [0] },
      });
    expect(await change()).toBeDefined();
    const after = await contexts.get('ctx-gone');
    expect(after.version).toBe(before.version + 1);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    // A client deleted the entry: the job row stays the truth and its write still commits.
    await contexts.delete('ctx-gone');
    const written = await change();
    expect(written?.job.currentStep).toBe(1);
    await expect(contexts.get('ctx-gone')).rejects.toThrow();
  });

  it('refuses a second job with the same id', async () => {
    expect(await store.create(job('dup'), context('dup'))).toBe('created');
    expect(await store.create(job('dup'), context('dup'))).toBe('id_taken');
  });

  it('prunes checkpoints of jobs finished before the cut-off only', async () => {
    const old = new Date(Date.now() - 10 * 86_400_000);
    await store.create(job('old', { status: 'succeeded', finishedAt: old }), context('old'));
    await store.create(
      job('recent', { status: 'succeeded', finishedAt: new Date() }),
      context('recent'),
    );
    for (const id of ['old', 'recent']) {
      await store.write({
        jobId: id,
        expect: {},
        set: {},
        checkpoint: { stepIndex: 0, state: {} },
      });
    }
    const pruned = await store.pruneCheckpoints(new Date(Date.now() - 86_400_000));
    expect(pruned).toBe(1);
    expect(await store.checkpoints('old')).toEqual([]);
    expect(await store.checkpoints('recent')).toHaveLength(1);
  });

  it('CheckpointService: create, list and load, with a clear not-found', async () => {
    const checkpoints = testApp.app.get(CheckpointService);
    await store.create(job('svc'), context('svc'));
    await expect(checkpoints.load('svc')).rejects.toThrow('No checkpoint yet for job "svc"');
    const first = await checkpoints.create('svc', { a: 1 });
    const second = await checkpoints.create('svc', { a: 2 });
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect((await checkpoints.list('svc')).map((c) => c.state)).toEqual([{ a: 1 }, { a: 2 }]);
    expect((await checkpoints.load('svc', { seq: 1 })).state).toEqual({ a: 1 });
    await expect(checkpoints.load('svc', { seq: 3 })).rejects.toThrow(
      'No checkpoint #3 for job "svc"',
    );
    await expect(checkpoints.list('nope')).rejects.toThrow('No job "nope"');
  });
});
