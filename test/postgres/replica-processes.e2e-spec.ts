import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { delayed, FakeWebsite, html, startFakeWebsite } from '../helpers/fake-website-server';
import { JobBody, parseSse } from '../helpers/jobs';
import { createTestDatabase, dropTestDatabase } from '../helpers/postgres';
import {
  ensureBuilt,
  ServiceProcess,
  startServiceProcess,
  stopServiceProcess,
} from '../helpers/service-process';
import { TestSmtpServer } from '../helpers/test-smtp-server';

/**
 * Three real replicas (`node dist/main.js`, each its own process and port) on one Postgres
 * database: jobs, leases, approvals, live events, rate limits and the email daily cap hold across
 * them as they do in one process. The in-process replica suites (replicas, job-store-replicas…)
 * test the same mechanisms with shared Node state; here nothing is shared but the database.
 */
// nest build (only when dist/ is stale) + three start-ups + 200 jobs + a lease takeover.
jest.setTimeout(240_000);

const LIMIT = 30;
const COMMAND_LIMIT = 5;
const DAILY_LIMIT = 3;
/** The company website of the SIGKILL test answers after this long: the kill lands meanwhile. */
const SLOW_SITE_MS = 3000;

type Event = ReturnType<typeof parseSse>[number];

/** A client address per request (TRUST_PROXY): only the rate-limit test reuses one. */
let nextClient = 0;
const freshClient = () => {
  nextClient += 1;
  return `10.${(nextClient >> 16) & 255}.${(nextClient >> 8) & 255}.${nextClient & 255}`;
};

async function send(
  method: string,
  url: string,
  body?: object,
  client = freshClient(),
): Promise<{ status: number; body: unknown; text: string }> {
  const response = await fetch(url, {
    method,
    headers: {
      'x-forwarded-for': client,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json');
  return { status: response.status, body: json ? JSON.parse(text) : text, text };
}

/** A 2xx answer's body; throws with the answer otherwise. */
async function ok<T>(method: string, url: string, body?: object): Promise<T> {
  const response = await send(method, url, body);
  if (response.status >= 300) {
    throw new Error(`${method} ${url} answered ${response.status}: ${response.text}`);
  }
  return response.body as T;
}

const FINISHED = ['succeeded', 'failed', 'cancelled'];

/** Polls GET /jobs/{id} (on `via`) until `done` holds (bounded). */
async function waitForJob(
  via: ServiceProcess,
  jobId: string,
  done: (job: JobBody) => boolean,
  timeoutMs = 30_000,
): Promise<JobBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await ok<JobBody>('GET', `${via.baseUrl}/jobs/${jobId}`);
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId}: ${JSON.stringify(job)}`);
    await sleep(50);
  }
}

/** Runs `work` on each item, at most `width` at a time; the results in order. */
async function inBatches<T, R>(
  items: T[],
  width: number,
  work: (item: T, i: number) => Promise<R>,
) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** The events of a finished job (the replay ends at job_finished). */
async function eventsOf(via: ServiceProcess, jobId: string): Promise<Event[]> {
  return parseSse(await ok<string>('GET', `${via.baseUrl}/jobs/${jobId}/events`));
}

/** The pid in a runner id (`host:pid:random`). */
const pidOf = (runner: unknown) => Number(String(runner).split(':').at(-2));

describe('three replica processes on one Postgres database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zigral-replica-processes-'));
  const smtp = new TestSmtpServer();
  let site: FakeWebsite;
  let databaseUrl: string | undefined;
  const replicas: ServiceProcess[] = [];

  beforeAll(async () => {
    ensureBuilt();
    await smtp.start();
    site = await startFakeWebsite({
      '/slow': delayed(SLOW_SITE_MS, html('<title>Slow GmbH</title><p>Forecasting software.</p>')),
    });
    databaseUrl = await createTestDatabase();
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '8',
      LOG_LEVEL: 'warn',
      LOG_STDOUT: 'false',
      JOB_LEASE_SECONDS: '2',
      JOB_CONCURRENCY: '4',
      JOB_QUEUE_LIMIT_PER_CLIENT: '0',
      RATE_LIMIT: String(LIMIT),
      COMMAND_RATE_LIMIT: String(COMMAND_LIMIT),
      TRUST_PROXY: 'true',
      SEED_SAMPLE_DATA: 'false',
      RESEARCH_ALLOW_PRIVATE: 'true',
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'ana@zigral.example',
      EMAIL_DAILY_LIMIT: String(DAILY_LIMIT),
      EMAIL_PACING_MS: '0',
    };
    // One after the other: start-ups on a slow machine compete for the CPU.
    for (const name of ['a', 'b', 'c']) {
      replicas.push(
        await startServiceProcess({
          cwd: dir,
          env: { ...env, LOG_DIR: join(dir, `logs-${name}`) },
        }),
      );
    }
  });

  afterAll(async () => {
    for (const replica of replicas) {
      stopServiceProcess(replica);
      await replica.exited;
    }
    await site?.close();
    await smtp.stop();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs 200 jobs submitted round-robin, each step exactly once, on more than one replica', async () => {
    const steps = [0, 1, 2].map((n) => ({
      agent: 'core',
      action: 'set_context',
      params: { values: { [`k${n}`]: n } },
    }));
    const jobIds = await inBatches([...Array(200).keys()], 12, async (i) => {
      const created = await ok<{ job_id: string }>('POST', `${replicas[i % 3].baseUrl}/jobs`, {
        objective: `Job ${i}`,
        steps,
      });
      return created.job_id;
    });
    expect(new Set(jobIds).size).toBe(200);

    const runners = new Set<number>();
    await inBatches(jobIds, 6, async (jobId, i) => {
      const via = replicas[(i + 1) % 3];
      const job = await waitForJob(via, jobId, (body) => FINISHED.includes(body.status), 90_000);
      expect(job).toMatchObject({ status: 'succeeded', error: null });
      expect(job.steps.map((step) => step.attempts)).toEqual([1, 1, 1]);
      const checkpoints = await ok<{ step_index: number }[]>(
        'GET',
        `${via.baseUrl}/jobs/${jobId}/checkpoints`,
      );
      expect(checkpoints.map((checkpoint) => checkpoint.step_index)).toEqual([0, 1, 2]);
      const started = (await eventsOf(via, jobId)).filter((e) => e.event === 'step_started');
      expect(started.map((event) => [event.data.step, event.data.attempt])).toEqual([
        [0, 1],
        [1, 1],
        [2, 1],
      ]);
      for (const event of started) runners.add(pidOf(event.data.runner));
    });
    // Every runner is one of the three processes, and more than one of them ran jobs.
    const pids = replicas.map((replica) => replica.child.pid);
    expect([...runners].every((pid) => pids.includes(pid))).toBe(true);
    expect(runners.size).toBeGreaterThan(1);
  });

  it('streams on one replica, live, the events of a job created on another and approved on a third', async () => {
    const [a, b, c] = replicas;
    const { job_id: jobId } = await ok<{ job_id: string }>('POST', `${a.baseUrl}/jobs`, {
      objective: 'Review across replicas',
      steps: [
        { agent: 'core', action: 'review', params: {} },
        { agent: 'core', action: 'set_context', params: { values: { done: true } } },
      ],
    });
    await waitForJob(a, jobId, (job) => job.status === 'waiting_approval');

    const response = await fetch(`${b.baseUrl}/jobs/${jobId}/events`, {
      headers: { 'x-forwarded-for': freshClient() },
      signal: AbortSignal.timeout(20_000),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    // The replay so far arrives first; the stream stays open while the job waits.
    while (!text.includes('event: approval_needed')) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`the stream ended early: ${text}`);
      text += decoder.decode(chunk.value, { stream: true });
    }
    const beforeApproval = parseSse(text).map((event) => event.event);
    expect(beforeApproval).toEqual(['job_created', 'approval_needed']);

    await ok('POST', `${c.baseUrl}/jobs/${jobId}/approve`, {});
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    const events = parseSse(text);
    expect(events.map((event) => event.event)).toEqual([
      'job_created',
      'approval_needed',
      'approved',
      'step_started',
      'step_succeeded',
      'step_started',
      'step_succeeded',
      'job_finished',
    ]);
    expect(events.at(-1)!.data.status).toBe('succeeded');
    const ids = events.map((event) => Number(event.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
  });

  it('lets exactly one of an approval and a rejection racing on two processes win', async () => {
    const [a, b] = replicas;
    const jobIds = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const created = await ok<{ job_id: string }>('POST', `${replicas[i % 3].baseUrl}/jobs`, {
          objective: `Race ${i}`,
          steps: [
            { agent: 'core', action: 'review', params: {} },
            { agent: 'core', action: 'set_context', params: { values: { approved: true } } },
          ],
        });
        return created.job_id;
      }),
    );
    for (const jobId of jobIds) {
      await waitForJob(a, jobId, (job) => job.status === 'waiting_approval');
    }
    for (const jobId of jobIds) {
      const [approve, reject] = await Promise.all([
        send('POST', `${a.baseUrl}/jobs/${jobId}/approve`, {}),
        send('POST', `${b.baseUrl}/jobs/${jobId}/reject`, { reason: 'racing' }),
      ]);
      expect([approve.status, reject.status].sort()).toEqual([200, 409]);
      const loser = approve.status === 409 ? approve : reject;
      expect(loser.body).toMatchObject({ statusCode: 409 });
      const job = await waitForJob(b, jobId, (body) => FINISHED.includes(body.status));
      expect(job.status).toBe(approve.status === 200 ? 'succeeded' : 'cancelled');
      expect(job.steps[1].attempts).toBe(approve.status === 200 ? 1 : 0);
    }
  });

  it('counts one client against RATE_LIMIT and COMMAND_RATE_LIMIT on all three together', async () => {
    const client = '198.51.100.7';
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 6; i++) {
      statuses.push(
        (await send('GET', `${replicas[i % 3].baseUrl}/agents`, undefined, client)).status,
      );
    }
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    // Refused on every replica, whichever answered the last allowed request.
    expect(statuses.slice(LIMIT)).toEqual(Array(6).fill(429));
    const refused = await send('GET', `${replicas[1].baseUrl}/agents`, undefined, client);
    expect(refused.body).toMatchObject({ error: 'rate_limited', policy: 'default', limit: LIMIT });
    // Another client is not held back.
    expect((await send('GET', `${replicas[2].baseUrl}/agents`)).status).toBe(200);

    const commander = '198.51.100.9';
    const commands: number[] = [];
    for (let i = 0; i <= COMMAND_LIMIT; i++) {
      const response = await send(
        'POST',
        `${replicas[i % 3].baseUrl}/command`,
        { command: 'Find CTOs in Germany' },
        commander,
      );
      commands.push(response.status);
      if (i === COMMAND_LIMIT) {
        expect(response.body).toMatchObject({ policy: 'command', limit: COMMAND_LIMIT });
      }
    }
    expect(commands).toEqual([...Array(COMMAND_LIMIT).fill(201), 429]);
  });

  it('sends EMAIL_DAILY_LIMIT messages in all when 10 sends race on three processes', async () => {
    const jobIds = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const prospect = {
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          name: `Pat${i} Exempel`,
          email: `pat${i}@beta${i}.example`,
          title: 'VP of Sales',
          company: { name: `Beta ${i} GmbH`, domain: `beta${i}.example`, industry: 'Software' },
        };
        const created = await ok<{ job_id: string }>('POST', `${replicas[i % 3].baseUrl}/jobs`, {
          objective: `Email ${i}`,
          steps: [
            {
              agent: 'core',
              action: 'set_context',
              params: {
                values: {
                  prospects: [prospect],
                  sender: { name: 'Ana Exemple', title: 'Head of Partnerships', company: 'Zigral' },
                  offer: 'a 14-day pilot of automated prospect research',
                },
              },
            },
            { agent: 'email', action: 'draft', params: { tone: 'friendly' } },
            { agent: 'email', action: 'send', params: {} },
          ],
        });
        return created.job_id;
      }),
    );
    for (const jobId of jobIds) {
      await waitForJob(replicas[0], jobId, (job) =>
        ['waiting_approval', ...FINISHED].includes(job.status),
      );
    }
    // All ten approved at once, on the three processes in turn.
    const approvals = await Promise.all(
      jobIds.map((jobId, i) =>
        send('POST', `${replicas[i % 3].baseUrl}/jobs/${jobId}/approve`, {}),
      ),
    );
    expect(approvals.map((approval) => approval.status)).toEqual(Array(10).fill(200));
    const done = await Promise.all(
      jobIds.map((jobId, i) =>
        waitForJob(replicas[(i + 1) % 3], jobId, (job) => FINISHED.includes(job.status)),
      ),
    );
    expect(done.map((job) => job.status)).toEqual(Array(10).fill('succeeded'));
    // Nothing more arrives late.
    await sleep(500);
    expect(smtp.received).toHaveLength(DAILY_LIMIT);
    expect(new Set(smtp.received.map((mail) => mail.envelopeTo[0])).size).toBe(DAILY_LIMIT);

    const outbox = (
      await Promise.all(
        jobIds.map((jobId) =>
          ok<{ items: { status: string; reason: string | null }[] }>(
            'GET',
            `${replicas[2].baseUrl}/outbox?job_id=${jobId}&limit=100`,
          ),
        ),
      )
    ).flatMap((page) => page.items);
    expect(outbox.filter((message) => message.status === 'sent')).toHaveLength(DAILY_LIMIT);
    const skipped = outbox.filter((message) => message.status === 'skipped');
    expect(skipped).toHaveLength(10 - DAILY_LIMIT);
    for (const message of skipped) expect(message.reason).toMatch(/EMAIL_DAILY_LIMIT/);
  });

  // Last: it kills one of the three.
  it('finishes on the others the jobs of a replica killed with SIGKILL, no finished step run again', async () => {
    const steps = [
      {
        agent: 'core',
        action: 'set_context',
        params: {
          values: {
            a: 1,
            prospects: [
              {
                id: 'p1',
                name: 'Ana',
                company: { name: 'Slow GmbH', website_url: site.url('/slow') },
              },
            ],
          },
        },
      },
      { agent: 'research', action: 'company_summary', params: {} },
      { agent: 'core', action: 'set_context', params: { values: { b: 2 } } },
    ];
    const jobIds = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const created = await ok<{ job_id: string }>('POST', `${replicas[i % 3].baseUrl}/jobs`, {
          objective: `Kill ${i}`,
          steps,
        });
        return created.job_id;
      }),
    );
    // Every job in step 1 (waiting for the slow website): step 0 committed, step 2 not started.
    const atKill = await Promise.all(
      jobIds.map((jobId) =>
        waitForJob(replicas[0], jobId, (job) => job.steps[1].status === 'running', 20_000),
      ),
    );
    const runnerOf = new Map<string, number>();
    for (const jobId of jobIds) {
      const started = (await eventsOfLive(replicas[0], jobId)).filter(
        (event) => event.event === 'step_started' && event.data.step === 1,
      );
      runnerOf.set(jobId, pidOf(started.at(-1)!.data.runner));
    }
    // The replica running the most of them is killed.
    const counts = replicas.map(
      (r) => [...runnerOf.values()].filter((pid) => pid === r.child.pid).length,
    );
    const victim = replicas[counts.indexOf(Math.max(...counts))];
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');
    const survivors = replicas.filter((replica) => replica !== victim);
    const interrupted = jobIds.filter((jobId) => runnerOf.get(jobId) === victim.child.pid);
    expect(interrupted.length).toBeGreaterThan(0);
    for (const job of atKill) expect(job.steps.map((step) => step.status)[0]).toBe('succeeded');

    const done = await Promise.all(
      jobIds.map((jobId, i) =>
        waitForJob(survivors[i % 2], jobId, (job) => FINISHED.includes(job.status), 40_000),
      ),
    );
    for (const [i, job] of done.entries()) {
      const jobId = jobIds[i];
      expect(job).toMatchObject({ status: 'succeeded', error: null });
      // Step 0 had finished before the kill: never again. Only the step in flight on the killed
      // process runs a second time (on a survivor, after the lease); others ran once.
      const wasInterrupted = interrupted.includes(jobId);
      expect(job.steps.map((step) => step.attempts)).toEqual([1, wasInterrupted ? 2 : 1, 1]);
      const checkpoints = await ok<{ step_index: number; state: Record<string, unknown> }[]>(
        'GET',
        `${survivors[0].baseUrl}/jobs/${jobId}/checkpoints`,
      );
      expect(checkpoints.map((checkpoint) => checkpoint.step_index)).toEqual([0, 1, 2]);
      expect(checkpoints[2].state).toMatchObject({ a: 1, b: 2 });
      const events = await eventsOf(survivors[1], jobId);
      const runs = events
        .filter((event) => event.event === 'step_started')
        .map((event) => [event.data.step, pidOf(event.data.runner) === victim.child.pid]);
      if (wasInterrupted) {
        expect(runs.slice(1)).toEqual([
          [1, true],
          [1, false],
          [2, false],
        ]);
      }
      expect(events.filter((event) => event.event === 'job_finished')).toHaveLength(1);
    }
  });
});

/** The events of a job so far (it may still run): read until the replay is in, then closed. */
async function eventsOfLive(via: ServiceProcess, jobId: string): Promise<Event[]> {
  const controller = new AbortController();
  const response = await fetch(`${via.baseUrl}/jobs/${jobId}/events`, {
    headers: { 'x-forwarded-for': freshClient() },
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  // The replay so far goes out in one write at open; it holds the step 1 has started.
  const deadline = Date.now() + 5000;
  const hasStep1 = () =>
    text.endsWith('\n\n') &&
    parseSse(text).some((event) => event.event === 'step_started' && event.data.step === 1);
  while (!hasStep1() && Date.now() < deadline) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  controller.abort();
  await reader.cancel().catch(() => undefined);
  return parseSse(text);
}
