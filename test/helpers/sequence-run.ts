import request from 'supertest';
import { JobControl } from '../../src/orchestrator/job-control/job-control';
import type { TestApp } from './create-test-app';
import type { FakeClock } from './fake-clock';
import { hasStatus, JobBody, waitForJob } from './jobs';

/** An outbox message as GET /outbox answers, loosely typed. */
export interface OutboxBody {
  id: string;
  to: string;
  subject: string;
  body: string;
  status: string;
  enrollment_id: string | null;
  touch_index: number | null;
  message_id: string | null;
  sent_at: string | null;
  [field: string]: unknown;
}

/** POST /sequences/{id}/launch; answers its job parked for the review of the first touches. */
export async function launchForReview(
  t: TestApp,
  sequenceId: string,
  body: Record<string, unknown> = {},
): Promise<{ jobId: string; job: JobBody }> {
  const launched = await request(t.server)
    .post(`/sequences/${sequenceId}/launch`)
    .send(body)
    .expect(201);
  const jobId = launched.body.job_id as string;
  const job = await waitForJob(t, jobId, hasStatus('waiting_approval', 'failed'));
  if (job.status === 'failed') throw new Error(`launch failed: ${job.error}`);
  return { jobId, job };
}

/** Every outbox message of a sequence (the API's pages, followed to the end). */
export async function touchesOf(t: TestApp, sequenceId: string): Promise<OutboxBody[]> {
  const all: OutboxBody[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = await request(t.server)
      .get('/outbox')
      .query({ sequence_id: sequenceId, skip, limit: 100 })
      .expect(200);
    all.push(...(page.body.items as OutboxBody[]));
    if (all.length >= page.body.total) return all;
  }
}

/**
 * Drives a sequence's run job with a FakeClock: `until` moves the clock on in steps and, each
 * time the clock reaches the job's wake-up time, wakes it (the runner would find it within its
 * one-second poll) and waits until the run parked again after the clock's time, or ended.
 */
export class RunDriver {
  constructor(
    private app: TestApp,
    private readonly clock: FakeClock,
    readonly runJobId: string,
  ) {}

  /** The app the driver talks to (after a restart, the new one). */
  use(app: TestApp): void {
    this.app = app;
  }

  async job(): Promise<JobBody> {
    return (await request(this.app.server).get(`/jobs/${this.runJobId}`).expect(200)).body;
  }

  /** Runs what is due at the clock's time, until the run parks for later (or ends). */
  async settle(): Promise<JobBody> {
    const now = () => this.clock.now().getTime();
    await this.app.app.get(JobControl).wakeBy(this.runJobId, this.clock.now());
    return waitForJob(
      this.app,
      this.runJobId,
      (job) =>
        ['succeeded', 'failed', 'cancelled'].includes(job.status) ||
        (job.status === 'waiting' && Date.parse(job.wake_at as string) > now()),
      20_000,
    );
  }

  /**
   * Moves the clock to `end` in steps of `stepMs`, settling the run whenever it is due; `at`
   * is called after each step (to act at given times).
   */
  async until(
    end: string,
    stepMs = 3_600_000,
    at?: (now: Date) => Promise<void>,
  ): Promise<JobBody> {
    let job = await this.job();
    while (this.clock.now().getTime() < Date.parse(end)) {
      this.clock.advance(stepMs);
      if (at) await at(this.clock.now());
      job = await this.job();
      const due =
        job.status === 'waiting' && Date.parse(job.wake_at as string) <= this.clock.now().getTime();
      if (due || job.status === 'queued' || job.status === 'running') job = await this.settle();
      if (job.status === 'failed') throw new Error(`run failed: ${job.error}`);
    }
    return job;
  }
}
