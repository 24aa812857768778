import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createJob, hasStatus, parseSse, waitForJob } from './helpers/jobs';
import {
  brokenLabels,
  flakyFailures,
  jobCalls,
  JobAgentsFixtureModule,
} from './fixtures/job-agents.fixture';

/** Durable job execution over HTTP: running, checkpoints, retries, approvals, cancel, events. */
let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp({ imports: [JobAgentsFixtureModule] });
});
afterAll(() => testApp.destroy());

const set = (values: Record<string, unknown>) => ({
  agent: 'core',
  action: 'set_context',
  params: { values },
});
const count = (label: string) => ({ agent: 'test', action: 'count', params: { label } });
const callsOf = (jobId: string) => jobCalls.filter((key) => key.startsWith(`${jobId}:`));

describe('running a job', () => {
  it('runs every step in order, with one checkpoint per completed step', async () => {
    const jobId = await createJob(testApp, [set({ a: 1 }), count('x'), set({ b: 2 })], { seed: 0 });
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded'));
    expect(
      job.steps.map((step: { status: string; attempts: number }) => [step.status, step.attempts]),
    ).toEqual([
      ['succeeded', 1],
      ['succeeded', 1],
      ['succeeded', 1],
    ]);
    expect(job.steps[1]).toMatchObject({ summary: 'counted x', output_keys: ['counted'] });
    expect(job.finished_at).not.toBeNull();
    expect(callsOf(jobId)).toEqual([`${jobId}:1`]);

    const checkpoints = (
      await request(testApp.server).get(`/jobs/${jobId}/checkpoints`).expect(200)
    ).body;
    expect(
      checkpoints.map((c: { seq: number; step_index: number }) => [c.seq, c.step_index]),
    ).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
    expect(checkpoints[2].state).toEqual({ seed: 0, a: 1, counted: 'x', b: 2 });
    const second = await request(testApp.server).get(`/jobs/${jobId}/checkpoints/2`).expect(200);
    expect(second.body.state).toEqual({ seed: 0, a: 1, counted: 'x' });
    await request(testApp.server).get(`/jobs/${jobId}/checkpoints/9`).expect(404);
    await request(testApp.server).get(`/jobs/${jobId}/checkpoints/two`).expect(400);

    const context = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body
      .context_data;
    expect(context).toMatchObject({
      status: 'succeeded',
      input: { seed: 0 },
      state: { seed: 0, a: 1, counted: 'x', b: 2 },
      errors: [],
    });
    expect(context.steps.map((step: { status: string }) => step.status)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
  });

  it('retries a transient failure with backoff, and records each error', async () => {
    flakyFailures.set('twice', 2);
    const jobId = await createJob(testApp, [
      { agent: 'test', action: 'flaky', params: { label: 'twice' } },
    ]);
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job).toMatchObject({
      status: 'succeeded',
      steps: [{ status: 'succeeded', attempts: 3 }],
    });
    const context = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body
      .context_data;
    expect(context.errors).toEqual([
      expect.objectContaining({ step: 0, attempt: 1, message: 'transient failure of twice' }),
      expect.objectContaining({ step: 0, attempt: 2, message: 'transient failure of twice' }),
    ]);
  });

  it('fails when retries run out, with the error in the job and its context', async () => {
    flakyFailures.set('forever', 10);
    const jobId = await createJob(testApp, [
      { agent: 'test', action: 'flaky', params: { label: 'forever' } },
    ]);
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job).toMatchObject({ status: 'failed', steps: [{ status: 'failed', attempts: 3 }] });
    expect(job.error).toBe('Step 0 (test.flaky) failed: transient failure of forever');
    const context = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body
      .context_data;
    expect(context.status).toBe('failed');
    expect(context.errors).toHaveLength(3);
  });

  it('fails at once on a non-retryable error, and POST retry resumes from the failed step', async () => {
    brokenLabels.add('db');
    const jobId = await createJob(testApp, [
      count('before'),
      { agent: 'test', action: 'broken', params: { label: 'db' } },
      count('after'),
    ]);
    const failed = await waitForJob(testApp, jobId, hasStatus('failed', 'succeeded'));
    expect(failed).toMatchObject({
      status: 'failed',
      current_step: 1,
      steps: [{ status: 'succeeded' }, { status: 'failed', attempts: 1 }, { status: 'pending' }],
    });

    brokenLabels.delete('db');
    await request(testApp.server).post(`/jobs/${jobId}/retry`).expect(200);
    const done = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(done.status).toBe('succeeded');
    expect(callsOf(jobId)).toEqual([`${jobId}:0`, `${jobId}:1`, `${jobId}:1`, `${jobId}:2`]);
    // Only a failed job can be retried.
    await request(testApp.server).post(`/jobs/${jobId}/retry`).expect(409);
  });

  it('refuses an action that writes keys it did not declare', async () => {
    const jobId = await createJob(testApp, [
      { agent: 'test', action: 'sneaky', params: { label: 'x' } },
    ]);
    const job = await waitForJob(testApp, jobId, hasStatus('failed', 'succeeded'));
    expect(job.status).toBe('failed');
    expect(job.error).toContain('wrote undeclared state keys: undeclared');
  });
});

describe('approvals', () => {
  it('parks at a review step with a preview; nothing of it runs before approval', async () => {
    const jobId = await createJob(testApp, [
      count('one'),
      { agent: 'core', action: 'review', params: { message: 'Check the list' } },
      count('two'),
    ]);
    const waiting = await waitForJob(testApp, jobId, hasStatus('waiting_approval'));
    expect(waiting.steps[1]).toMatchObject({
      status: 'waiting_approval',
      preview: { step: 1, agent: 'core', action: 'review', params: { message: 'Check the list' } },
    });
    expect(callsOf(jobId)).toEqual([`${jobId}:0`]);

    await request(testApp.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
    const done = await waitForJob(testApp, jobId, hasStatus('succeeded'));
    expect(done.steps[1]).toMatchObject({
      status: 'succeeded',
      approval: 'approved',
      summary: 'Approved: Check the list',
    });
    expect(callsOf(jobId)).toEqual([`${jobId}:0`, `${jobId}:2`]);
  });

  it('lets exactly one of racing approve and reject calls win; the others get 409', async () => {
    const jobId = await createJob(testApp, [
      { agent: 'core', action: 'review', params: {} },
      count('x'),
    ]);
    await waitForJob(testApp, jobId, hasStatus('waiting_approval'));
    const calls = await Promise.all([
      request(testApp.server).post(`/jobs/${jobId}/approve`).send({}),
      request(testApp.server).post(`/jobs/${jobId}/approve`).send({}),
      request(testApp.server).post(`/jobs/${jobId}/reject`).send({ reason: 'no' }),
    ]);
    const statuses = calls.map((call) => call.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const winner = calls.find((call) => call.status === 200)!;
    const final = await waitForJob(testApp, jobId, hasStatus('succeeded', 'cancelled'));
    expect(final.status).toBe(winner.body.status === 'cancelled' ? 'cancelled' : 'succeeded');
  });

  it('takes edited params with the approval, validated like the plan', async () => {
    const jobId = await createJob(testApp, [
      { agent: 'core', action: 'review', params: { message: 'draft' } },
    ]);
    await waitForJob(testApp, jobId, hasStatus('waiting_approval'));
    const bad = await request(testApp.server)
      .post(`/jobs/${jobId}/approve`)
      .send({ params: { message: 7 } })
      .expect(400);
    expect(bad.body).toMatchObject({
      error: 'invalid_params',
      details: expect.arrayContaining([{ path: 'params.message', message: 'must be a string' }]),
    });
    await request(testApp.server)
      .post(`/jobs/${jobId}/approve`)
      .send({ params: { message: 'final' } })
      .expect(200);
    const done = await waitForJob(testApp, jobId, hasStatus('succeeded'));
    expect(done.steps[0]).toMatchObject({
      params: { message: 'final' },
      summary: 'Approved: final',
    });
  });

  it('cancels the job when the step is rejected', async () => {
    const jobId = await createJob(testApp, [
      { agent: 'core', action: 'review', params: {} },
      count('never'),
    ]);
    await waitForJob(testApp, jobId, hasStatus('waiting_approval'));
    const rejected = await request(testApp.server)
      .post(`/jobs/${jobId}/reject`)
      .send({ reason: 'Wrong audience' })
      .expect(200);
    expect(rejected.body).toMatchObject({
      status: 'cancelled',
      error: 'Step 0 rejected: Wrong audience',
    });
    expect(callsOf(jobId)).toEqual([]);
  });
});

describe('cancel', () => {
  it('stops a running step at once', async () => {
    const jobId = await createJob(testApp, [
      { agent: 'test', action: 'slow', params: { ms: 30_000 } },
      count('never'),
    ]);
    await waitForJob(testApp, jobId, (job) => job.steps[0].status === 'running');
    const started = Date.now();
    const cancelled = await request(testApp.server).post(`/jobs/${jobId}/cancel`).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    const job = await waitForJob(testApp, jobId, hasStatus('cancelled'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(job.finished_at).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callsOf(jobId)).toEqual([`${jobId}:0`]);
    await request(testApp.server).post(`/jobs/${jobId}/cancel`).expect(409);
  });
});

describe('events (SSE)', () => {
  it('replays the events of a finished job and ends the stream', async () => {
    const jobId = await createJob(testApp, [set({ a: 1 }), set({ b: 2 })]);
    await waitForJob(testApp, jobId, hasStatus('succeeded'));
    const response = await request(testApp.server).get(`/jobs/${jobId}/events`).expect(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    const events = parseSse(response.text);
    expect(events.map((event) => event.event)).toEqual([
      'job_created',
      'step_started',
      'step_succeeded',
      'step_started',
      'step_succeeded',
      'job_finished',
    ]);
    expect(events.at(-1)!.data).toMatchObject({ status: 'succeeded' });
    const ids = events.map((event) => Number(event.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('streams live: past events first, then new ones until the job finishes', async () => {
    const jobId = await createJob(testApp, [
      { agent: 'core', action: 'review', params: {} },
      set({ done: true }),
    ]);
    await waitForJob(testApp, jobId, hasStatus('waiting_approval'));
    const stream = request(testApp.server)
      .get(`/jobs/${jobId}/events`)
      .then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await request(testApp.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
    const events = parseSse((await stream).text).map((event) => event.event);
    expect(events).toEqual([
      'job_created',
      'approval_needed',
      'approved',
      'step_started',
      'step_succeeded',
      'step_started',
      'step_succeeded',
      'job_finished',
    ]);
  });

  it('answers 404 for an unknown job', async () => {
    await request(testApp.server).get('/jobs/no-such-job/events').expect(404);
  });
});

describe('job API', () => {
  it('lists jobs by status, newest first', async () => {
    const jobId = await createJob(testApp, [set({ listed: true })]);
    await waitForJob(testApp, jobId, hasStatus('succeeded'));
    const page = await request(testApp.server).get('/jobs?status=succeeded&limit=100').expect(200);
    expect(page.body.items.every((job: { status: string }) => job.status === 'succeeded')).toBe(
      true,
    );
    expect(page.body.items.map((job: { job_id: string }) => job.job_id)).toContain(jobId);
    expect(page.body).toMatchObject({ skip: 0, limit: 100 });
    const bad = await request(testApp.server).get('/jobs?status=done').expect(400);
    expect(bad.body.message).toContain('status must be one of');
  });

  it('stores feedback in the job context', async () => {
    const jobId = await createJob(testApp, [set({ a: 1 })]);
    await request(testApp.server)
      .post(`/jobs/${jobId}/feedback`)
      .send({ rating: 5, comment: 'Great list' })
      .expect(201);
    const second = await request(testApp.server)
      .post(`/jobs/${jobId}/feedback`)
      .send({ rating: 3 })
      .expect(201);
    expect(second.body.feedback).toEqual([
      expect.objectContaining({ rating: 5, comment: 'Great list' }),
      expect.objectContaining({ rating: 3 }),
    ]);
    const context = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body
      .context_data;
    expect(context.feedback).toHaveLength(2);
    await request(testApp.server).post(`/jobs/${jobId}/feedback`).send({ rating: 6 }).expect(400);
    await request(testApp.server).post('/jobs/nope/feedback').send({ rating: 4 }).expect(404);
  });

  it('answers 404 for unknown jobs and 400 for bad ids', async () => {
    await request(testApp.server).get('/jobs/unknown-job').expect(404);
    await request(testApp.server).post('/jobs/unknown-job/cancel').expect(404);
    await request(testApp.server).get('/jobs/bad%20id').expect(400);
  });
});
