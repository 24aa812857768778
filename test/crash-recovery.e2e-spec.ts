import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delayed, FakeWebsite, html, startFakeWebsite } from './helpers/fake-website-server';
import { JobBody, parseSse } from './helpers/jobs';
import {
  ensureBuilt,
  ServiceProcess,
  startServiceProcess,
  stopServiceProcess,
} from './helpers/service-process';
import { http } from './helpers/service-http';
import { dropTestDatabase, testDatabaseOfFolder, testEngine } from './helpers/postgres';

/**
 * Process-level crash recovery: the built service (dist/main.js) runs a multi-step job, is killed
 * with SIGKILL in the middle of a step (company research waiting for a slow website), and a second
 * process on the same database finishes the job — a parked core.wait included — with every
 * step's effect recorded exactly once.
 */
// nest build (~15 s, only when dist/ is stale) + two start-ups + the job's waits + the lease.
jest.setTimeout(180_000);

/** The company website answers after 3 s: the kill lands while step 1 waits for it. */
const SLOW_SITE_MS = 3000;

const steps = (siteUrl: string) => [
  {
    agent: 'core',
    action: 'set_context',
    params: {
      values: {
        a: 1,
        prospects: [
          { id: 'p1', name: 'Ana', company: { name: 'Slow GmbH', website_url: siteUrl } },
        ],
      },
    },
  },
  { agent: 'research', action: 'company_summary', params: {} },
  { agent: 'core', action: 'set_context', params: { values: { b: 2 } } },
  // Parks the job in `waiting` for 2 s: no runner holds it meanwhile.
  { agent: 'core', action: 'wait', params: { seconds: 2 } },
  { agent: 'core', action: 'set_context', params: { values: { c: 3 } } },
];

/** The keys of a checkpoint's state this test follows. */
const followed = (state: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(state).filter(([key]) => ['a', 'b', 'c'].includes(key)));

interface CheckpointBody {
  seq: number;
  step_index: number;
  state: Record<string, unknown>;
}

/** Polls GET /jobs/{id} every 20 ms until `done` holds; throws with the last body after timeoutMs. */
async function pollJob(
  service: ServiceProcess,
  jobId: string,
  done: (job: JobBody) => boolean,
  timeoutMs: number,
): Promise<JobBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await http<JobBody>('GET', `${service.baseUrl}/jobs/${jobId}`).catch(
      (error: Error) => {
        throw new Error(`${error.message}; the service's output:\n${service.output()}`);
      },
    );
    if (done(job)) return job;
    if (Date.now() > deadline) {
      throw new Error(`job ${jobId} after ${timeoutMs} ms: ${JSON.stringify(job)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('crash recovery of the built service (SIGKILL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zigral-crash-'));
  let env: Record<string, string>;
  const settings = {
    NODE_ENV: 'production',
    LOG_DIR: join(dir, 'logs'),
    LOG_STDOUT: 'false',
    JOB_LEASE_SECONDS: '2',
    // The tight polling below must never meet a 429.
    RATE_LIMIT: '100000',
    SEED_SAMPLE_DATA: 'false',
    RESEARCH_ALLOW_PRIVATE: 'true',
  };
  let site: FakeWebsite;
  let first: ServiceProcess | undefined;
  let second: ServiceProcess | undefined;

  beforeAll(async () => {
    ensureBuilt();
    // Both processes on one database: a SQLite file in the folder, or (npm run test:pg) a
    // database of the test cluster.
    const databaseUrl =
      testEngine() === 'postgres'
        ? await testDatabaseOfFolder(dir)
        : `sqlite:${join(dir, 'zigral.sqlite')}`;
    env = { ...settings, DATABASE_URL: databaseUrl };
    site = await startFakeWebsite({
      '/slow': delayed(SLOW_SITE_MS, html('<title>Slow GmbH</title><p>Forecasting software.</p>')),
    });
  });

  afterAll(async () => {
    for (const service of [first, second]) {
      stopServiceProcess(service);
      await service?.exited;
    }
    await site?.close();
    if (testEngine() === 'postgres' && env) await dropTestDatabase(env.DATABASE_URL);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes a job killed mid-run, with each step committed exactly once', async () => {
    first = await startServiceProcess({ cwd: dir, env });
    const { job_id: jobId } = await http<{ job_id: string }>('POST', `${first.baseUrl}/jobs`, {
      objective: 'Crash recovery',
      steps: steps(site.url('/slow')),
    });

    // Killed while step 1 runs: step 0 is committed, steps 1 to 4 are not.
    const atKill = await pollJob(first, jobId, (job) => job.steps[1].status === 'running', 15_000);
    const checkpointsAtKill = await http<CheckpointBody[]>(
      'GET',
      `${first.baseUrl}/jobs/${jobId}/checkpoints`,
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect(atKill.status).toBe('running');
    expect(atKill.finished_at).toBeNull();
    expect(checkpointsAtKill.map((checkpoint) => checkpoint.step_index)).toEqual([0]);

    // Same database, new process: it takes the job over once the dead runner's lease expires.
    second = await startServiceProcess({ cwd: dir, env });
    const done = await pollJob(
      second,
      jobId,
      (job) => ['succeeded', 'failed', 'cancelled'].includes(job.status),
      30_000,
    );
    expect(done.status).toBe('succeeded');
    expect(done.error).toBeNull();
    // Only the interrupted step ran twice; the step finished before the crash did not run again.
    expect(done.steps.map((step) => step.attempts)).toEqual([1, 2, 1, 1, 1]);

    const checkpoints = await http<CheckpointBody[]>(
      'GET',
      `${second.baseUrl}/jobs/${jobId}/checkpoints`,
    );
    expect(checkpoints.map((checkpoint) => checkpoint.step_index)).toEqual([0, 1, 2, 3, 4]);
    const seqs = checkpoints.map((checkpoint) => checkpoint.seq);
    expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1])).toBe(true);
    expect(checkpoints.map((checkpoint) => followed(checkpoint.state))).toEqual([
      { a: 1 },
      { a: 1 },
      { a: 1, b: 2 },
      { a: 1, b: 2 },
      { a: 1, b: 2, c: 3 },
    ]);

    const context = await http<{ context_data: Record<string, unknown> }>(
      'GET',
      `${second.baseUrl}/context/${jobId}`,
    );
    expect(context.context_data).toMatchObject({
      status: 'succeeded',
      state: { a: 1, b: 2, c: 3, companies: [expect.objectContaining({ name: 'Slow GmbH' })] },
    });
    // The website was asked once by each process: the killed one, then its successor.
    expect(site.hits('/slow')).toBe(2);

    // The replay ends by itself: the job is finished.
    const events = parseSse(await http<string>('GET', `${second.baseUrl}/jobs/${jobId}/events`));
    // The second process parked the job at the wait and woke it.
    expect(events.some((event) => event.event === 'job_waiting')).toBe(true);
    const succeeded = events.filter((event) => event.event === 'step_succeeded');
    expect(succeeded.map((event) => event.data.step)).toEqual([0, 1, 2, 3, 4]);
    const finished = events.filter((event) => event.event === 'job_finished');
    expect(finished.map((event) => event.data.status)).toEqual(['succeeded']);
    // Step 1 was started by the killed runner, then again by its successor.
    const startsOfStep1 = events.filter(
      (event) => event.event === 'step_started' && event.data.step === 1,
    );
    expect(startsOfStep1.map((event) => event.data.attempt)).toEqual([1, 2]);
    expect(new Set(startsOfStep1.map((event) => event.data.runner)).size).toBe(2);
  });
});
