import { pagePlan, SORT_INDEX_MAX_PAGE_END, SORT_INDEX_MIN_MATCHES } from './page-plan.util';

describe('pagePlan', () => {
  const page = { skip: 0, limit: 20, isLowerBound: false };

  it('reads nothing without matches, or past the last one', () => {
    expect(pagePlan({ ...page, total: 0 })).toBe('none');
    expect(pagePlan({ ...page, total: 40, skip: 40 })).toBe('none');
    expect(pagePlan({ ...page, total: 40, skip: 40, isLowerBound: true })).toBe('sort-index');
  });

  it('sorts few matches, and walks the order index for many', () => {
    expect(pagePlan({ ...page, total: SORT_INDEX_MIN_MATCHES - 1 })).toBe('matches');
    expect(pagePlan({ ...page, total: SORT_INDEX_MIN_MATCHES })).toBe('sort-index');
    expect(pagePlan({ ...page, total: 10, isLowerBound: true })).toBe('sort-index');
    expect(pagePlan({ ...page, total: SORT_INDEX_MIN_MATCHES, sort: '-score' })).toBe('sort-index');
  });

  it('sorts the matches for a deep page, and for the order no index serves', () => {
    const many = { ...page, total: 10_000, isLowerBound: true };
    expect(pagePlan({ ...many, skip: SORT_INDEX_MAX_PAGE_END - 20 })).toBe('sort-index');
    expect(pagePlan({ ...many, skip: SORT_INDEX_MAX_PAGE_END })).toBe('matches');
    expect(pagePlan({ ...many, sort: 'score' })).toBe('matches');
  });
});
