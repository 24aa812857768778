import type { ProspectSearchCriteria } from './prospect-search.types';
import { lowerUnique } from '../utils/search-filters.util';

/** The filters with an index of their value, then the name and id (see the filter-order-indexes migration). */
export type WalkedFilter = 'city' | 'country' | 'department';

/** A filter whose index a page can walk in name order: see pagePlan, `filter-index`. */
export interface FilterWalk {
  filter: WalkedFilter;
  /** The only condition: the walk reads the index alone, skip + limit entries. */
  alone: boolean;
}

/** Narrowest first: a city holds fewer prospects than a country or a department. */
const WALKED: readonly { filter: WalkedFilter; values: keyof ProspectSearchCriteria }[] = [
  { filter: 'city', values: 'cities' },
  { filter: 'country', values: 'countries' },
  { filter: 'department', values: 'departments' },
];

/**
 * The filter of one value (one city, one country or one department) whose index serves the
 * search's name order, if the criteria have one; undefined for none, or only lists of several
 * values (whose prospects the index holds in several runs, not in one order).
 * `otherConditions`: the search has conditions beyond its criteria (the sample prospects left out).
 */
export function filterWalk(
  criteria: ProspectSearchCriteria,
  otherConditions = false,
): FilterWalk | undefined {
  const single = WALKED.find(({ values }) => {
    const list = criteria[values];
    return Array.isArray(list) && lowerUnique(list as string[]).length === 1;
  });
  if (!single) return undefined;
  const filtering = Object.entries(criteria).filter(
    ([key, value]) => key !== 'includeSample' && value !== undefined,
  );
  const alone = !otherConditions && filtering.length === 1;
  return { filter: single.filter, alone };
}
