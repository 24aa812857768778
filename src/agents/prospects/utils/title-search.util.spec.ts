import { titleSearchTerms } from './title-search.util';
import { splitWords, titleWords } from './title-words.util';

/** Whether a title passes a filter, as the SQL condition decides it. */
function matches(title: string, filter: string): boolean {
  const stored = titleWords(title) ?? '';
  return titleSearchTerms(filter).every((alternatives) =>
    alternatives.some((alternative) => stored.includes(` ${splitWords(alternative).join(' ')}`)),
  );
}

describe('titleWords', () => {
  it('stores a title as lower-case words between spaces', () => {
    expect(titleWords('VP, Sales & Marketing (EMEA)')).toBe(' vp sales marketing emea ');
    expect(titleWords('Co-Founder/CTO')).toBe(' co founder cto ');
    expect(titleWords('Head of R&D')).toBe(' head of r&d ');
    expect(titleWords('  ')).toBeNull();
    expect(titleWords(null)).toBeNull();
  });
});

describe('titleSearchTerms', () => {
  it('drops filler words and groups synonyms', () => {
    expect(titleSearchTerms('VP of Sales')).toEqual([
      ['vp', 'vice president', 'svp', 'evp', 'avp', 'vicepresident'],
      ['sales'],
    ]);
    expect(titleSearchTerms('Chief Technology Officer')).toEqual([
      ['cto', 'chief technology officer', 'chief technical officer'],
    ]);
    expect(titleSearchTerms('of the')).toEqual([]);
  });

  it.each([
    ['VP of Sales', 'VP Sales'],
    ['Vice President, Sales', 'VP Sales'],
    ['SVP Sales', 'VP of Sales'],
    ['Sales VP', 'VP of Sales'],
    ['VP of Sales', 'Vice President of Sales'],
    ['CTO', 'Chief Technology Officer'],
    ['Chief Technology Officer', 'CTO'],
    ['Co-Founder', 'founder'],
    ['Co-Founder', 'co-founder'],
    ['Senior Software Engineer', 'engineer'],
    ['Engineering Manager', 'engineer'],
    ['Head of People', 'Head of HR'],
    ['Sr. Account Executive', 'Senior Account Executive'],
  ])('%p matches the filter %p', (title, filter) => {
    expect(matches(title, filter)).toBe(true);
  });

  it.each([
    ['Director of Engineering', 'CTO'],
    ['Sales Manager', 'VP Sales'],
    ['VP of Marketing', 'VP of Sales'],
    ['SVP Sales', 'Vice President of Marketing'],
    ['Head of Sales', 'VP of Sales'],
  ])('%p does not match the filter %p', (title, filter) => {
    expect(matches(title, filter)).toBe(false);
  });
});
