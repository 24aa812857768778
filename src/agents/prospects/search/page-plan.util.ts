import type { FilterWalk } from './filter-walk.util';
import type { ProspectSort } from './prospect-search.types';

/**
 * How a page of a search is read, once its matches are counted:
 * - `none`: nothing to read (no match, or the page starts after the last one);
 * - `sort-index`: walk the index of the order (name, or score descending) and keep the rows that
 *   match, stopping at the page's end. Cheap when matches are common: about
 *   (skip + limit) x rows / matches rows read;
 * - `filter-index`: the same walk over the prospects of the search's one city, country or
 *   department (FilterWalk), by the index of that value then the name: about (skip + limit) x
 *   prospects of the value / matches rows read, never more than the walk of the whole order;
 *   (skip + limit) index entries alone when that filter is the only condition;
 * - `matches`: find every match by the filters' indexes, then sort them. Cheap when matches are
 *   few: about as many rows read as there are matches.
 */
export type PagePlan = 'none' | 'sort-index' | 'filter-index' | 'matches';

/**
 * Matches from which walking the order's index beats sorting the matches, for a first page:
 * over a million prospects, 20 x 1,000,000 / 5,000 = 4,000 rows walked against 5,000 sorted.
 */
export const SORT_INDEX_MIN_MATCHES = 5000;

/**
 * The furthest page end walked on the order's index: deeper, the walk reads (skip + limit) x
 * rows / matches rows, more than sorting the matches costs (see docs/prospect-search-performance.md).
 */
export const SORT_INDEX_MAX_PAGE_END = 1000;

/**
 * Matches from which walking the prospects of the filter's value beats sorting the matches: over
 * 1,100,000 prospects the largest country holds about 76,000, so a first page of 20 walks at most
 * 20 x 76,000 / 500 ≈ 3,000 rows.
 */
export const FILTER_INDEX_MIN_MATCHES = 500;

/**
 * The filter's index is walked while the page ends within the first 1/20 of the matches, so that
 * the walk reads at most 1/20 of the value's prospects (sorting the matches reads each match).
 */
export const FILTER_INDEX_PAGE_SHARE = 20;

/** `score` (lowest first, unscored last) is served by no index; `name` and `-score` are. */
const INDEXED_SORTS: readonly ProspectSort[] = ['name', '-score'];

/** Which plan reads the page: see PagePlan. `total` may be a lower bound. */
export function pagePlan({
  total,
  isLowerBound,
  skip,
  limit,
  sort = 'name',
  walk,
  freeText = false,
}: {
  total: number;
  isLowerBound: boolean;
  skip: number;
  limit: number;
  sort?: ProspectSort;
  /** A filter whose index serves the name order (see filterWalk). */
  walk?: FilterWalk;
  /** The search has free text, whose matches may follow the name order: see countBound. */
  freeText?: boolean;
}): PagePlan {
  if (!isLowerBound && skip >= total) return 'none';
  if (freeText && !isLowerBound && total < SORT_INDEX_MIN_MATCHES) return 'matches';
  if (walk && sort === 'name') {
    const many = isLowerBound || total >= FILTER_INDEX_MIN_MATCHES;
    if (walk.alone || (many && (skip + limit) * FILTER_INDEX_PAGE_SHARE <= total)) {
      return 'filter-index';
    }
  }
  const common = isLowerBound || total >= SORT_INDEX_MIN_MATCHES;
  return common && skip + limit <= SORT_INDEX_MAX_PAGE_END && INDEXED_SORTS.includes(sort)
    ? 'sort-index'
    : 'matches';
}

/**
 * Where a bounded count of a search stops (before the page's end: see countLimit): the bound
 * configured, except with free text, which counts on to SORT_INDEX_MIN_MATCHES. Its words may be
 * a name ("greta fischer"), whose matches sit together in the name order: a walk of the order's
 * index would read every name before theirs, so the plan must know whether they are many.
 */
export function countBound(bound: number, freeText: boolean): number {
  return freeText ? Math.max(bound, SORT_INDEX_MIN_MATCHES) : bound;
}
