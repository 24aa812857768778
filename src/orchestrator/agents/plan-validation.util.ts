import type { Plan } from '../planning/plan.types';
import { isPlainObject } from '../../context/utils/json-merge-patch.util';
import { validateParams } from './action-params.util';
import { unmetNeedMessage, unmetNeeds } from './action-needs.util';
import type { InputSource } from './agent.types';
import type { RegisteredAction, RegisteredAgent } from './agent-registry.service';

/** The most steps one plan may have. */
export const MAX_PLAN_STEPS = 50;
export const MAX_OBJECTIVE_LENGTH = 500;

/** One reason a plan cannot run, at the place it was found (`steps[2].params.limit`). */
export interface PlanIssue {
  path: string;
  message: string;
  /**
   * Set when the step lacks an input it needs (the action's `needs`): its sources, any one of
   * which would do (`params.icp`, `state.icp`). The fix is then data, not another plan.
   */
  missing?: InputSource[];
}

/** Whether every issue is a missing input: the plan would run once the inputs are given. */
export function onlyMissingInputs(issues: readonly PlanIssue[]): boolean {
  return issues.length > 0 && issues.every((issue) => issue.missing !== undefined);
}

/** A step that passed validation, with what it reads and writes spelled out. */
export interface ValidatedStep {
  agent: string;
  action: string;
  params: Record<string, unknown>;
  reads: string[];
  writes: string[];
  sideEffect: boolean;
  requiresApproval: boolean;
}

export interface ValidatedPlan {
  objective: string;
  steps: ValidatedStep[];
}

export type PlanValidation = { ok: true; plan: ValidatedPlan } | { ok: false; issues: PlanIssue[] };

/** What validation needs of the registry. */
export interface ActionCatalog {
  list(): RegisteredAgent[];
  findAgent(name: string): RegisteredAgent | undefined;
  findAction(agent: string, action: string): RegisteredAction | undefined;
}

/**
 * Checks a plan against the agents that exist: every step names a real agent and action, its
 * parameters pass the action's schema, every key it reads is in the initial state (the
 * command's context) or written by an earlier step, and every input it needs is in its params
 * or that state. Pure: the same input gives the same answer. `firstStep` numbers the steps from
 * there in the issues' paths (a retry validates the rest of a job's plan).
 */
export function validatePlan(input: {
  plan: unknown;
  catalog: ActionCatalog;
  initialKeys: string[];
  firstStep?: number;
}): PlanValidation {
  const issues: PlanIssue[] = [];
  const plan = (isPlainObject(input.plan) ? input.plan : {}) as Partial<
    Record<keyof Plan, unknown>
  >;
  if (!isPlainObject(input.plan))
    issues.push({ path: '', message: 'a plan must be a JSON object' });
  const objective = typeof plan.objective === 'string' ? plan.objective.trim() : '';
  if (objective.length === 0 || objective.length > MAX_OBJECTIVE_LENGTH) {
    issues.push({
      path: 'objective',
      message: `must be a non-empty string of at most ${MAX_OBJECTIVE_LENGTH} characters`,
    });
  }
  const rawSteps = Array.isArray(plan.steps) ? (plan.steps as unknown[]) : [];
  if (rawSteps.length === 0 || rawSteps.length > MAX_PLAN_STEPS) {
    issues.push({ path: 'steps', message: `must be an array of 1 to ${MAX_PLAN_STEPS} steps` });
  }
  const available = new Set(input.initialKeys);
  const steps: ValidatedStep[] = [];
  rawSteps.slice(0, MAX_PLAN_STEPS).forEach((raw, index) => {
    const path = `steps[${index + (input.firstStep ?? 0)}]`;
    const step = validateStep({ raw, path, catalog: input.catalog, available });
    if ('issues' in step) issues.push(...step.issues);
    else steps.push(step);
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, plan: { objective, steps } };
}

type StepCheck = ValidatedStep | { issues: PlanIssue[] };

/**
 * Checks one step and adds what it writes to `available`. A step that fails still counts as
 * writing its declared keys, so later steps are not blamed for its mistake.
 */
function validateStep(input: {
  raw: unknown;
  path: string;
  catalog: ActionCatalog;
  available: Set<string>;
}): StepCheck {
  const { raw, path, available } = input;
  if (!isPlainObject(raw)) return { issues: [{ path, message: 'a step must be a JSON object' }] };
  const resolved = resolveAction(raw, path, input.catalog);
  if ('issues' in resolved) return resolved;
  const action = resolved;
  const label = `${action.agent}.${action.name}`;
  const missing = action.reads.filter((key) => !available.has(key));
  const issues: PlanIssue[] = missing.map((key) => ({
    path,
    message: `${label} reads "${key}", which no earlier step writes and the context does not give`,
  }));
  for (const need of unmetNeeds({ needs: action.needs, params: raw.params, available })) {
    issues.push({ path, message: unmetNeedMessage(label, need), missing: need.anyOf });
  }
  const reads = [...action.reads, ...action.optionalReads.filter((key) => available.has(key))];
  const params = validateParams(action.paramsType, raw.params);
  if (!params.ok) {
    issues.push(...params.issues.map((issue) => ({ ...issue, path: `${path}.${issue.path}` })));
  }
  const writes = params.ok ? action.writesFor(params.value) : action.declaredWrites;
  writes.filter((key) => key !== '*').forEach((key) => available.add(key));
  if (!params.ok || issues.length > 0) return { issues };
  return {
    agent: action.agent,
    action: action.name,
    params: JSON.parse(JSON.stringify(params.value)) as Record<string, unknown>,
    reads,
    writes,
    sideEffect: action.sideEffect,
    requiresApproval: action.requiresApproval,
  };
}

function resolveAction(
  step: Record<string, unknown>,
  path: string,
  catalog: ActionCatalog,
): RegisteredAction | { issues: PlanIssue[] } {
  const { agent, action } = step;
  const agentEntry = typeof agent === 'string' ? catalog.findAgent(agent) : undefined;
  if (!agentEntry) {
    const known = catalog.list().map((entry) => entry.name);
    const message = `unknown agent ${JSON.stringify(agent)}; known agents: ${known.join(', ') || 'none'}`;
    return { issues: [{ path: `${path}.agent`, message }] };
  }
  const actionEntry =
    typeof action === 'string' ? catalog.findAction(agentEntry.name, action) : undefined;
  if (!actionEntry) {
    const known = agentEntry.actions.map((entry) => entry.name).join(', ');
    const message = `agent "${agentEntry.name}" has no action ${JSON.stringify(action)}; its actions: ${known}`;
    return { issues: [{ path: `${path}.action`, message }] };
  }
  const unavailable = actionEntry.unavailableReason();
  if (unavailable) {
    const message = `${agentEntry.name}.${actionEntry.name} is unavailable: ${unavailable}`;
    return { issues: [{ path: `${path}.action`, message }] };
  }
  return actionEntry;
}
