import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { JobStore } from '../src/orchestrator/jobs/store/job-store';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';
import { JobAgentsFixtureModule } from './fixtures/job-agents.fixture';

/**
 * core.wait parks its job in `waiting` with a `wake_at`: no runner slot is held meanwhile, the
 * job is woken when due (also after a restart), and cancel applies to it. And the per-client cap
 * on queued and running jobs.
 */
const wait = (seconds: number) => ({ agent: 'core', action: 'wait', params: { seconds } });
const set = (values: Record<string, unknown>) => ({
  agent: 'core',
  action: 'set_context',
  params: { values },
});
const slow = (ms: number) => ({ agent: 'test', action: 'slow', params: { ms } });

describe('parked waits', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({
      env: { JOB_CONCURRENCY: '1' },
      imports: [JobAgentsFixtureModule],
    });
  });
  afterAll(() => testApp?.destroy());

  it('shows a long wait as `waiting` with its wake_at, holding no runner slot', async () => {
    const before = Date.now();
    const sleeper = await createJob(testApp, [set({ a: 1 }), wait(3600), set({ b: 2 })]);
    const parked = await waitForJob(testApp, sleeper, hasStatus('waiting'));
    const wakeAt = Date.parse(parked.wake_at as string);
    expect(wakeAt).toBeGreaterThanOrEqual(before + 3600_000);
    expect(wakeAt).toBeLessThan(Date.now() + 3600_000 + 1000);
    expect(parked.current_step).toBe(2);
    expect(parked.steps.map((step) => step.status)).toEqual(['succeeded', 'succeeded', 'pending']);
    expect(parked.steps[1].summary).toMatch(/^Waits 3600 s, until /);

    // JOB_CONCURRENCY is 1: another job only runs because the waiting one holds no slot.
    const other = await createJob(testApp, [set({ c: 3 })]);
    await waitForJob(testApp, other, hasStatus('succeeded'));

    const listed = await request(testApp.server).get('/jobs?status=waiting').expect(200);
    expect(listed.body.items.map((job: { job_id: string }) => job.job_id)).toEqual([sleeper]);
    const context = (await request(testApp.server).get(`/context/${sleeper}`).expect(200)).body;
    expect(context.context_data.status).toBe('waiting');

    const events = await testApp.app.get(JobStore).events(sleeper);
    expect(events.find((event) => event.type === 'job_waiting')?.data).toEqual({
      wake_at: parked.wake_at,
    });

    const cancelled = await request(testApp.server).post(`/jobs/${sleeper}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', wake_at: null });
  });

  it('wakes the job when it is due and runs the steps after the wait', async () => {
    const jobId = await createJob(testApp, [wait(1), set({ after: true })]);
    const parked = await waitForJob(testApp, jobId, hasStatus('waiting', 'succeeded'));
    const done = await waitForJob(testApp, jobId, hasStatus('succeeded'), 10_000);
    expect(done.wake_at).toBeNull();
    expect(Date.parse(done.finished_at as string)).toBeGreaterThanOrEqual(
      Date.parse(parked.wake_at as string),
    );
    const context = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body;
    expect(context.context_data.state).toEqual({ after: true });
  });

  it('lets a waiting job go ahead of jobs queued after it became due', async () => {
    const first = await createJob(testApp, [wait(1), set({ first: true })]);
    await waitForJob(testApp, first, hasStatus('waiting'));
    // The only slot is busy past the wake-up time; a job queued later must not overtake.
    const blocker = await createJob(testApp, [slow(2000)]);
    await waitForJob(testApp, blocker, hasStatus('running'));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const later = await createJob(testApp, [set({ later: true })]);
    const woken = await waitForJob(testApp, first, hasStatus('succeeded'), 10_000);
    const queued = await waitForJob(testApp, later, hasStatus('succeeded'), 10_000);
    expect(Date.parse(woken.finished_at as string)).toBeLessThanOrEqual(
      Date.parse(queued.started_at as string),
    );
  });

  it('refuses a wait over 30 days, naming the limit', async () => {
    const response = await request(testApp.server)
      .post('/jobs')
      .send({ objective: 'Too long', steps: [wait(30 * 24 * 3600 + 1)] })
      .expect(422);
    expect(JSON.stringify(response.body.details)).toContain('must not be greater than 2592000');
  });
});

describe('a waiting job across a restart', () => {
  it('is woken by the next process on the same database', async () => {
    const first = await createTestApp();
    const jobId = await createJob(first, [wait(2), set({ resumed: true })]);
    await waitForJob(first, jobId, hasStatus('waiting'));
    await first.close();

    const second = await createTestApp({ dir: first.dir });
    try {
      const done = await waitForJob(second, jobId, hasStatus('succeeded'), 10_000);
      expect(done.steps.map((step) => step.attempts)).toEqual([1, 1]);
      const context = (await request(second.server).get(`/context/${jobId}`).expect(200)).body;
      expect(context.context_data.state).toEqual({ resumed: true });
    } finally {
      await second.destroy();
    }
  });
});

describe('JOB_QUEUE_LIMIT_PER_CLIENT', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({
      env: { JOB_CONCURRENCY: '1', JOB_QUEUE_LIMIT_PER_CLIENT: '2', TRUST_PROXY: 'true' },
      imports: [JobAgentsFixtureModule],
    });
  });
  afterAll(() => testApp?.destroy());

  const submit = (client: string, steps: object[]) =>
    request(testApp.server)
      .post('/jobs')
      .set('X-Forwarded-For', client)
      .send({ objective: 'Queue test', steps });

  it('refuses a client past its queued and running jobs with 429 queue_full', async () => {
    const running = (await submit('203.0.113.7', [slow(60_000)]).expect(201)).body.job_id;
    const queued = (await submit('203.0.113.7', [slow(60_000)]).expect(201)).body.job_id;
    const refused = await submit('203.0.113.7', [set({ x: 1 })]).expect(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      error: 'queue_full',
      limit: 2,
      message: expect.stringContaining('JOB_QUEUE_LIMIT_PER_CLIENT'),
    });
    // The command route counts the same jobs, before any planning.
    const command = await request(testApp.server)
      .post('/command')
      .set('X-Forwarded-For', '203.0.113.7')
      .send({ command: 'Find CTOs in Germany' })
      .expect(429);
    expect(command.body.error).toBe('queue_full');

    // Another client has its own allowance.
    const other = (await submit('203.0.113.8', [set({ y: 1 })]).expect(201)).body.job_id;

    // A finished (here: cancelled) job frees its place.
    await request(testApp.server).post(`/jobs/${queued}/cancel`).expect(200);
    const again = (await submit('203.0.113.7', [set({ z: 1 })]).expect(201)).body.job_id;
    await request(testApp.server).post(`/jobs/${running}/cancel`).expect(200);
    await waitForJob(testApp, again, hasStatus('succeeded'));
    await waitForJob(testApp, other, hasStatus('succeeded'));
  });

  it('counts by API key, not by address, when API_KEYS is set', async () => {
    const keyed = await createTestApp({
      env: {
        JOB_CONCURRENCY: '1',
        JOB_QUEUE_LIMIT_PER_CLIENT: '1',
        API_KEYS: 'first-key-0123456789,second-key-0123456789',
      },
      imports: [JobAgentsFixtureModule],
    });
    try {
      const post = (key: string, steps: object[]) =>
        request(keyed.server)
          .post('/jobs')
          .set('X-API-Key', key)
          .send({ objective: 'Keyed', steps });
      const busy = (await post('first-key-0123456789', [slow(60_000)]).expect(201)).body.job_id;
      await post('first-key-0123456789', [set({ a: 1 })]).expect(429);
      // Same address, another key: its own allowance.
      const other = (await post('second-key-0123456789', [set({ b: 1 })]).expect(201)).body.job_id;
      await request(keyed.server)
        .post(`/jobs/${busy}/cancel`)
        .set('X-API-Key', 'first-key-0123456789')
        .expect(200);
      await request(keyed.server)
        .post(`/jobs/${other}/cancel`)
        .set('X-API-Key', 'second-key-0123456789');
    } finally {
      await keyed.destroy();
    }
  });
});
