import {
  countBound,
  FILTER_INDEX_MIN_MATCHES,
  FILTER_INDEX_PAGE_SHARE,
  pagePlan,
  SORT_INDEX_MAX_PAGE_END,
  SORT_INDEX_MIN_MATCHES,
} from './page-plan.util';

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

  it("walks the index of the search's one city, country or department for many matches", () => {
    const walk = { filter: 'country' as const, alone: false };
    const many = { ...page, total: FILTER_INDEX_MIN_MATCHES, walk };
    expect(pagePlan(many)).toBe('filter-index');
    expect(pagePlan({ ...many, total: FILTER_INDEX_MIN_MATCHES - 1 })).toBe('matches');
    expect(pagePlan({ ...many, total: 1000, isLowerBound: true })).toBe('filter-index');
    // A lower bound too low for the page's end to be within its first 1/20: the order's index.
    expect(pagePlan({ ...many, total: 10, isLowerBound: true })).toBe('sort-index');
    // Deeper than 1/20 of the matches, or in an order the index does not hold: as without it.
    const end = FILTER_INDEX_MIN_MATCHES / FILTER_INDEX_PAGE_SHARE;
    expect(pagePlan({ ...many, skip: end - 20 })).toBe('filter-index');
    expect(pagePlan({ ...many, skip: end - 19 })).toBe('matches');
    expect(pagePlan({ ...many, sort: '-score' })).toBe('matches');
  });

  it('walks the index of a filter alone at any depth: it reads index entries only', () => {
    const alone = { ...page, walk: { filter: 'city' as const, alone: true } };
    expect(pagePlan({ ...alone, total: 3 })).toBe('filter-index');
    expect(pagePlan({ ...alone, total: 10_000, isLowerBound: true, skip: 5000 })).toBe(
      'filter-index',
    );
    expect(pagePlan({ ...alone, total: 3, skip: 3 })).toBe('none');
  });

  it('sorts free-text matches unless they are many: a name sits in one place of the order', () => {
    const walk = { filter: 'country' as const, alone: false };
    const text = { ...page, freeText: true };
    expect(pagePlan({ ...text, total: SORT_INDEX_MIN_MATCHES - 1, walk })).toBe('matches');
    expect(pagePlan({ ...text, total: SORT_INDEX_MIN_MATCHES - 1 })).toBe('matches');
    expect(pagePlan({ ...text, total: SORT_INDEX_MIN_MATCHES })).toBe('sort-index');
    expect(pagePlan({ ...text, total: SORT_INDEX_MIN_MATCHES, isLowerBound: true, walk })).toBe(
      'filter-index',
    );
  });
});

describe('countBound', () => {
  it('is the bound configured, or for free text at least SORT_INDEX_MIN_MATCHES', () => {
    expect(countBound(1000, false)).toBe(1000);
    expect(countBound(1000, true)).toBe(SORT_INDEX_MIN_MATCHES);
    expect(countBound(20_000, true)).toBe(20_000);
  });
});
