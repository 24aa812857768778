import { HttpStatus } from '@nestjs/common';
import { CodedHttpException } from '../../common/http/coded-http.exception';

/**
 * The provider refused for rate or quota (its 429). Planning answers it as a 200 body the client
 * handles itself (`toResponse`), as the original design asks; elsewhere it is a 429.
 */
export class LlmRateLimitedException extends CodedHttpException {
  constructor(
    readonly providerMessage: string,
    readonly errorType: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, 'llm_rate_limited', providerMessage);
  }

  toResponse(): { error: string; error_type: string; retry_after_seconds?: number } {
    const body: { error: string; error_type: string; retry_after_seconds?: number } = {
      error: this.providerMessage,
      error_type: this.errorType,
    };
    if (this.retryAfterSeconds !== undefined) body.retry_after_seconds = this.retryAfterSeconds;
    return body;
  }
}

export class LlmTimeoutException extends CodedHttpException {
  constructor(timeoutMs: number) {
    super(
      HttpStatus.GATEWAY_TIMEOUT,
      'llm_timeout',
      `The LLM did not answer within OPENAI_TIMEOUT_MS (${timeoutMs} ms)`,
    );
  }
}

/** The provider failed (5xx) or could not be reached. */
export class LlmUnavailableException extends CodedHttpException {
  constructor(message: string) {
    super(HttpStatus.BAD_GATEWAY, 'llm_unavailable', message);
  }
}

export class LlmCredentialsException extends CodedHttpException {
  constructor() {
    super(HttpStatus.BAD_GATEWAY, 'llm_credentials', 'LLM credentials rejected');
  }
}

/** The provider refused the request itself (400, 404, 422: unknown model, unsupported option, …). */
export class LlmRequestRejectedException extends CodedHttpException {
  constructor(
    message: string,
    /** The refusal is about `response_format`: the server does not support JSON Schema outputs. */
    readonly responseFormatUnsupported: boolean,
  ) {
    super(HttpStatus.BAD_GATEWAY, 'llm_rejected', message);
  }
}

export class TokenBudgetExceededException extends CodedHttpException {
  constructor(jobId: string, used: number, budget: number, reserved = 0) {
    const underWay = reserved > 0 ? `, and its calls under way may use ${reserved} more,` : '';
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'token_budget_exceeded',
      `Job "${jobId}" has used ${used} LLM tokens${underWay} of its JOB_TOKEN_BUDGET of ${budget}; no further LLM calls are made for it`,
    );
  }
}
