import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createJob, hasStatus, parseSse, waitForJob } from './helpers/jobs';
import { jobCalls, JobAgentsFixtureModule } from './fixtures/job-agents.fixture';

/** Several runners on one database: leases keep every job to one runner at a time. */
const callsOf = (jobId: string) => jobCalls.filter((key) => key.startsWith(`${jobId}:`));
const count = (label: string) => ({ agent: 'test', action: 'count', params: { label } });

describe('two runners on one database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zigral-runners-'));
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const options = { dir, imports: [JobAgentsFixtureModule], env: { JOB_CONCURRENCY: '8' } };
    first = await createTestApp(options);
    second = await createTestApp(options);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never run a job twice: every step runs exactly once', async () => {
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        createJob(i % 2 ? first : second, [count('a'), count('b'), count('c')]),
      ),
    );
    for (const jobId of ids) await waitForJob(first, jobId, hasStatus('succeeded'), 20_000);
    for (const jobId of ids) {
      expect(callsOf(jobId)).toEqual([`${jobId}:0`, `${jobId}:1`, `${jobId}:2`]);
    }
    // Both runners took part (each step_started event names its runner).
    const runners = new Set<string>();
    for (const jobId of ids) {
      const { text } = await request(first.server).get(`/jobs/${jobId}/events`).expect(200);
      for (const event of parseSse(text)) {
        if (event.event === 'step_started') runners.add(event.data.runner as string);
      }
    }
    expect(runners.size).toBe(2);
  });
});

describe('lease takeover', () => {
  it('resumes a job whose runner went away once its lease expires, from the last checkpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zigral-lease-'));
    const options = { dir, imports: [JobAgentsFixtureModule], env: { JOB_LEASE_SECONDS: '2' } };
    const gone = await createTestApp(options);
    const jobId = await createJob(gone, [
      count('before'),
      { agent: 'test', action: 'slow', params: { ms: 1500 } },
      count('after'),
    ]);
    await waitForJob(gone, jobId, (job) => job.steps[1].status === 'running');
    await gone.close(); // the step is abandoned; the job stays running under a lease
    const successor = await createTestApp(options);
    try {
      const job = await waitForJob(successor, jobId, hasStatus('succeeded'), 15_000);
      expect(job.steps.map((step: { attempts: number }) => step.attempts)).toEqual([1, 2, 1]);
      expect(callsOf(jobId)).toEqual([`${jobId}:0`, `${jobId}:1`, `${jobId}:1`, `${jobId}:2`]);
      const checkpoints = await request(successor.server).get(`/jobs/${jobId}/checkpoints`);
      expect(checkpoints.body.map((c: { step_index: number }) => c.step_index)).toEqual([0, 1, 2]);
    } finally {
      await successor.destroy();
    }
  });
});
