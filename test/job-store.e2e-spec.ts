import { ContextService } from '../src/context/context.service';
import { JobRunner } from '../src/orchestrator/jobs/runner/job-runner.service';
import { CheckpointService } from '../src/orchestrator/jobs/store/checkpoint.service';
import { JobStore } from '../src/orchestrator/jobs/store/job-store';
import type { JobRecord } from '../src/orchestrator/jobs/job.types';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { contextRecord, jobRecord } from './helpers/job-records';
import { testEngine } from './helpers/postgres';

/**
 * The job store of the test app's engine (SQLite under `npm test`, Postgres under
 * `npm run test:pg`): claims and leases, checkpoint order, lookup, pruning, conditional writes,
 * the per-client limit.
 */
let testApp: TestApp;
let store: JobStore;

beforeAll(async () => {
  // No runner: the claims here are the test's own.
  testApp = await createTestApp({
    override: (builder) =>
      builder
        .overrideProvider(JobRunner)
        .useValue({ wake: () => undefined, abort: () => undefined }),
  });
  store = testApp.app.get(JobStore);
});
afterAll(() => testApp.destroy());

/** Written straight to the store: a job waiting for approval unless overridden. */
const job = (id: string, overrides: Partial<JobRecord> = {}) =>
  jobRecord(id, { status: 'waiting_approval', ...overrides });
const context = contextRecord;

describe(`JobStore on ${testEngine()}`, () => {
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

describe(`JobStore on ${testEngine()}: claims and leases`, () => {
  const minutes = (n: number) => new Date(Date.now() + n * 60_000);
  // Leases of 10 minutes: the jobs of one test stay leased while the next one moves its clock on.
  const claim = (owner: string, now = new Date()) => store.claim({ owner, now, leaseMs: 600_000 });

  it('claims the job runnable longest: queued by creation, waiting by wake-up, expired leases', async () => {
    const jobs = [
      job('cl-queued', { status: 'queued', createdAt: minutes(-50) }),
      job('cl-due', { status: 'waiting', createdAt: minutes(-90), wakeAt: minutes(-60) }),
      job('cl-expired', {
        status: 'running',
        createdAt: minutes(-40),
        leaseOwner: 'gone',
        leaseExpiresAt: minutes(-1),
      }),
      job('cl-later', { status: 'waiting', createdAt: minutes(-100), wakeAt: minutes(5) }),
      job('cl-leased', {
        status: 'running',
        createdAt: minutes(-100),
        leaseOwner: 'alive',
        leaseExpiresAt: minutes(5),
      }),
      job('cl-approval', { status: 'waiting_approval', createdAt: minutes(-100) }),
    ];
    for (const record of jobs) await store.create(record, context(record.id));
    const order: string[] = [];
    for (let claimed = await claim('me'); claimed; claimed = await claim('me')) {
      order.push(claimed.job.id);
      expect(claimed.job).toMatchObject({
        status: 'running',
        leaseOwner: 'me',
        wakeAt: null,
        version: jobs.find((record) => record.id === claimed.job.id)!.version + 1,
      });
      expect(claimed.job.startedAt).not.toBeNull();
      expect(claimed.events).toEqual([]);
    }
    expect(order).toEqual(['cl-due', 'cl-queued', 'cl-expired']);
    expect((await store.get('cl-later'))?.status).toBe('waiting');
    expect((await store.get('cl-leased'))?.leaseOwner).toBe('alive');
  });

  it("applies the claim's first write in its transaction and returns its events", async () => {
    const contexts = testApp.app.get(ContextService);
    await store.create(job('cl-begin', { status: 'queued' }), context('cl-begin'));
    const claimed = await store.claim({
      owner: 'me',
      now: new Date(),
      leaseMs: 600_000,
      begin: (claimedJob) => ({
        set: { currentStep: claimedJob.currentStep + 1 },
        context: { status: 'running' },
        events: [{ type: 'step_started', data: { step: 0 } }],
      }),
    });
    expect(claimed?.job).toMatchObject({ id: 'cl-begin', currentStep: 1, version: 3 });
    const events = await store.events('cl-begin');
    expect(events.map((event) => event.type)).toEqual(['job_created', 'step_started']);
    expect(claimed?.events).toEqual([events[1]]);
    expect(await store.events('cl-begin', events[0].id)).toEqual([events[1]]);
    expect((await contexts.get('cl-begin')).contextData).toEqual({ status: 'running' });
    expect(await store.get('cl-begin')).toEqual(claimed?.job);
  });

  it('renews only a lease it holds; a released or expired lease lets another runner take over', async () => {
    await store.create(job('cl-lease', { status: 'queued' }), context('cl-lease'));
    const now = new Date();
    expect((await claim('first', now))?.job.id).toBe('cl-lease');
    expect(await store.renewLease('cl-lease', 'second', minutes(1))).toBe(false);
    expect(await store.renewLease('cl-lease', 'first', minutes(1))).toBe(true);
    expect(await claim('second', new Date(now.getTime() + 30_000))).toBeUndefined();
    // After the renewed lease ran out, another runner takes the job; the first one's writes fail.
    const takenOver = await claim('second', minutes(2));
    expect(takenOver?.job).toMatchObject({ id: 'cl-lease', leaseOwner: 'second' });
    const lost = { jobId: 'cl-lease', expect: { leaseOwner: 'first' }, set: { currentStep: 9 } };
    expect(await store.write(lost)).toBeUndefined();
    expect(await store.renewLease('cl-lease', 'first', minutes(3))).toBe(false);
    // An owner that stops lets its jobs go at once.
    expect(await store.releaseLeases('second', new Date())).toBe(1);
    const third = await claim('third', new Date(Date.now() + 1));
    expect(third?.job).toMatchObject({ id: 'cl-lease', leaseOwner: 'third' });
  });

  it("counts a client's queued and running jobs, and refuses one past the limit", async () => {
    // Running under a live lease: counted, never claimed by the other tests.
    const active = (id: string) =>
      job(id, {
        client: 'key:c1',
        status: 'running',
        leaseOwner: 'x',
        leaseExpiresAt: minutes(60),
      });
    expect(await store.create(active('lim-1'), context('lim-1'), 2)).toBe('created');
    expect(await store.create(active('lim-2'), context('lim-2'), 2)).toBe('created');
    expect(await store.create(active('lim-3'), context('lim-3'), 2)).toBe('queue_full');
    expect(await store.create(active('lim-3'), context('lim-3'), 0)).toBe('created');
    expect(await store.activeOfClient('key:c1')).toBe(3);
    expect(await store.activeOfClient('key:other')).toBe(0);
    expect(await store.get('lim-3')).toBeDefined();
  });

  it('rolls the job back when its context entry already exists', async () => {
    const contexts = testApp.app.get(ContextService);
    await contexts.create({ jobId: 'ctx-first', jobType: 'client', contextData: { mine: true } });
    expect(await store.create(job('ctx-first'), context('ctx-first'))).toBe('id_taken');
    expect(await store.get('ctx-first')).toBeUndefined();
    expect(await store.events('ctx-first')).toEqual([]);
    expect((await contexts.get('ctx-first')).contextData).toEqual({ mine: true });
  });

  it('lists newest first, with a status filter and the total', async () => {
    const { records, total } = await store.list({ status: 'waiting', skip: 0, limit: 10 });
    expect(records.map((record) => record.id)).toEqual(['cl-later']);
    expect(total).toBe(1);
    const all = await store.list({ skip: 0, limit: 2 });
    expect(all.total).toBeGreaterThan(10);
    expect(all.records[0].createdAt >= all.records[1].createdAt).toBe(true);
  });
});
