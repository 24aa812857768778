import { JOB_FINISHED } from '../events/job-events.service';
import { contextSteps, withStep } from './job-progress.util';
import { nextMove } from './job-state.util';
import type { JobRecord, StepProgress } from '../job.types';
import { validateParams } from '../../agents/action-params.util';
import type { AgentRegistry } from '../../agents/agent-registry.service';
import type { ContextChanges } from '../../../context/context.types';
import type { ClaimBegin, JobWrite } from '../store/job-store';

/** What the runner asks the store to write (the job id and expectation it adds itself). */
export type RunnerWrite = Omit<JobWrite, 'jobId' | 'expect'>;

/** A context write that changes only the top-level keys it names (its status). */
export const NOTHING_ELSE: ContextChanges = { stateKeys: [], steps: [] };

/** What a job's successful end writes: job row, context status, and the closing event. */
export function succeededJobWrite(now: Date): RunnerWrite {
  return {
    // wakeAt: a wake asked for while the last step ran has nothing left to wake.
    set: {
      status: 'succeeded',
      finishedAt: now,
      leaseOwner: null,
      leaseExpiresAt: null,
      wakeAt: null,
    },
    context: { status: 'succeeded' },
    contextChanges: NOTHING_ELSE,
    events: [{ type: JOB_FINISHED, data: { status: 'succeeded' } }],
  };
}

/** The progress list with attempt `attempt` of step `index` running. */
export function startedProgress(
  progress: StepProgress[],
  index: number,
  attempt: number,
  now: Date,
): StepProgress[] {
  return withStep(progress, index, {
    status: 'running',
    attempts: attempt,
    startedAt: now.toISOString(),
    error: undefined,
  });
}

export function startedEvent(job: JobRecord, index: number, attempt: number, runner: string) {
  const step = job.steps[index];
  return {
    type: 'step_started',
    data: { step: index, agent: step.agent, action: step.action, attempt, runner },
  };
}

/** The start of an attempt of a step; the context says "running" from a run's first step on. */
export function stepStartWrite(input: {
  job: JobRecord;
  index: number;
  attempt: number;
  runner: string;
  now: Date;
  firstOfRun: boolean;
}): RunnerWrite {
  const { job, index, attempt } = input;
  return {
    set: { progress: startedProgress(job.progress, index, attempt, input.now) },
    context: input.firstOfRun ? { status: 'running' } : undefined,
    contextChanges: NOTHING_ELSE,
    events: [startedEvent(job, index, attempt, input.runner)],
  };
}

/**
 * What a claim of `job` writes at once: the start of the step its run begins with, when that step
 * can run now (its action is installed, its params validate; the runner fails it otherwise), with
 * the validated params. Nothing for a step that waits for approval or a job with nothing to run.
 */
export function runStart(input: {
  job: JobRecord;
  registry: Pick<AgentRegistry, 'findAction'>;
  runner: string;
  now: Date;
}): { index: number; params: object; write: ClaimBegin } | undefined {
  const { job } = input;
  const move = nextMove(job);
  if (move.kind !== 'run') return undefined;
  const step = job.steps[move.index];
  const action = input.registry.findAction(step.agent, step.action);
  const params = action && validateParams(action.paramsType, step.params);
  if (!params?.ok) return undefined;
  const attempt = job.progress[move.index].attempts + 1;
  const write = stepStartWrite({ ...input, index: move.index, attempt, firstOfRun: true });
  return { index: move.index, params: params.value, write };
}

/** What a step's action handed back, as the runner commits it. */
export interface StepOutcome {
  writes: Record<string, unknown>;
  summary?: string;
  wakeAt?: Date;
  /** Run this step again at `wakeAt` instead of moving on (a scheduler's tick). */
  repeat?: boolean;
}

/**
 * The one commit of a completed step: its outputs in the state, its checkpoint, the context,
 * its event — and the next step's start when it runs right away, the job's end after the last
 * step, or the job parked in `waiting` when the step asked to pause until `outcome.wakeAt` (and,
 * with `repeat`, to run again then). `nextStarted` is the step whose first attempt this commit
 * records. Wake-up times are compared with `wakeNow` (the injected clock; `now` when absent).
 */
export function stepSucceededWrite(input: {
  job: JobRecord;
  index: number;
  state: Record<string, unknown>;
  outcome: StepOutcome;
  runner: string;
  now: Date;
  wakeNow?: Date;
}): { write: RunnerWrite; nextStarted?: number } {
  const { job, index, state, outcome, now } = input;
  if (outcome.wakeAt && outcome.repeat) {
    return { write: repeatingWrite({ ...input, wakeAt: outcome.wakeAt }) };
  }
  if (outcome.wakeAt && outcome.wakeAt > (input.wakeNow ?? now)) {
    return { write: waitingWrite({ ...input, wakeAt: outcome.wakeAt }) };
  }
  const outputKeys = Object.keys(outcome.writes);
  let progress = withStep(job.progress, index, {
    status: 'succeeded',
    finishedAt: now.toISOString(),
    summary: outcome.summary,
    outputKeys,
    error: undefined,
  });
  const events: NonNullable<JobWrite['events']> = [
    {
      type: 'step_succeeded',
      data: { step: index, summary: outcome.summary, output_keys: outputKeys },
    },
  ];
  const next = nextMove({ steps: job.steps, progress, currentStep: index + 1 });
  if (next.kind === 'run') {
    const attempt = progress[next.index].attempts + 1;
    progress = startedProgress(progress, next.index, attempt, now);
    events.push(startedEvent(job, next.index, attempt, input.runner));
  }
  const end = next.kind === 'finish' ? succeededJobWrite(now) : undefined;
  const write: RunnerWrite = {
    set: { progress, currentStep: index + 1, ...end?.set },
    checkpoint: { stepIndex: index, state },
    context: { ...end?.context, state, steps: contextSteps({ steps: job.steps, progress }) },
    contextChanges: {
      stateKeys: outputKeys,
      steps: next.kind === 'run' ? [index, next.index] : [index],
    },
    events: [...events, ...(end?.events ?? [])],
  };
  return { write, nextStarted: next.kind === 'run' ? next.index : undefined };
}

/** The job parked in `waiting` until `wakeAt`, its lease released: the claim takes it again then. */
function parkedJobSet(wakeAt: Date) {
  return { status: 'waiting' as const, wakeAt, leaseOwner: null, leaseExpiresAt: null };
}

/**
 * A completed step that parks its job until `wakeAt`: the step's outputs and checkpoint as for
 * any step, the lease released, and the job `waiting` (the claim takes it again when it is due).
 */
function waitingWrite(input: {
  job: JobRecord;
  index: number;
  state: Record<string, unknown>;
  outcome: StepOutcome;
  wakeAt: Date;
  now: Date;
}): RunnerWrite {
  const { job, index, state, outcome, wakeAt, now } = input;
  const outputKeys = Object.keys(outcome.writes);
  const progress = withStep(job.progress, index, {
    status: 'succeeded',
    finishedAt: now.toISOString(),
    summary: outcome.summary,
    outputKeys,
    error: undefined,
  });
  const wakeAtIso = wakeAt.toISOString();
  return {
    set: { ...parkedJobSet(wakeAt), progress, currentStep: index + 1 },
    checkpoint: { stepIndex: index, state },
    context: {
      status: 'waiting',
      state,
      steps: contextSteps({ steps: job.steps, progress }),
    },
    contextChanges: { stateKeys: outputKeys, steps: [index] },
    events: [
      {
        type: 'step_succeeded',
        data: { step: index, summary: outcome.summary, output_keys: outputKeys },
      },
      { type: 'job_waiting', data: { wake_at: wakeAtIso } },
    ],
  };
}

/**
 * A run of a repeating step that parks its job until `wakeAt` to run the same step again: the
 * step stays current, `waiting`, its attempts counted afresh for the next run; its outputs (if
 * any) go into the state and a checkpoint, as for any step. Even a `wakeAt` already past parks
 * the job: the claim takes it again at once, and other jobs get their turn in between.
 */
function repeatingWrite(input: {
  job: JobRecord;
  index: number;
  state: Record<string, unknown>;
  outcome: StepOutcome;
  wakeAt: Date;
  now: Date;
}): RunnerWrite {
  const { job, index, state, outcome, wakeAt, now } = input;
  const outputKeys = Object.keys(outcome.writes);
  const progress = withStep(job.progress, index, {
    status: 'waiting',
    attempts: 0,
    finishedAt: now.toISOString(),
    summary: outcome.summary,
    outputKeys,
    error: undefined,
  });
  const wakeAtIso = wakeAt.toISOString();
  return {
    set: { ...parkedJobSet(wakeAt), progress },
    // A tick that wrote nothing leaves the state as the last checkpoint has it: none is added.
    checkpoint: outputKeys.length > 0 ? { stepIndex: index, state } : undefined,
    context: { status: 'waiting', state, steps: contextSteps({ steps: job.steps, progress }) },
    contextChanges: { stateKeys: outputKeys, steps: [index] },
    events: [
      {
        type: 'step_waiting',
        data: {
          step: index,
          summary: outcome.summary,
          output_keys: outputKeys,
          wake_at: wakeAtIso,
        },
      },
      { type: 'job_waiting', data: { wake_at: wakeAtIso } },
    ],
  };
}

/** A job stopping at a step that waits for approval, with what the step will do. */
export function parkedWrite(job: JobRecord, index: number, preview: Record<string, unknown>) {
  const progress = withStep(job.progress, index, { status: 'waiting_approval', preview });
  return {
    set: { status: 'waiting_approval', progress, leaseOwner: null, leaseExpiresAt: null },
    context: { status: 'waiting_approval', steps: contextSteps({ steps: job.steps, progress }) },
    events: [{ type: 'approval_needed', data: preview }],
  } satisfies RunnerWrite;
}

/** A job failing at a step: retries exhausted or an error retrying cannot fix. */
export function failedWrite(job: JobRecord, index: number, message: string, now: Date) {
  const progress = withStep(job.progress, index, {
    status: 'failed',
    error: message,
    finishedAt: now.toISOString(),
  });
  const step = job.steps[index];
  return {
    set: {
      status: 'failed',
      progress,
      error: `Step ${index} (${step.agent}.${step.action}) failed: ${message}`,
      finishedAt: now,
      leaseOwner: null,
      leaseExpiresAt: null,
      wakeAt: null,
    },
    context: { status: 'failed', steps: contextSteps({ steps: job.steps, progress }) },
    contextErrors: [errorEntry(job, index, progress[index].attempts, message, now)],
    events: [
      { type: 'step_failed', data: { step: index, error: message } },
      { type: JOB_FINISHED, data: { status: 'failed' } },
    ],
  } satisfies RunnerWrite;
}

/** An entry of the context's `errors` list. */
export function errorEntry(
  job: JobRecord,
  index: number,
  attempt: number,
  message: string,
  now: Date,
) {
  const step = job.steps[index];
  return {
    step: index,
    agent: step.agent,
    action: step.action,
    attempt,
    message,
    at: now.toISOString(),
  };
}
