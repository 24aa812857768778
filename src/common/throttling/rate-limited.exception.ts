import { HttpStatus } from '@nestjs/common';
import { CodedHttpException } from '../http/coded-http.exception';
import type { RateLimitState } from './rate-limit-headers.util';

/** Which limit a client ran into, its size and window, and when to try again. */
export class RateLimitedException extends CodedHttpException {
  constructor(state: RateLimitState) {
    const which = state.policy === 'default' ? 'The request limit' : `The ${state.policy} limit`;
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate_limited',
      `${which} of ${state.limit} per ${state.windowSeconds} s per client is used up; retry in ${state.resetSeconds} s`,
      undefined,
      {
        policy: state.policy,
        limit: state.limit,
        window_seconds: state.windowSeconds,
        retry_after_seconds: state.resetSeconds,
      },
    );
  }
}
