/** Where one client stands against one named limit, after counting the current request. */
export interface RateLimitState {
  /** The throttler's name: `default` (RATE_LIMIT) or `command` (COMMAND_RATE_LIMIT). */
  policy: string;
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
  /** Requests left in the current window. */
  remaining: number;
  /** Seconds until the current window ends. */
  resetSeconds: number;
}

/**
 * The `RateLimit-Policy` and `RateLimit` fields of the IETF httpapi rate-limit headers draft
 * (structured-field lists): `"command";q=5;w=60` and `"command";r=0;t=42`.
 */
export function rateLimitHeaders(states: readonly RateLimitState[]): {
  'RateLimit-Policy': string;
  RateLimit: string;
} {
  return {
    'RateLimit-Policy': states
      .map((state) => `"${state.policy}";q=${state.limit};w=${state.windowSeconds}`)
      .join(', '),
    RateLimit: states
      .map((state) => `"${state.policy}";r=${state.remaining};t=${state.resetSeconds}`)
      .join(', '),
  };
}
