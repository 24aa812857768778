import { ApiProperty } from '@nestjs/swagger';

/** The limits a request counts against: RATE_LIMIT on every route, COMMAND_RATE_LIMIT on POST /command. */
export const RATE_LIMIT_POLICIES = ['default', 'command'] as const;
export type RateLimitPolicy = (typeof RATE_LIMIT_POLICIES)[number];

/**
 * A request over a rate limit (429). The `Retry-After`, `RateLimit-Policy` and `RateLimit` headers
 * (IETF httpapi rate-limit headers draft) say the same as the body.
 */
export class RateLimitedResponseDto {
  /** @example 429 */
  @ApiProperty({ type: 'integer', enum: [429] })
  statusCode: number;

  @ApiProperty({ enum: ['rate_limited'] })
  error: 'rate_limited';

  /** @example "The request limit of 600 per 60 s per client is used up; retry in 42 s" */
  message: string;

  /** The request id, also in the X-Request-Id response header. @example 6f1c0a3e-6a47-4d4b-9f36-1f0f5c7a2b10 */
  request_id: string;

  /** Requests a client may make per window under this policy. @example 600 */
  @ApiProperty({ type: 'integer' })
  limit: number;

  /** The window's length. @example 60 */
  @ApiProperty({ type: 'integer' })
  window_seconds: number;

  /** Seconds until the window resets, as in Retry-After. @example 42 */
  @ApiProperty({ type: 'integer' })
  retry_after_seconds: number;

  /** The limit hit: `default` (RATE_LIMIT, every route) or `command` (COMMAND_RATE_LIMIT, POST /command). */
  @ApiProperty({ enum: RATE_LIMIT_POLICIES, example: 'default' })
  policy: RateLimitPolicy;
}
