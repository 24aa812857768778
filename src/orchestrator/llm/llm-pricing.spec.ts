import { DEFAULT_PRICES, estimateCost, priceOf } from './llm-pricing';

describe('LLM pricing', () => {
  it('matches dated model names to their family, the longest prefix first', () => {
    expect(priceOf('gpt-4o-mini-2024-07-18', DEFAULT_PRICES)).toEqual({ input: 0.15, output: 0.6 });
    expect(priceOf('gpt-4o-2024-08-06', DEFAULT_PRICES)).toEqual({ input: 2.5, output: 10 });
    expect(priceOf('llama3.1:8b', DEFAULT_PRICES)).toBeUndefined();
  });

  it('estimates USD per million tokens, and gives up on unknown models', () => {
    const usage = [{ model: 'gpt-4o-mini', promptTokens: 1_000_000, completionTokens: 500_000 }];
    expect(estimateCost(usage, DEFAULT_PRICES)).toBeCloseTo(0.45, 6);
    expect(estimateCost([{ ...usage[0], model: 'local' }], DEFAULT_PRICES)).toBeUndefined();
    expect(
      estimateCost([{ ...usage[0], model: 'local' }], { local: { input: 0, output: 0 } }),
    ).toBe(0);
  });
});
