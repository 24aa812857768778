import request from 'supertest';
import { Clock } from '../src/common/time/clock';
import { JobControl } from '../src/orchestrator/job-control/job-control';
import { JobStore } from '../src/orchestrator/jobs/store/job-store';
import { JobAgentsFixtureModule, tickRuns } from './fixtures/job-agents.fixture';
import { createTestApp, TestApp, TestAppOptions } from './helpers/create-test-app';
import { FakeClock } from './helpers/fake-clock';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';

/**
 * A repeating step (`{ wakeAt, repeat: true }`): the job parks at the same step and runs it
 * again when due — by the injected clock — or when JobControl.wakeBy wakes it earlier, also a
 * wake-up asked for while the step runs; across a restart too.
 */
const tick = (times: number, every: number, holdMs?: number) => ({
  agent: 'test',
  action: 'tick',
  params: { times, every, ...(holdMs ? { hold_ms: holdMs } : {}) },
});
const set = (values: Record<string, unknown>) => ({
  agent: 'core',
  action: 'set_context',
  params: { values },
});
const runsOf = (jobId: string) => tickRuns.get(jobId) ?? 0;

describe('a repeating step', () => {
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');
  let testApp: TestApp;
  let jobs: JobControl;
  beforeAll(async () => {
    testApp = await createTestApp({
      imports: [JobAgentsFixtureModule],
      override: (builder) => builder.overrideProvider(Clock).useValue(clock),
    });
    jobs = testApp.app.get(JobControl);
  });
  afterAll(() => testApp?.destroy());

  it('parks at the same step, waiting, and runs it again when woken, then goes on', async () => {
    const jobId = await createJob(testApp, [set({ a: 1 }), tick(3, 3600), set({ b: 2 })]);
    const parked = await waitForJob(testApp, jobId, hasStatus('waiting'));
    expect(parked.current_step).toBe(1);
    expect(parked.wake_at).toBe('2026-03-02T09:00:00.000Z');
    expect(parked.steps.map((step) => step.status)).toEqual(['succeeded', 'waiting', 'pending']);
    expect(parked.steps[1]).toMatchObject({ attempts: 0, summary: 'tick 1' });

    // Woken before its time: the step runs again at once, and parks again.
    expect(await jobs.wakeBy(jobId, clock.now())).toBe(true);
    await waitForJob(
      testApp,
      jobId,
      (job) => job.status === 'waiting' && job.steps[1].summary === 'tick 2',
    );
    // Waking for a time after its own changes nothing.
    expect(await jobs.wakeBy(jobId, new Date('2026-03-09T00:00:00Z'))).toBe(false);

    await jobs.wakeBy(jobId, clock.now());
    const done = await waitForJob(testApp, jobId, hasStatus('succeeded'));
    expect(runsOf(jobId)).toBe(3);
    expect(done.steps.map((step) => [step.status, step.attempts])).toEqual([
      ['succeeded', 1],
      ['succeeded', 1],
      ['succeeded', 1],
    ]);
    expect(done.steps[1].summary).toBe('tick 3, done');
    expect(done.wake_at).toBeNull();
    const context = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body;
    expect(context.context_data.state).toEqual({ a: 1, ticks: 3, b: 2 });
    const types = (await testApp.app.get(JobStore).events(jobId)).map((event) => event.type);
    expect(types.filter((type) => type === 'step_waiting')).toHaveLength(2);
  });

  it('runs again when the injected clock reaches its wake-up time', async () => {
    const jobId = await createJob(testApp, [tick(2, 86_400)]);
    const parked = await waitForJob(testApp, jobId, hasStatus('waiting'));
    expect(parked.wake_at).toBe(new Date(clock.now().getTime() + 86_400_000).toISOString());
    // The runner polls every second: a whole second with the clock short of the time runs nothing.
    clock.advance({ hours: 23 });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(runsOf(jobId)).toBe(1);
    clock.advance({ hours: 1 });
    await waitForJob(testApp, jobId, hasStatus('succeeded'), 5000);
    expect(runsOf(jobId)).toBe(2);
  });

  it('keeps a wake-up asked for while the step runs', async () => {
    const jobId = await createJob(testApp, [tick(2, 3600, 600)]);
    await waitForJob(testApp, jobId, (job) => job.status === 'running' && runsOf(jobId) === 1);
    // The step is still in its run: its park must not hide this wake-up for an hour.
    expect(await jobs.wakeBy(jobId, clock.now())).toBe(true);
    await waitForJob(testApp, jobId, hasStatus('succeeded'), 5000);
    expect(runsOf(jobId)).toBe(2);
  });

  it('leaves a finished or unknown job alone', async () => {
    const jobId = await createJob(testApp, [set({ c: 3 })]);
    await waitForJob(testApp, jobId, hasStatus('succeeded'));
    expect(await jobs.wakeBy(jobId, clock.now())).toBe(false);
    expect(await jobs.wakeBy('no-such-job', clock.now())).toBe(false);
    expect(await jobs.glance(jobId)).toMatchObject({ status: 'succeeded', active: false });
    expect(await jobs.glance('no-such-job')).toBeUndefined();
  });
});

describe('a repeating step across a restart', () => {
  it('is woken by the next process on the same database, with the clock it has', async () => {
    const clock = new FakeClock('2026-03-02T08:00:00.000Z');
    const options: TestAppOptions = {
      imports: [JobAgentsFixtureModule],
      override: (builder) => builder.overrideProvider(Clock).useValue(clock),
    };
    const first = await createTestApp(options);
    const jobId = await createJob(first, [tick(2, 3600), set({ after: true })]);
    await waitForJob(first, jobId, hasStatus('waiting'));
    await first.close();

    clock.advance({ hours: 2 });
    const second = await createTestApp({ ...options, dir: first.dir });
    try {
      const done = await waitForJob(second, jobId, hasStatus('succeeded'), 10_000);
      expect(done.steps.map((step) => step.status)).toEqual(['succeeded', 'succeeded']);
      expect(runsOf(jobId)).toBe(2);
    } finally {
      await second.destroy();
    }
  });
});
