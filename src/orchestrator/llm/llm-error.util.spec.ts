import OpenAI from 'openai';
import { toLlmException } from './llm-error.util';
import {
  LlmCredentialsException,
  LlmRateLimitedException,
  LlmRequestRejectedException,
  LlmTimeoutException,
  LlmUnavailableException,
} from './llm.exceptions';

const apiError = (status: number, body: object, headers: Record<string, string> = {}) =>
  OpenAI.APIError.generate(status, { error: body }, undefined, new Headers(headers));

describe('toLlmException', () => {
  it('keeps the provider message, type and Retry-After of a 429', () => {
    const { kind, exception } = toLlmException(
      apiError(
        429,
        {
          message: 'You exceeded your current quota',
          type: 'insufficient_quota',
          code: 'insufficient_quota',
        },
        { 'retry-after': '20' },
      ),
      1000,
    );
    expect(kind).toBe('rate_limited');
    expect((exception as LlmRateLimitedException).toResponse()).toEqual({
      error: 'You exceeded your current quota',
      error_type: 'insufficient_quota',
      retry_after_seconds: 20,
    });
  });

  it.each([
    [401, LlmCredentialsException, 'credentials'],
    [403, LlmCredentialsException, 'credentials'],
    [500, LlmUnavailableException, 'unavailable'],
    [503, LlmUnavailableException, 'unavailable'],
    [400, LlmRequestRejectedException, 'rejected'],
  ])('maps HTTP %i to %p', (status, type, kind) => {
    const result = toLlmException(
      apiError(status, { message: 'Incorrect API key provided: sk-abc***' }),
      1000,
    );
    expect(result.kind).toBe(kind);
    expect(result.exception).toBeInstanceOf(type);
  });

  it('never repeats the provider words of a credentials error', () => {
    const { exception } = toLlmException(
      apiError(401, { message: 'Incorrect API key provided: sk-abc***xyz' }),
      1000,
    );
    expect(exception.message).toBe('LLM credentials rejected');
  });

  it('recognises a refusal of response_format', () => {
    const { exception } = toLlmException(
      apiError(400, {
        message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported",
        param: 'response_format',
      }),
      1000,
    );
    expect((exception as LlmRequestRejectedException).responseFormatUnsupported).toBe(true);
  });

  it('does not take a refusal of our own schema for missing JSON Schema support', () => {
    const { exception } = toLlmException(
      apiError(400, {
        message:
          "Invalid schema for response_format 'action_plan': In context=(), 'required' is required",
        param: 'response_format',
      }),
      1000,
    );
    expect((exception as LlmRequestRejectedException).responseFormatUnsupported).toBe(false);
  });

  it('maps timeouts and connection failures', () => {
    expect(toLlmException(new OpenAI.APIConnectionTimeoutError(), 1500).exception).toEqual(
      new LlmTimeoutException(1500),
    );
    expect(
      toLlmException(new OpenAI.APIConnectionError({ message: 'ECONNREFUSED' }), 1500).exception,
    ).toBeInstanceOf(LlmUnavailableException);
  });

  it('leaves errors that are not the provider as they are (a 500 of ours)', () => {
    const bug = new TypeError('x is undefined');
    expect(toLlmException(bug, 1000)).toEqual({ kind: 'error', exception: bug });
  });
});
