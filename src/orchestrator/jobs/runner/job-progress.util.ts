import type { ValidatedStep } from '../../agents/plan-validation.util';
import type { JobRecord, StepProgress } from '../job.types';

const PREVIEW_ITEMS = 3;

/** A copy of the progress list with one step's entry changed. */
export function withStep(
  progress: StepProgress[],
  index: number,
  change: Partial<StepProgress>,
): StepProgress[] {
  return progress.map((entry, i) => (i === index ? { ...entry, ...change } : entry));
}

/** The per-step results a job's context shows (`steps`). */
export function contextSteps(
  job: Pick<JobRecord, 'steps' | 'progress'>,
): Record<string, unknown>[] {
  return job.steps.map((step, index) => ({
    index,
    agent: step.agent,
    action: step.action,
    status: job.progress[index].status,
    attempts: job.progress[index].attempts,
    summary: job.progress[index].summary,
    output_keys: job.progress[index].outputKeys,
    error: job.progress[index].error,
    started_at: job.progress[index].startedAt,
    finished_at: job.progress[index].finishedAt,
    approval: job.progress[index].approval,
    decided_by: job.progress[index].decidedBy,
    decided_at: job.progress[index].decidedAt,
  }));
}

/**
 * What a human sees before approving a step: the action, its parameters, and a short look at
 * each input it will read (a list shows its size and first items).
 */
export function approvalPreview(input: {
  index: number;
  step: ValidatedStep;
  description: string;
  state: Record<string, unknown>;
}): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const key of input.step.reads) {
    const value = input.state[key];
    inputs[key] = Array.isArray(value)
      ? { count: value.length, first: value.slice(0, PREVIEW_ITEMS) }
      : value;
  }
  return {
    step: input.index,
    agent: input.step.agent,
    action: input.step.action,
    description: input.description,
    params: input.step.params,
    inputs,
  };
}

/** The state keys a step may read: those it declared. */
export function pickInputs(
  state: Record<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const key of keys) if (key in state) inputs[key] = state[key];
  return inputs;
}
