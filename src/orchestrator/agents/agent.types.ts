import type { Type } from '@nestjs/common';
import type { RetryPolicy } from './retry-policy.util';

/** What `@Agent()` declares about a provider. */
export interface AgentOptions {
  /** Lower-case identifier used in plans, e.g. `prospects`. */
  name: string;
  description: string;
}

/** What `@Action()` declares about a method of an agent. */
export interface ActionOptions<P extends object = object> {
  /** Lower-case identifier, unique within its agent, e.g. `search`. */
  name: string;
  description: string;
  /** class-validator class of the parameters: validation, JSON Schema and TypeScript type at once. */
  params: Type<P>;
  /** State keys the action needs; a plan must provide each before the step. */
  reads?: string[];
  /** State keys the action uses when present. */
  optionalReads?: string[];
  /**
   * Inputs the action cannot do without, each of which may come from more than one place: plan
   * validation refuses a step that has none of a need's sources (`missing_input`).
   */
  needs?: ActionNeed[];
  /** State keys the action writes, fixed or derived from the step's parameters. */
  writes?: string[] | ((params: P) => string[]);
  /** The action changes the outside world (sends, writes elsewhere): it must honour the idempotency key. */
  sideEffect?: boolean;
  /** A human approves the step before it runs. */
  requiresApproval?: boolean;
  /** Retries on failure; defaults to DEFAULT_RETRY_POLICY (3 attempts, exponential backoff). */
  retry?: Partial<RetryPolicy>;
  /** Time limit of one attempt; defaults to JOB_STEP_TIMEOUT_SECONDS. */
  timeoutMs?: number;
}

/**
 * Where an input may come from: `params.<name>`, a parameter of the step, given and not empty;
 * or `state.<key>`, a state key the context gives or an earlier step writes (the key must be
 * one of the action's reads or optionalReads).
 */
export type InputSource = `params.${string}` | `state.${string}`;

/** One input an action needs, from any one of its sources. */
export interface ActionNeed {
  anyOf: InputSource[];
  /** What the input is, for the refusal: "an ideal customer profile". */
  what: string;
}

/**
 * Implemented by an agent whose actions depend on outside configuration (SMTP, a Google
 * service account): an action with a reason is listed as unavailable by `GET /agents`, and plan
 * validation refuses a plan that uses it with that reason.
 */
export interface AgentAvailability {
  /** Why `action` can't run in this process (e.g. "SMTP is not configured: set SMTP_URL"), or undefined. */
  unavailableReason(action: string): string | undefined;
}

/** What a running step hands to its action. */
export interface ActionContext {
  jobId: string;
  stepIndex: number;
  /** The job state, limited to the keys the action declares it reads. */
  state: Readonly<Record<string, unknown>>;
  /** `{jobId}:{stepIndex}`: actions with side effects use it so a re-run repeats nothing. */
  idempotencyKey: string;
  /** Aborted when the job is cancelled or the step times out. */
  signal: AbortSignal;
  /** For a step that needed approval: who approved it (an API-key label, or `anonymous`). */
  approvedBy?: string;
}

/** What an action returns: the state keys it writes, and a line for humans. */
export interface ActionResult {
  writes?: Record<string, unknown>;
  summary?: string;
  /**
   * The step is done, but the job parks in `waiting` until this time before its next step: it
   * holds no runner slot meanwhile and survives restarts (core.wait). Compared with the injected
   * Clock.
   */
  wakeAt?: Date;
  /**
   * With `wakeAt`: the step is not done; the job parks in `waiting` until `wakeAt` (or until it is
   * woken earlier, see JobControl.wakeBy) and then runs this same step again, with a fresh count
   * of attempts (a scheduler's tick: sequences.run). Its writes and summary are kept each time.
   */
  repeat?: boolean;
}

export type ActionHandler<P> = (params: P, context: ActionContext) => Promise<ActionResult>;
