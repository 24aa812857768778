import { applyMergePatch } from '../../../context/utils/json-merge-patch.util';
import { validateParams } from '../../agents/action-params.util';
import {
  ActionCatalog,
  PlanIssue,
  ValidatedStep,
  validatePlan,
} from '../../agents/plan-validation.util';
import type { JobRecord } from '../job.types';

/** What a client may change when it retries a failed job (`POST /jobs/{id}/retry`). */
export interface RetryChanges {
  /** A JSON merge patch (RFC 7386) on the state the failed step resumes from. */
  context?: Record<string, unknown>;
  /** The failed step's parameters, replacing the planned ones. */
  params?: Record<string, unknown>;
}

export type RetryPlan =
  | {
      ok: true;
      /** The patched state, when the retry patches it. */
      state?: Record<string, unknown>;
      /** The job's steps: those done as they were, the rest validated again. */
      steps: ValidatedStep[];
      /** The failed step waits for a human again: what was approved has changed. */
      approvalAgain: boolean;
    }
  | { ok: false; problem: 'params' | 'plan'; issues: PlanIssue[] };

/** Whether a retry changes anything; one that does not resumes the job exactly as it was. */
export function hasRetryChanges(changes: RetryChanges | undefined): boolean {
  return changes?.params !== undefined || Object.keys(changes?.context ?? {}).length > 0;
}

/**
 * How a failed job resumes with a client's changes: its state patched, the failed step's params
 * replaced, and the plan from the failed step on validated again like a new plan over the
 * patched state (params, data flow, needs; reads recomputed, so a key the patch adds is handed
 * to the steps that use it). `problem` says what was wrong: the edited params themselves (checked
 * first), or the plan they and the patched state make. Pure.
 */
export function planRetry(input: {
  job: Pick<JobRecord, 'objective' | 'steps' | 'currentStep'>;
  /** The state the failed step would resume from: the latest checkpoint's, or the job input. */
  state: Record<string, unknown>;
  changes: RetryChanges;
  catalog: ActionCatalog;
}): RetryPlan {
  const { job, changes } = input;
  const index = job.currentStep;
  const failed = job.steps[index];
  if (changes.params !== undefined) {
    const action = input.catalog.findAction(failed.agent, failed.action);
    const checked = action && validateParams(action.paramsType, changes.params);
    if (checked && !checked.ok) return { ok: false, problem: 'params', issues: checked.issues };
  }
  const patches = Object.keys(changes.context ?? {}).length > 0;
  const state = patches
    ? (applyMergePatch(input.state, changes.context) as Record<string, unknown>)
    : input.state;
  const rest = job.steps.slice(index).map((step, i) => ({
    agent: step.agent,
    action: step.action,
    params: i === 0 && changes.params !== undefined ? changes.params : step.params,
  }));
  const result = validatePlan({
    plan: { objective: job.objective, steps: rest },
    catalog: input.catalog,
    initialKeys: Object.keys(state),
    firstStep: index,
  });
  if (!result.ok) return { ok: false, problem: 'plan', issues: result.issues };
  return {
    ok: true,
    ...(patches ? { state } : {}),
    steps: [...job.steps.slice(0, index), ...result.plan.steps],
    approvalAgain: failed.requiresApproval,
  };
}
