import { UNMAPPED_VERBS } from './command-verbs';
import { findUnmappedAction } from './unmapped-actions';
import { CITIES, COUNTRIES, DEPARTMENTS, INDUSTRIES, ROLES, TITLE_QUALIFIERS } from './vocabulary';

const unmappedPart = (text: string) => {
  const span = findUnmappedAction(text);
  return span && text.slice(span.start, span.end);
};

describe('findUnmappedAction', () => {
  it.each<[string, string]>([
    ['Find CTOs and delete them', 'delete them'],
    ['find CTOs, and then please update their titles.', 'update their titles'],
    ["Draft emails but don't translate them", 'translate them'],
    ['Could you archive the list?', 'archive the list'],
    ['Find CTOs and thank them', 'thank them'],
    ['Find CTOs who use Kubernetes and remove them', 'remove them'],
  ])('finds %j in %j', (text, part) => {
    expect(unmappedPart(text)).toBe(part);
  });

  it.each([
    'Find VPs of Sales, Marketing and Product',
    'Find heads of data and analytics',
    'Find people who manage and update websites',
    'Find CTOs and rank them',
    'Find CTOs and sort them by fit',
    'Find CTOs and move them to Google Sheets',
    'Find CTOs, especially those at startups',
    'Write emails and make them shorter',
    'Find CTOs in follow-up meetings',
  ])('finds none in %j', (text) => {
    expect(findUnmappedAction(text)).toBeUndefined();
  });

  it('reports the span in the text', () => {
    expect(findUnmappedAction('Find CTOs; delete them.')).toEqual({ start: 11, end: 22 });
  });
});

describe('UNMAPPED_VERBS', () => {
  // A verb that is also a criteria word would refuse a list: "Find heads of product and design".
  it('holds no word that starts a title, department, industry or place', () => {
    const aliases = [
      ...Object.values(DEPARTMENTS).flat(),
      ...Object.values(INDUSTRIES).flat(),
      ...Object.values(COUNTRIES).flat(),
      ...Object.values(CITIES).flat(),
      ...Object.keys(ROLES),
      ...TITLE_QUALIFIERS,
    ];
    const firstWords = new Set(aliases.map((alias) => alias.toLowerCase().split(/[\s-]/)[0]));
    expect(UNMAPPED_VERBS.filter((verb) => firstWords.has(verb))).toEqual([]);
  });
});
