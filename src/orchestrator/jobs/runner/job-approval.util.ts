import type { Approval, JobRecord, JobStatus } from '../job.types';

/** A human decision on a step that needs approval: what, on which step, by whom, when. */
export interface ApprovalDecision {
  step: number;
  decision: Approval;
  /** The API-key label of who decided (`anonymous` without API_KEYS). */
  by: string | null;
  /** ISO-8601. */
  at: string | null;
}

/**
 * The latest decision on a job's steps: that of the last step decided (steps are decided in plan
 * order, so a later step's decision is the later one); undefined when no step was decided.
 * Decisions stored before the approver was recorded have `by` and `at` null.
 */
export function latestDecision(job: Pick<JobRecord, 'progress'>): ApprovalDecision | undefined {
  for (let step = job.progress.length - 1; step >= 0; step--) {
    if (job.progress[step].approval) return decisionAt(job, step);
  }
  return undefined;
}

/** Statuses a job reaches only by going on after its latest decision (never by a cancel). */
const WENT_ON: readonly JobStatus[] = ['queued', 'running', 'waiting', 'succeeded'];

/**
 * The decision an approve or reject came too late for, to name in its 409: the decision on the
 * step the job stands at (rejected, or approved and not done yet), or, when the job went on past
 * it, the latest one. Undefined when something else stopped the job (a cancel, a failure of a
 * later step): the 409 then names only the job's status.
 */
export function conflictingDecision(
  job: Pick<JobRecord, 'progress' | 'currentStep' | 'status'>,
): ApprovalDecision | undefined {
  if (job.progress[job.currentStep]?.approval) return decisionAt(job, job.currentStep);
  return WENT_ON.includes(job.status) ? latestDecision(job) : undefined;
}

function decisionAt(job: Pick<JobRecord, 'progress'>, step: number): ApprovalDecision {
  const progress = job.progress[step];
  return {
    step,
    decision: progress.approval!,
    by: progress.decidedBy ?? null,
    at: progress.decidedAt ?? null,
  };
}

/** The end of a 409 message naming who decided first, e.g. `step 1 was approved by "ops" at …`. */
export function describeDecision(decision: ApprovalDecision): string {
  const by = decision.by ? ` by "${decision.by}"` : '';
  const at = decision.at ? ` at ${decision.at}` : '';
  return `step ${decision.step} was ${decision.decision}${by}${at}`;
}
