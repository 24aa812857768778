import { boundedTotal, countLimit } from './page-total.util';

describe('countLimit', () => {
  it('is the bound, or the end of a deeper page', () => {
    expect(countLimit({ bound: 10_000, skip: 0, limit: 20 })).toBe(10_000);
    expect(countLimit({ bound: 10_000, skip: 50_000, limit: 20 })).toBe(50_020);
  });
});

describe('boundedTotal', () => {
  it('is exact up to the limit, a lower bound beyond', () => {
    expect(boundedTotal(9_999, 10_000)).toEqual({ total: 9_999, isLowerBound: false });
    expect(boundedTotal(10_000, 10_000)).toEqual({ total: 10_000, isLowerBound: false });
    expect(boundedTotal(10_001, 10_000)).toEqual({ total: 10_000, isLowerBound: true });
  });
});
