import { filterParams, readAudienceFilters } from './audience-filters';
import { normaliseMapped, wordsOf } from './text-matching';

const params = (text: string) => filterParams(readAudienceFilters(text).evidence);
const unclear = (text: string) =>
  readAudienceFilters(text).unclear.map(({ start, end, kind }) => [text.slice(start, end), kind]);

describe('audience filters', () => {
  it.each<[string, Record<string, unknown>]>([
    ['not contacted in the last 6 weeks', { not_contacted_days: 42 }],
    ["who we haven't emailed yet", { never_emailed: true }],
    ['anyone we already emailed', { never_emailed: false }],
    ['not in Germany or France', { exclude_countries: ['Germany', 'France'] }],
    ['excluding Acme GmbH and acme.io', { exclude_companies: ['Acme GmbH', 'acme.io'] }],
    ['from our webinar list', { tags: ['webinar'] }],
    ['from the apollo-nov import', { batches: ['apollo-nov'] }],
    ['with source csv', { sources: ['csv'] }],
    ['the 10 best-fitting', { sort: '-score' }],
    ['the lowest scored', { sort: 'score' }],
    ['at "Acme & Co"', { companies: ['Acme & Co'] }],
    ['but do not send them yet', {}],
  ])('reads %j', (text, expected) => {
    expect(params(text)).toEqual(expected);
  });

  it.each<[string, [string, string][]]>([
    ['with no reply yet', [['no reply yet', 'filter']]],
    ['not contacted since May', [['not contacted since May', 'filter']]],
    ['from the import "Q3 list"', [['from the import "Q3 list"', 'list']]],
    ['not in Berlin', [['Berlin', 'exclusion']]],
    ['but not VPs', [['VPs', 'exclusion']]],
  ])('refuses what it cannot map in %j', (text, expected) => {
    expect(unclear(text)).toEqual(expected);
  });
});

describe('normaliseMapped', () => {
  it('maps spans of the normalised command back to the words as written', () => {
    const command = normaliseMapped('  Find  heads of R & D\nat “Cloudwerk”  e-mail ');
    expect(command.text).toBe('Find heads of R and D at "Cloudwerk" email');
    const at = command.text.indexOf('R and D');
    expect(wordsOf(command, { start: at, end: at + 7 })).toBe('R & D');
    const quote = command.text.indexOf('"Cloudwerk"');
    expect(wordsOf(command, { start: quote, end: quote + 11 })).toBe('“Cloudwerk”');
  });
});
