import {
  escapeLike,
  industryTerm,
  lowerUnique,
  parseBooleanFlag,
  parseInteger,
  splitList,
} from './search-filters.util';

describe('query filter parsing', () => {
  it('splits comma-separated and repeated list filters', () => {
    expect(splitList('Germany, Austria ,Switzerland')).toEqual([
      'Germany',
      'Austria',
      'Switzerland',
    ]);
    expect(splitList(['Germany', 'Austria,France'])).toEqual(['Germany', 'Austria', 'France']);
    expect(splitList('VP of Sales')).toEqual(['VP of Sales']);
  });

  it('reads an empty list filter as no filter', () => {
    expect(splitList('')).toBeUndefined();
    expect(splitList(' , ')).toBeUndefined();
    expect(splitList(undefined)).toBeUndefined();
  });

  it('leaves what is not text for validation to reject', () => {
    expect(splitList(42)).toBe(42);
    expect(splitList([1, 'a'])).toEqual([1, 'a']);
  });

  it('reads true and false, and plain digits', () => {
    expect(parseBooleanFlag('true')).toBe(true);
    expect(parseBooleanFlag('false')).toBe(false);
    expect(parseBooleanFlag('yes')).toBe('yes');
    expect(parseInteger('50')).toBe(50);
    expect(parseInteger('-1')).toBe('-1');
    expect(parseInteger('1e3')).toBe('1e3');
    expect(parseInteger('')).toBe('');
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });

  it('compares industry words and list filters in lower case, single spaces', () => {
    expect(industryTerm('  Financial   Services ')).toBe('financial services');
    expect(industryTerm('SaaS')).toBe('saas');
    expect(lowerUnique(['Berlin', 'berlin', 'New  York'])).toEqual(['berlin', 'new york']);
  });
});
