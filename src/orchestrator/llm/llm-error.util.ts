import OpenAI from 'openai';
import {
  LlmCredentialsException,
  LlmRateLimitedException,
  LlmRequestRejectedException,
  LlmTimeoutException,
  LlmUnavailableException,
} from './llm.exceptions';

/** The ledger's name for how a failed call ended. */
export type LlmFailureKind =
  'rate_limited' | 'timeout' | 'unavailable' | 'credentials' | 'rejected' | 'error';

/**
 * Maps an error of the OpenAI SDK to our coded exception. Messages keep what helps the user (the
 * provider's own words on a 429 or a refused request) and never the request or its key.
 */
export function toLlmException(
  error: unknown,
  timeoutMs: number,
): { kind: LlmFailureKind; exception: Error } {
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return { kind: 'timeout', exception: new LlmTimeoutException(timeoutMs) };
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return {
      kind: 'unavailable',
      exception: new LlmUnavailableException('Could not connect to the LLM provider'),
    };
  }
  // Anything else is our own bug, not the provider's: it stays a 500.
  if (!(error instanceof OpenAI.APIError)) return { kind: 'error', exception: error as Error };
  const status = error.status ?? 0;
  const body = (error.error ?? {}) as {
    message?: unknown;
    type?: unknown;
    code?: unknown;
    param?: unknown;
  };
  const providerMessage = typeof body.message === 'string' ? body.message : error.message;
  if (status === 429) {
    const type = String(body.code ?? body.type ?? 'rate_limit_exceeded');
    const retryAfter = retryAfterSeconds(error.headers);
    return {
      kind: 'rate_limited',
      exception: new LlmRateLimitedException(providerMessage, type, retryAfter),
    };
  }
  if (status === 401 || status === 403) {
    return { kind: 'credentials', exception: new LlmCredentialsException() };
  }
  if (status >= 500) {
    return {
      kind: 'unavailable',
      exception: new LlmUnavailableException(`The LLM provider failed (HTTP ${status})`),
    };
  }
  return { kind: 'rejected', exception: rejected(status, providerMessage, body) };
}

/**
 * A refusal of the request itself. It counts as "JSON Schema outputs unsupported" only when it
 * is about response_format and not about our schema (OpenAI's "Invalid schema for
 * response_format" is our bug, which JSON mode would only hide).
 */
function rejected(
  status: number,
  providerMessage: string,
  body: { param?: unknown },
): LlmRequestRejectedException {
  const aboutFormat =
    body.param === 'response_format' || /response_format|json_schema/i.test(providerMessage);
  const aboutOurSchema = /invalid schema/i.test(providerMessage);
  return new LlmRequestRejectedException(
    `The LLM provider rejected the request (HTTP ${status}): ${providerMessage}`,
    aboutFormat && !aboutOurSchema,
  );
}

/** Seconds to wait from Retry-After (seconds or an HTTP date) or retry-after-ms, when given. */
export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return Math.ceil(ms / 1000);
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
