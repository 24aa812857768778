import type { JobRecord, JobStatus } from '../job.types';
import { TERMINAL_STATUSES } from '../job.types';

/** What a human or client may do to a job. */
export type JobCommand = 'cancel' | 'retry' | 'approve' | 'reject';

/** The statuses each command applies to; anything else is a 409. */
export const COMMAND_FROM: Record<JobCommand, readonly JobStatus[]> = {
  cancel: ['queued', 'running', 'waiting_approval', 'waiting'],
  retry: ['failed'],
  approve: ['waiting_approval'],
  reject: ['waiting_approval'],
};

export function canApply(command: JobCommand, status: JobStatus): boolean {
  return COMMAND_FROM[command].includes(status);
}

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** What the runner does next with a job it holds. */
export type NextMove =
  { kind: 'run'; index: number } | { kind: 'park'; index: number } | { kind: 'finish' };

/** The next step runs, or waits for approval first, or the job is done. */
export function nextMove(job: Pick<JobRecord, 'steps' | 'progress' | 'currentStep'>): NextMove {
  const index = job.currentStep;
  if (index >= job.steps.length) return { kind: 'finish' };
  const needsApproval =
    job.steps[index].requiresApproval && job.progress[index].approval !== 'approved';
  return needsApproval ? { kind: 'park', index } : { kind: 'run', index };
}

/**
 * When a job a write parks in `waiting` wakes: at the time its step asked for, or earlier when a
 * wake-up for an earlier time was asked for while the step ran (JobControl.wakeBy on a running
 * job leaves it pending in `wake_at`), so a wake-up never falls between a step's reads and its
 * park.
 */
export function earliestWake(asked: Date, pending: Date | null | undefined): Date {
  return pending && pending < asked ? pending : asked;
}
