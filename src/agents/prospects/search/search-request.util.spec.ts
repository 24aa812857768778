import { searchRequest } from './search-request.util';
import { DEFAULT_SEARCH_LIMIT } from './search-prospects.params';

describe('searchRequest', () => {
  it('maps the parameters to criteria, never returning opted-out prospects', () => {
    const { criteria, page } = searchRequest({
      titles: ['CTO'],
      countries: ['Germany'],
      exclude_companies: ['Acme'],
      not_contacted_days: 90,
      include_sample: true,
      min_score: 70,
      sort: '-score',
      limit: 20,
    });
    expect(criteria).toMatchObject({
      titles: ['CTO'],
      countries: ['Germany'],
      excludeCompanies: ['Acme'],
      notContactedDays: 90,
      includeSample: true,
      minScore: 70,
      optedOut: false,
    });
    expect(page).toEqual({ skip: 0, limit: 20, sort: '-score' });
  });

  it('takes the first page of the default limit, sorted by name, when none is given', () => {
    expect(searchRequest({}).page).toEqual({
      skip: 0,
      limit: DEFAULT_SEARCH_LIMIT,
      sort: undefined,
    });
  });
});
