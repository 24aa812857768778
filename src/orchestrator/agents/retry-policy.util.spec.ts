import { ActionError, DEFAULT_RETRY_POLICY, retryDelayMs, shouldRetry } from './retry-policy.util';

describe('retry policy', () => {
  const policy = DEFAULT_RETRY_POLICY;

  it('retries plain errors and retryable ActionErrors until attempts run out', () => {
    expect(shouldRetry({ policy, attempt: 1, error: new Error('ECONNRESET') })).toBe(true);
    expect(shouldRetry({ policy, attempt: 2, error: new ActionError('busy', true) })).toBe(true);
    expect(shouldRetry({ policy, attempt: 3, error: new Error('ECONNRESET') })).toBe(false);
  });

  it('never retries a non-retryable ActionError', () => {
    expect(shouldRetry({ policy, attempt: 1, error: new ActionError('bad CSV header') })).toBe(
      false,
    );
  });

  it('backs off exponentially up to the cap', () => {
    const middle = () => 0.5; // no jitter
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(policy, attempt, middle))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect(retryDelayMs(policy, 20, middle)).toBe(30_000);
  });

  it('spreads delays by the jitter share', () => {
    expect(retryDelayMs(policy, 1, () => 0)).toBe(400);
    expect(retryDelayMs(policy, 1, () => 1)).toBe(600);
  });
});
