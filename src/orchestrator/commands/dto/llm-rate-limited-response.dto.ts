/** The LLM provider's rate limit or quota refusal, answered with 200 for the client to handle. */
export class LlmRateLimitedResponseDto {
  /** The provider's own message. @example "You exceeded your current quota, please check your plan and billing details." */
  error: string;
  /** @example insufficient_quota */
  error_type: string;
  /** When the provider said how long to wait. @example 20 */
  retry_after_seconds?: number;
}
