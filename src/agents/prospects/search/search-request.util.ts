import type { PageRequest, ProspectSearchCriteria } from './prospect-search.types';
import { DEFAULT_SEARCH_LIMIT, SearchProspectsParams } from './search-prospects.params';

/**
 * The search a `prospects.search` step makes from its (validated) parameters: the criteria, and
 * the first page of `limit` (default DEFAULT_SEARCH_LIMIT). Opted-out prospects never pass. The
 * action and a plan's preview both search through it, so a preview finds what the run will.
 */
export function searchRequest(params: SearchProspectsParams): {
  criteria: ProspectSearchCriteria;
  page: PageRequest;
} {
  return {
    criteria: {
      titles: params.titles,
      seniorities: params.seniorities,
      departments: params.departments,
      industries: params.industries,
      countries: params.countries,
      excludeCountries: params.exclude_countries,
      cities: params.cities,
      companies: params.companies,
      excludeCompanies: params.exclude_companies,
      employeesMin: params.employees_min,
      employeesMax: params.employees_max,
      keywords: params.keywords,
      tags: params.tags,
      sources: params.sources,
      batches: params.batches,
      notContactedDays: params.not_contacted_days,
      neverEmailed: params.never_emailed,
      optedOut: false,
      includeSample: params.include_sample,
      minScore: params.min_score,
    },
    page: { skip: 0, limit: params.limit ?? DEFAULT_SEARCH_LIMIT, sort: params.sort },
  };
}
