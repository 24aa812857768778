import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobBody } from '../helpers/jobs';
import { PostgresCluster, startPostgresCluster } from '../helpers/postgres-cluster';
import {
  ensureBuilt,
  ServiceProcess,
  startServiceProcess,
  stopServiceProcess,
} from '../helpers/service-process';

/**
 * Postgres restarted under two real replica processes with jobs in flight: every job a replica
 * acknowledged (201) finishes, each step committed once, and both processes serve again without
 * being restarted. On a cluster of this file's own (the others run on the shared one).
 */
// nest build (only when dist/ is stale) + a cluster + two start-ups + the restart + the lease.
jest.setTimeout(180_000);

async function send(
  method: string,
  url: string,
  body?: object,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json');
  return { status: response.status, body: json ? JSON.parse(text) : text };
}

const FINISHED = ['succeeded', 'failed', 'cancelled'];

const steps = [
  { agent: 'core', action: 'set_context', params: { values: { a: 1 } } },
  // Parks the job for a second: it must be woken after the restart.
  { agent: 'core', action: 'wait', params: { seconds: 1 } },
  { agent: 'core', action: 'set_context', params: { values: { b: 2 } } },
];

describe('Postgres restarted under two replica processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zigral-replica-restart-'));
  let cluster: PostgresCluster | undefined;
  const replicas: ServiceProcess[] = [];

  beforeAll(async () => {
    ensureBuilt();
    cluster = await startPostgresCluster();
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: cluster.url,
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      LOG_LEVEL: 'warn',
      LOG_STDOUT: 'false',
      JOB_LEASE_SECONDS: '2',
      JOB_CONCURRENCY: '4',
      JOB_QUEUE_LIMIT_PER_CLIENT: '0',
      RATE_LIMIT: '100000',
      SEED_SAMPLE_DATA: 'false',
    };
    // One after the other: the first runs the migrations.
    for (const name of ['a', 'b']) {
      replicas.push(
        await startServiceProcess({
          cwd: dir,
          env: { ...env, LOG_DIR: join(dir, `logs-${name}`) },
        }),
      );
    }
  }, 120_000);

  afterAll(async () => {
    for (const replica of replicas) {
      stopServiceProcess(replica);
      await replica.exited;
    }
    await cluster?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Polls GET /health on `replica` until 200; throws after `ms`. */
  async function healthy(replica: ServiceProcess, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      const response = await send('GET', `${replica.baseUrl}/health`).catch(() => undefined);
      if (response?.status === 200) return;
      if (Date.now() > deadline) {
        throw new Error(`/health: ${response?.status} after ${ms} ms:\n${replica.output()}`);
      }
      await sleep(100);
    }
  }

  it('finishes every acknowledged job, and both processes serve again by themselves', async () => {
    const acknowledged: string[] = [];
    const refused: number[] = [];
    let submitting = true;
    let beforeStop = 0;
    // Two submitters per replica, until told to stop: before, during and after the restart.
    const submitters = replicas.flatMap((replica) =>
      [0, 1].map(async () => {
        while (submitting) {
          const response = await send('POST', `${replica.baseUrl}/jobs`, {
            objective: 'Across a restart',
            steps,
          }).catch(() => ({ status: 0, body: undefined }));
          if (response.status === 201)
            acknowledged.push((response.body as { job_id: string }).job_id);
          else {
            refused.push(response.status);
            await sleep(100);
          }
        }
      }),
    );
    try {
      await sleep(1500);
      beforeStop = acknowledged.length;
      await cluster!.stop();
      await sleep(1000);
      await cluster!.start();
      await Promise.all(replicas.map((replica) => healthy(replica, 15_000)));
      await sleep(1000);
    } finally {
      submitting = false;
    }
    await Promise.all(submitters);

    expect(beforeStop).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(beforeStop);
    // While it was away, submissions were refused with 503 (no 500, no hang).
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((status) => status === 503)).toBe(true);

    for (const [i, jobId] of acknowledged.entries()) {
      const via = replicas[i % 2];
      const deadline = Date.now() + 60_000;
      let job: JobBody;
      for (;;) {
        const response = await send('GET', `${via.baseUrl}/jobs/${jobId}`);
        expect(response.status).toBe(200);
        job = response.body as JobBody;
        if (FINISHED.includes(job.status)) break;
        if (Date.now() > deadline) throw new Error(`job ${jobId}: ${JSON.stringify(job)}`);
        await sleep(100);
      }
      expect(job).toMatchObject({ status: 'succeeded', error: null });
      const checkpoints = (await send('GET', `${via.baseUrl}/jobs/${jobId}/checkpoints`)).body as {
        step_index: number;
        state: Record<string, unknown>;
      }[];
      expect(checkpoints.map((checkpoint) => checkpoint.step_index)).toEqual([0, 1, 2]);
      expect(checkpoints[2].state).toMatchObject({ a: 1, b: 2 });
    }
    // Both processes are the ones started before the restart.
    expect(replicas.every((replica) => replica.isRunning())).toBe(true);
  });
});
