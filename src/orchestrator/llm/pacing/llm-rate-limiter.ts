/** The window LLM_RPM and LLM_TPM count in. */
export const WINDOW_MS = 60_000;

/** One admitted call in the last minute: when, and how many tokens it counts for. */
export interface AdmittedCall {
  at: number;
  tokens: number;
}

/**
 * How long a call estimated at `tokens` must wait before it fits the per-minute limits (0 = now).
 * A call larger than the whole token allowance goes alone, once the window is empty.
 */
export function admissionDelay(input: {
  now: number;
  calls: AdmittedCall[];
  tokens: number;
  requestsPerMinute: number;
  tokensPerMinute: number;
  pausedUntil: number;
}): number {
  const { now, calls, tokens, requestsPerMinute, tokensPerMinute } = input;
  const recent = calls.filter((call) => call.at > now - WINDOW_MS);
  let delay = Math.max(0, input.pausedUntil - now);
  if (requestsPerMinute > 0 && recent.length >= requestsPerMinute) {
    const oldestThatMustExpire = recent[recent.length - requestsPerMinute];
    delay = Math.max(delay, oldestThatMustExpire.at + WINDOW_MS - now);
  }
  if (tokensPerMinute > 0) {
    const allowance = Math.max(0, tokensPerMinute - Math.min(tokens, tokensPerMinute));
    let used = recent.reduce((sum, call) => sum + call.tokens, 0);
    for (const call of recent) {
      if (used <= allowance) break;
      used -= call.tokens;
      delay = Math.max(delay, call.at + WINDOW_MS - now);
    }
  }
  return delay;
}

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The wait for a slot would be longer than the limiter allows: the caller should come back later. */
export class LimiterBusyError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`LLM calls are paced; a slot frees up in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

/** A job's LLM tokens reached its budget: those in the ledger plus the estimates of its calls under way. */
export class BudgetUsedUpError extends Error {
  constructor(
    /** Tokens the ledger holds for the job. */
    readonly used: number,
    /** Estimated tokens of the job's calls admitted and not yet settled. */
    readonly reserved: number,
  ) {
    super(`The job's token budget is used up (${used} used, ${reserved} reserved)`);
  }
}

/** The job an LLM call is for, and its budget (JOB_TOKEN_BUDGET; 0 = none). */
export interface JobBudget {
  jobId: string;
  budget: number;
}

/**
 * An admitted call. `settle` gives what it really used, once the ledger has it: the pacing then
 * counts that instead of the estimate, and the job's budget stops counting the estimate.
 */
export interface LlmReservation {
  settle(actualTokens: number): Promise<void>;
}

/** What one look at the limits found: a slot, a wait, or a job over its budget. */
export type Admission =
  | { kind: 'admitted'; reservation: LlmReservation }
  | { kind: 'wait'; ms: number }
  | { kind: 'over_budget'; used: number; reserved: number };

/** Whether a job may start another call: its used and reserved tokens are under the budget. */
export function isWithinBudget(input: { used: number; reserved: number; budget: number }): boolean {
  return input.budget <= 0 || input.used + input.reserved < input.budget;
}

export interface LimiterLimits {
  requestsPerMinute: number;
  tokensPerMinute: number;
  /** Longest a call may wait for its slot before it is refused with LimiterBusyError. */
  maxWaitMs: number;
}

/**
 * The one client-side limiter in front of the LLM provider: requests and tokens per minute,
 * first come first served, a shared pause when the provider answers 429 with Retry-After, and
 * the job's token budget. Calls over the limit wait their turn instead of failing. Where the
 * admitted calls are counted depends on the engine: in this process (SQLite, one process) or in
 * the database all replicas share (Postgres).
 */
export abstract class LlmRateLimiter {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    protected readonly limits: LimiterLimits,
    protected readonly clock: LimiterClock = SYSTEM_CLOCK,
  ) {}

  /**
   * A slot for a call estimated at `estimatedTokens`, once it fits the limits; this process's
   * calls take their turns in order. Rejects with LimiterBusyError when the wait would pass
   * `maxWaitMs`, and with BudgetUsedUpError when the job has no budget left.
   */
  acquire(estimatedTokens: number, job?: JobBudget): Promise<LlmReservation> {
    const turn = this.queue.then(() => this.admit(estimatedTokens, job));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Holds every call back for `ms`, e.g. a provider's Retry-After. */
  abstract pauseFor(ms: number): Promise<void>;

  /** Admits the call now if the limits allow, else says how long until they might. */
  protected abstract tryAdmit(tokens: number, job: JobBudget | undefined): Promise<Admission>;

  private async admit(tokens: number, job: JobBudget | undefined): Promise<LlmReservation> {
    const deadline = this.clock.now() + this.limits.maxWaitMs;
    for (;;) {
      const admission = await this.tryAdmit(tokens, job);
      if (admission.kind === 'admitted') return admission.reservation;
      if (admission.kind === 'over_budget') {
        throw new BudgetUsedUpError(admission.used, admission.reserved);
      }
      if (this.clock.now() + admission.ms > deadline) throw new LimiterBusyError(admission.ms);
      await this.clock.sleep(admission.ms);
    }
  }
}
