const WINDOW_MS = 60_000;

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

/** A reservation of tokens; `settle` replaces the estimate with what the call really used. */
export interface LlmReservation {
  settle(actualTokens: number): void;
}

/**
 * The one client-side limiter in front of the LLM provider: requests and tokens per minute for the
 * whole process, first come first served, and a shared pause when the provider answers 429 with
 * Retry-After. Calls over the limit wait their turn instead of failing.
 */
export class LlmRateLimiter {
  private calls: AdmittedCall[] = [];
  private pausedUntil = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly limits: {
      requestsPerMinute: number;
      tokensPerMinute: number;
      /** Longest a call may wait for its slot before it is refused with LimiterBusyError. */
      maxWaitMs: number;
    },
    private readonly clock: LimiterClock = SYSTEM_CLOCK,
  ) {}

  acquire(estimatedTokens: number): Promise<LlmReservation> {
    const turn = this.queue.then(() => this.admit(estimatedTokens));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Holds every call back for `ms`, e.g. a provider's Retry-After. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  private async admit(tokens: number): Promise<LlmReservation> {
    for (;;) {
      const now = this.clock.now();
      this.calls = this.calls.filter((call) => call.at > now - WINDOW_MS);
      const delay = admissionDelay({
        now,
        calls: this.calls,
        tokens,
        pausedUntil: this.pausedUntil,
        requestsPerMinute: this.limits.requestsPerMinute,
        tokensPerMinute: this.limits.tokensPerMinute,
      });
      if (delay > this.limits.maxWaitMs) throw new LimiterBusyError(delay);
      if (delay <= 0) {
        const call: AdmittedCall = { at: now, tokens };
        this.calls.push(call);
        return { settle: (actual) => void (call.tokens = actual) };
      }
      await this.clock.sleep(delay);
    }
  }
}
