import {
  activeFilterCount,
  applyChange,
  emptyFilters,
  filtersToParams,
  filtersToQuery,
  nextSort,
  parseFilters,
  parseWhole,
  seniorityLabel,
  splitList,
} from './pros-filters';

describe('pros-filters', () => {
  it('reads the URL, ignoring invalid values', () => {
    const filters = parseFilters(
      new URLSearchParams(
        'country=Germany,%20Austria&min_score=150&employees_min=abc&seniority=vp&sort=-score&skip=50&opted_out=maybe&never_emailed=true',
      ),
    );
    expect(filters.text.country).toBe('Germany, Austria');
    expect(filters.numbers.min_score).toBe(100);
    expect(filters.numbers.employees_min).toBeUndefined();
    expect(filters.seniority).toBe('vp');
    expect(filters.sort).toBe('-score');
    expect(filters.skip).toBe(50);
    expect(filters.flags.opted_out).toBe('');
    expect(filters.flags.never_emailed).toBe('true');
    expect(parseFilters(new URLSearchParams('sort=bogus&seniority=king')).sort).toBe('name');
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(filtersToParams(emptyFilters()).toString()).toBe('');
    const params = new URLSearchParams(
      'q=anna&industry=SaaS&employees_max=500&sort=score&skip=100',
    );
    expect(filtersToParams(parseFilters(params)).toString()).toBe(params.toString());
  });

  it('builds the API query: lists split, flags as booleans, blanks left out', () => {
    const filters = parseFilters(
      new URLSearchParams(
        'q=%20anna%20&country=Germany,%20Austria,&title=&opted_out=false&min_score=70',
      ),
    );
    expect(filtersToQuery(filters)).toEqual({
      skip: 0,
      limit: 50,
      q: 'anna',
      country: ['Germany', 'Austria'],
      opted_out: false,
      min_score: 70,
    });
    expect(
      filtersToQuery(parseFilters(new URLSearchParams('seniority=vp&sort=-score')), 20),
    ).toEqual({
      skip: 0,
      limit: 20,
      seniority: ['vp'],
      sort: '-score',
    });
  });

  it('goes back to the first page on any change', () => {
    const filters = parseFilters(new URLSearchParams('skip=150'));
    const next = applyChange(filters, { kind: 'text', key: 'city', value: 'Berlin' });
    expect(next.skip).toBe(0);
    expect(next.text.city).toBe('Berlin');
    expect(filters.text.city).toBe('');
    expect(
      applyChange(filters, { kind: 'number', key: 'min_score', value: ' 80 ' }).numbers.min_score,
    ).toBe(80);
    expect(
      applyChange(filters, { kind: 'number', key: 'min_score', value: '' }).numbers.min_score,
    ).toBeUndefined();
    expect(
      applyChange(filters, { kind: 'flag', key: 'opted_out', value: 'true' }).flags.opted_out,
    ).toBe('true');
    expect(applyChange(filters, { kind: 'sort', value: '-score' }).sort).toBe('-score');
    expect(applyChange(filters, { kind: 'seniority', value: 'nope' }).seniority).toBe('');
  });

  it('counts active filters and toggles the score sort', () => {
    expect(activeFilterCount(emptyFilters())).toBe(0);
    expect(
      activeFilterCount(
        parseFilters(new URLSearchParams('q=a&seniority=vp&min_score=1&opted_out=true&sort=score')),
      ),
    ).toBe(4);
    expect(nextSort('name', 'score')).toBe('-score');
    expect(nextSort('-score', 'score')).toBe('score');
    expect(nextSort('score', 'name')).toBe('name');
  });

  it('labels seniorities', () => {
    expect(seniorityLabel('c_level')).toBe('C-level');
    expect(seniorityLabel('vp')).toBe('VP');
    expect(seniorityLabel('director')).toBe('Director');
    expect(seniorityLabel(null)).toBe('—');
  });

  it('parses whole numbers and lists', () => {
    expect(parseWhole('12')).toBe(12);
    expect(parseWhole('-1')).toBeUndefined();
    expect(parseWhole('1.5')).toBeUndefined();
    expect(splitList(' a, ,b ')).toEqual(['a', 'b']);
  });
});
