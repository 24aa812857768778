import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Clock } from '../../../common/time/clock';
import { AppConfig } from '../../../config/app-config';
import { validateParams } from '../../agents/action-params.util';
import { AgentRegistry } from '../../agents/agent-registry.service';
import { JobEventsService } from '../events/job-events.service';
import { approvalPreview, pickInputs, withStep } from './job-progress.util';
import {
  errorEntry,
  failedWrite,
  parkedWrite,
  runStart,
  RunnerWrite,
  stepStartWrite,
  StepOutcome,
  stepSucceededWrite,
  succeededJobWrite,
} from './job-writes.util';
import { nextMove } from './job-state.util';
import type { JobRecord } from '../job.types';
import { retryDelayMs, shouldRetry } from '../../agents/retry-policy.util';
import { attemptStep } from './step-attempt';
import { JobStore } from '../store/job-store';

/** How often an idle runner looks for work it was not woken for (other processes, expired leases). */
const POLL_MS = 1000;

type StepResult =
  | { kind: 'done'; job: JobRecord; state: Record<string, unknown> }
  | { kind: 'failed'; job: JobRecord; message: string }
  | { kind: 'stopped' };

/**
 * Runs queued jobs in this process, JOB_CONCURRENCY at a time. Each job is claimed with a lease
 * (renewed while it runs), steps run in order from the last checkpoint, and every step's outcome
 * is one transaction: job row, checkpoint, context and events.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly active = new Map<string, AbortController>();
  private readonly inflight = new Set<Promise<void>>();
  /** Per job this process runs: the step its current run started at. */
  private readonly firstStepOfRun = new Map<string, number>();
  /** `{jobId}:{stepIndex}` whose first attempt the previous step's commit already recorded. */
  private readonly startRecorded = new Set<string>();
  /** Per job: its run's first step and that step's params, validated at the claim. */
  private readonly firstParams = new Map<string, { index: number; params: object }>();
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  /** Set by wake(); the loop looks for work again instead of waiting when it was set meanwhile. */
  private wakeRequested = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly store: JobStore,
    private readonly registry: AgentRegistry,
    private readonly events: JobEventsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  /** Stops claiming, aborts running steps and waits for them: their jobs resume on the next start. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake();
    for (const controller of this.active.values()) controller.abort(new Error('shutting down'));
    await this.loop;
    await Promise.allSettled([...this.inflight]);
    // The next start (or another process) resumes them at once rather than after the lease.
    await this.store.releaseLeases(this.owner, new Date()).catch(() => 0);
  }

  /** Looks for work now (a job was created, approved or retried). */
  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /** Aborts the running step of a job this process runs (it was cancelled). */
  abort(jobId: string): void {
    this.active.get(jobId)?.abort(new Error('cancelled'));
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.wakeRequested = false;
      if (this.active.size < this.config.jobs.concurrency) {
        const job = await this.claimNext();
        if (job) {
          this.start(job);
          continue;
        }
      }
      // A job created while the claim was in flight (it commits with the claim's group, after
      // it) must not wait for the poll.
      if (this.wakeRequested) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        this.wakeUp = () => {
          clearTimeout(timer);
          this.wakeUp = undefined;
          resolve();
        };
      });
    }
  }

  private async claimNext(): Promise<JobRecord | undefined> {
    let began: ReturnType<typeof runStart>;
    try {
      const claimed = await this.store.claim({
        owner: this.owner,
        now: new Date(),
        // Wake-up times are the injected clock's (tests move it); leases stay on the machine's.
        wakeNow: this.clock.now(),
        leaseMs: this.config.jobs.leaseMs,
        // The first step's start commits with the claim: one transaction less per run.
        begin: (job) => {
          began = runStart({ job, registry: this.registry, runner: this.owner, now: new Date() });
          return began?.write;
        },
      });
      if (!claimed) return undefined;
      this.events.publish(claimed.events, claimed.precededBy);
      if (began) {
        this.startRecorded.add(`${claimed.job.id}:${began.index}`);
        this.firstParams.set(claimed.job.id, { index: began.index, params: began.params });
      }
      return claimed.job;
    } catch (error) {
      this.logger.error({ err: error }, 'Could not claim a job');
      return undefined;
    }
  }

  private start(job: JobRecord): void {
    const controller = new AbortController();
    this.active.set(job.id, controller);
    const run = this.execute(job, controller)
      .catch((error: unknown) => this.logger.error({ err: error, jobId: job.id }, 'Job run failed'))
      .finally(() => {
        this.active.delete(job.id);
        this.inflight.delete(run);
        this.wake();
      });
    this.inflight.add(run);
  }

  private async execute(claimed: JobRecord, controller: AbortController): Promise<void> {
    const renewal = setInterval(
      () => void this.renew(claimed.id, controller),
      this.config.jobs.leaseMs / 3,
    );
    renewal.unref();
    try {
      let job = claimed;
      this.firstStepOfRun.set(job.id, job.currentStep);
      let state = (await this.store.checkpoint(job.id))?.state ?? job.input;
      for (let move = nextMove(job); move.kind !== 'finish'; move = nextMove(job)) {
        if (move.kind === 'park') {
          await this.park(job, move.index, state);
          return;
        }
        const result = await this.runStep(job, move.index, state, controller.signal);
        if (result.kind === 'stopped') return;
        if (result.kind === 'failed') {
          await this.fail(result.job, move.index, result.message);
          return;
        }
        // No explicit yield: each step's commit waits for the next group commit (a setImmediate
        // in the SQLite store, real I/O elsewhere), so HTTP requests get in between steps.
        ({ job, state } = result);
        // Parked until its wake-up time (to run its next step, or this one again): the slot is
        // free, the claim takes the job up again.
        if (job.status === 'waiting') return;
      }
      // The last step's commit normally ended the job already; not when no step was left to run.
      if (job.status !== 'succeeded') await this.commit(job, succeededJobWrite(new Date()));
    } finally {
      clearInterval(renewal);
      this.firstStepOfRun.delete(claimed.id);
      this.firstParams.delete(claimed.id);
      for (const key of this.startRecorded) {
        if (key.startsWith(`${claimed.id}:`)) this.startRecorded.delete(key);
      }
    }
  }

  private async renew(jobId: string, controller: AbortController): Promise<void> {
    const until = new Date(Date.now() + this.config.jobs.leaseMs);
    const held = await this.store.renewLease(jobId, this.owner, until).catch(() => false);
    if (!held) controller.abort(new Error('lease lost'));
  }

  private async runStep(
    job: JobRecord,
    index: number,
    state: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<StepResult> {
    const step = job.steps[index];
    const action = this.registry.findAction(step.agent, step.action);
    if (!action)
      return { kind: 'failed', job, message: `${step.agent}.${step.action} is not installed` };
    // A run's first step had its params validated when it was claimed.
    const first = this.firstParams.get(job.id);
    if (first) this.firstParams.delete(job.id);
    const params =
      first?.index === index
        ? { ok: true as const, value: first.params }
        : validateParams(action.paramsType, step.params);
    if (!params.ok) return { kind: 'failed', job, message: 'its parameters no longer validate' };
    let current = job;
    // The previous step's commit may already have recorded this step's first attempt.
    const startRecorded = this.startRecorded.delete(`${job.id}:${index}`);
    const firstAttempt = job.progress[index].attempts + (startRecorded ? 0 : 1);
    for (let attempt = firstAttempt; ; attempt++) {
      if (!(startRecorded && attempt === firstAttempt)) {
        const started = await this.commit(
          current,
          stepStartWrite({
            job: current,
            index,
            attempt,
            runner: this.owner,
            now: new Date(),
            firstOfRun: index === this.firstStepOfRun.get(job.id),
          }),
        );
        if (!started) return { kind: 'stopped' };
        current = started;
      }
      const outcome = await attemptStep({
        action,
        params: params.value,
        context: {
          jobId: job.id,
          stepIndex: index,
          state: pickInputs(state, step.reads),
          idempotencyKey: `${job.id}:${index}`,
          approvedBy: job.progress[index].decidedBy,
        },
        allowedWrites: step.writes,
        jobSignal: signal,
        timeoutMs: action.timeoutMs ?? this.config.jobs.stepTimeoutMs,
      });
      if (signal.aborted) return { kind: 'stopped' };
      if (outcome.ok)
        return this.succeedStep(current, index, { ...state, ...outcome.writes }, outcome);
      if (!shouldRetry({ policy: action.retry, attempt, error: outcome.error })) {
        return { kind: 'failed', job: current, message: outcome.message };
      }
      const delayMs = retryDelayMs(action.retry, attempt);
      const noted = await this.commit(current, {
        set: { progress: withStep(current.progress, index, { error: outcome.message }) },
        contextErrors: [errorEntry(current, index, attempt, outcome.message, new Date())],
        events: [
          {
            type: 'step_retried',
            data: { step: index, attempt, error: outcome.message, delay_ms: delayMs },
          },
        ],
      });
      if (!noted) return { kind: 'stopped' };
      current = noted;
      await sleep(delayMs, undefined, { signal }).catch(() => undefined);
      if (signal.aborted) return { kind: 'stopped' };
    }
  }

  private async succeedStep(
    job: JobRecord,
    index: number,
    state: Record<string, unknown>,
    outcome: StepOutcome,
  ): Promise<StepResult> {
    const { write, nextStarted } = stepSucceededWrite({
      job,
      index,
      state,
      outcome,
      runner: this.owner,
      now: new Date(),
      wakeNow: this.clock.now(),
    });
    const done = await this.commit(job, write);
    if (done && nextStarted !== undefined) this.startRecorded.add(`${job.id}:${nextStarted}`);
    return done ? { kind: 'done', job: done, state } : { kind: 'stopped' };
  }

  private async park(job: JobRecord, index: number, state: Record<string, unknown>): Promise<void> {
    const step = job.steps[index];
    const description = this.registry.findAction(step.agent, step.action)?.description ?? '';
    await this.commit(
      job,
      parkedWrite(job, index, approvalPreview({ index, step, description, state })),
    );
  }

  private async fail(job: JobRecord, index: number, message: string): Promise<void> {
    await this.commit(job, failedWrite(job, index, message, new Date()));
  }

  /** A write while this runner still holds the job's lease; undefined when it does not. */
  private async commit(job: JobRecord, write: RunnerWrite): Promise<JobRecord | undefined> {
    const result = await this.store.write({
      ...write,
      jobId: job.id,
      base: job,
      expect: { statuses: ['running'], leaseOwner: this.owner },
    });
    if (!result) return undefined;
    this.events.publish(result.events, result.precededBy);
    return result.job;
  }
}
