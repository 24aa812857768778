import { shouldExcludeSamples } from './sample-presence.util';

describe('shouldExcludeSamples', () => {
  const only = { hasSample: true, hasReal: false };
  const mixed = { hasSample: true, hasReal: true };
  const real = { hasSample: false, hasReal: true };

  it('includes the samples while nothing else exists, leaves them out once something does', () => {
    expect(shouldExcludeSamples({ presence: only })).toBe(false);
    expect(shouldExcludeSamples({ presence: mixed })).toBe(true);
  });

  it('follows include_sample when given', () => {
    expect(shouldExcludeSamples({ includeSample: true, presence: mixed })).toBe(false);
    expect(shouldExcludeSamples({ includeSample: false, presence: only })).toBe(true);
  });

  it('filters nothing when there is no sample prospect', () => {
    expect(shouldExcludeSamples({ presence: real })).toBe(false);
    expect(shouldExcludeSamples({ includeSample: false, presence: real })).toBe(false);
    expect(shouldExcludeSamples({ presence: { hasSample: false, hasReal: false } })).toBe(false);
  });
});
