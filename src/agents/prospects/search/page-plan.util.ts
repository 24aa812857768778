import type { ProspectSort } from './prospect-search.types';

/**
 * How a page of a search is read, once its matches are counted:
 * - `none`: nothing to read (no match, or the page starts after the last one);
 * - `sort-index`: walk the index of the order (name, or score descending) and keep the rows that
 *   match, stopping at the page's end. Cheap when matches are common: about
 *   (skip + limit) x rows / matches rows read;
 * - `matches`: find every match by the filters' indexes, then sort them. Cheap when matches are
 *   few: about as many rows read as there are matches.
 */
export type PagePlan = 'none' | 'sort-index' | 'matches';

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

/** `score` (lowest first, unscored last) is served by no index; `name` and `-score` are. */
const INDEXED_SORTS: readonly ProspectSort[] = ['name', '-score'];

/** Which plan reads the page: see PagePlan. `total` may be a lower bound. */
export function pagePlan({
  total,
  isLowerBound,
  skip,
  limit,
  sort = 'name',
}: {
  total: number;
  isLowerBound: boolean;
  skip: number;
  limit: number;
  sort?: ProspectSort;
}): PagePlan {
  if (!isLowerBound && skip >= total) return 'none';
  const common = isLowerBound || total >= SORT_INDEX_MIN_MATCHES;
  return common && skip + limit <= SORT_INDEX_MAX_PAGE_END && INDEXED_SORTS.includes(sort)
    ? 'sort-index'
    : 'matches';
}
