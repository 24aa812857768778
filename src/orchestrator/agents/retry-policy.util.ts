/** When and how often a failed step is tried again. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  factor: number;
  /** ± share of the delay added at random, so retries of many jobs spread out. */
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
  jitter: 0.2,
};

/**
 * An error an action throws to say what kind of failure it is. Plain errors (a network hiccup,
 * a timeout) are retried; an ActionError is retried only when it says so.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof ActionError ? error.retryable : true;
}

/** Whether attempt number `attempt` (1-based) that failed with `error` is tried again. */
export function shouldRetry(input: {
  policy: RetryPolicy;
  attempt: number;
  error: unknown;
}): boolean {
  return input.attempt < input.policy.maxAttempts && isRetryable(input.error);
}

/** Exponential backoff with jitter before attempt `attempt + 1`. */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** (attempt - 1));
  const spread = base * policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(base + spread));
}
