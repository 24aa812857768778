import {
  findCompanies,
  findCompaniesNamedAfterPlaces,
  isNamedAfterPlace,
} from './company-criteria';
import { findContactFilters } from './contact-criteria';
import { findExclusions } from './exclusion-criteria';
import { findScoreThreshold } from './numeric-criteria';
import { findUnknownPlaces, isUnsearchablePlace, suggestPlace } from './place-suggestions';
import { caseless, findUnsupportedFilters } from './unsupported-filters';

// The readers' answers to the red-team's wrong values: each phrase read as what it says, or
// refused, never read as something else.

const phrases = (text: string, spans: { start: number; end: number }[]) =>
  spans.map(({ start, end }) => text.slice(start, end));

describe('findUnsupportedFilters', () => {
  it.each<[string, string, string]>([
    ['Export CTOs with a score below 40', 'with a score below 40', 'filter'],
    ['Export CTOs with a fit score under 50', 'with a fit score under 50', 'filter'],
    ['Find CTOs scored between 60 and 80', 'scored between 60 and 80', 'filter'],
    ['Export CTOs we scored less than 30', 'we scored less than 30', 'filter'],
    ['Export CTOs that score lower than 50', 'that score lower than 50', 'filter'],
    ['Find CTOs in Germany not scored yet', 'not scored yet', 'filter'],
    ['Find unscored CTOs', 'unscored', 'filter'],
    ['Find CTOs with no score', 'with no score', 'filter'],
    ['Find 50 marketing managers, one per company', 'one per company', 'filter'],
    ['Find VPs of Sales, max 3 per company', 'max 3 per company', 'filter'],
    ['Find CTOs, at most 2 per account', 'at most 2 per account', 'filter'],
    ['Find up to 5 people per company', 'up to 5 people per company', 'filter'],
    ['Find VPs who were at Salesforce before', 'who were at Salesforce before', 'filter'],
    ['Find CTOs previously at Google', 'previously at Google', 'filter'],
    ['Find former Google employees in Berlin', 'former Google employees', 'filter'],
    ['Find ex-McKinsey consultants', 'ex-McKinsey', 'filter'],
    ['Score VPs, keep only the top 10', 'keep only the top 10', 'filter'],
    ['Score CTOs from LinkedIn Sales Navigator', 'from LinkedIn Sales Navigator', 'list'],
  ])('refuses in %j: %j (%s)', (text, phrase, kind) => {
    const { unclear, evidence } = findUnsupportedFilters(text);
    expect(evidence).toEqual([]);
    expect(unclear.map((item) => [text.slice(item.start, item.end), item.kind])).toEqual([
      [phrase, kind],
    ]);
  });

  it.each([
    'Find CTOs with a score above 70',
    'Score CTOs in Germany and drop anyone below 60',
    'Score them and drop anyone scoring under 60',
    'Find former employees of our customers',
    'Find CTOs at companies with fewer than 50 employees',
    'Find the top 10 CTOs in Berlin',
    'Find CTOs who work at Google',
    'Find CTOs who were at the conference',
  ])('leaves %j to the other readers', (text) => {
    const found = findUnsupportedFilters(text).unclear.map((item) =>
      text.slice(item.start, item.end),
    );
    expect(found.filter((phrase) => !/conference/.test(phrase))).toEqual([]);
  });

  it('matches keywords in any case, a name only with a capital', () => {
    expect(new RegExp(`^${caseless('ex[sd]\\s+\\p{Lu}')}$`, 'u').test('EXs G')).toBe(true);
    expect(new RegExp(`^${caseless('\\p{Lu}')}$`, 'u').test('g')).toBe(false);
  });
});

describe('findScoreThreshold: "drop anyone below N"', () => {
  it.each<[string, number | undefined]>([
    ['Score CTOs and drop anyone below 60', 60],
    ['Score them, then remove those scoring under 50', 50],
    ['Find CTOs and drop anyone below 60', undefined],
  ])('%j → %j', (text, threshold) => {
    expect(findScoreThreshold(text).threshold).toBe(threshold);
  });
});

describe('findContactFilters: periods', () => {
  it.each<[string, string, unknown]>([
    ['skip anyone we contacted in the last month', 'not_contacted_days', 30],
    ['exclude those we emailed in the past 2 weeks', 'not_contacted_days', 14],
    ['not contacted in the last month', 'not_contacted_days', 30],
    ['not contacted in the last 3 months', 'not_contacted_days', 90],
    ['skip anyone we already emailed', 'never_emailed', true],
  ])('%j → %s %j', (text, param, value) => {
    const { evidence, unclear } = findContactFilters(text);
    expect(unclear).toEqual([]);
    expect(evidence.map((item) => [item.param, item.value])).toEqual([[param, value]]);
  });

  it.each([
    ['CTOs that we have not emailed this year', 'have not emailed this year'],
    ['CMOs that we emailed last year', 'that we emailed last year'],
    ['VPs that we have emailed in the last 30 days', 'that we have emailed in the last 30 days'],
    ['VPs we spoke to last quarter', 'we spoke to last quarter'],
    ['CTOs we have never talked to', 'we have never talked to'],
  ])('refuses %j as a filter', (text, phrase) => {
    const { evidence, unclear } = findContactFilters(text);
    expect(evidence).toEqual([]);
    expect(unclear.map((item) => [text.slice(item.start, item.end), item.kind])).toEqual([
      [phrase, 'filter'],
    ]);
  });
});

describe('companies named after a place', () => {
  it.each<[string, boolean]>([
    ['Bank of America', true],
    ['Munich Re', true],
    ['London Stock Exchange', true],
    ['New York', false],
    ['Siemens Germany', false],
    ['UK SaaS', false],
    ['Berlin And Munich', false],
    ['Allianz SE', false],
  ])('%j: %j', (name, named) => {
    expect(isNamedAfterPlace(name)).toBe(named);
  });

  it('keeps them from the place reader, after "at" or "from" only', () => {
    const text = 'CFOs at Allianz SE and Munich Re, from Bank of America, in Munich';
    expect(phrases(text, findCompaniesNamedAfterPlaces(text))).toEqual([
      'Munich Re',
      'Bank of America',
    ]);
  });

  it.each<[string, string[]]>([
    ['VPs at acme corp', ['acme corp']],
    ['CTOs at cloudwerk gmbh in Berlin', ['cloudwerk gmbh']],
    ['CTOs at n26', ['n26']],
    ['engineers at stripe', []],
    ['CTOs at scale as well', []],
    ['CTOs at 50 companies', []],
  ])('reads a lower-case company only when nothing else is meant: %j', (text, companies) => {
    expect(findCompanies({ rest: text, text }).evidence.map((item) => item.value)).toEqual(
      companies,
    );
  });

  it('reads "Monday" after "at" as a company', () => {
    const text = 'VPs at Notion and Monday';
    expect(findCompanies({ rest: text, text }).evidence.map((item) => item.value)).toEqual([
      'Notion',
      'Monday',
    ]);
  });

  it('never suggests a place for a real word after "at" ("Orange"), still for a typo', () => {
    const orange = 'managers at Orange in          ';
    expect(findCompanies({ rest: orange, text: orange }).evidence.map((e) => e.value)).toEqual([
      'Orange',
    ]);
    const typo = 'managers at Berln';
    expect(findCompanies({ rest: typo, text: typo }).unclear[0].suggestion).toBe('Berlin?');
    expect(suggestPlace('Orange')).toBeNull();
    expect(suggestPlace('Germny')).toBe('Germany?');
  });
});

describe('findExclusions: more cues', () => {
  it.each<[string, string, string]>([
    ['CTOs excl. SAP', 'exclude_companies', 'SAP'],
    ['CTOs w/o Siemens', 'exclude_companies', 'Siemens'],
    ['CMOs minus Danone', 'exclude_companies', 'Danone'],
    ['CFOs, leave out Fiat', 'exclude_companies', 'Fiat'],
    ['CFOs, leaving out Fiat', 'exclude_companies', 'Fiat'],
    ['CTOs, though not Bosch', 'exclude_companies', 'Bosch'],
    ['HR directors excluding anyone at Google', 'exclude_companies', 'Google'],
    ['CTOs, and exclude anyone from Bosch', 'exclude_companies', 'Bosch'],
    ['CTOs, skip Bosch', 'exclude_companies', 'Bosch'],
    ['CTOs, skip the ones at Siemens', 'exclude_companies', 'Siemens'],
    ['VPs at IBM except in the US', 'exclude_countries', 'United States'],
    ['CTOs in any country except Russia', 'exclude_countries', 'Russia'],
    ['CTOs except Munich Re', 'exclude_companies', 'Munich Re'],
    ['CFOs anywhere but Germany', 'exclude_countries', 'Germany'],
  ])('%j → %s %j', (text, param, value) => {
    const { evidence, unclear } = findExclusions(text);
    expect(unclear).toEqual([]);
    expect(evidence.map((item) => [item.param, item.value])).toEqual([[param, value]]);
  });

  it.each<[string, string]>([
    ['CTOs in the US except for California', 'California'],
    ['HR managers in Canada but not in Quebec', 'Quebec'],
    ['founders at SaaS companies, no agencies', 'no agencies'],
    ['founders in Germany, no consultants', 'no consultants'],
  ])('refuses %j as an exclusion: %j', (text, phrase) => {
    const { evidence, unclear } = findExclusions(text);
    expect(evidence).toEqual([]);
    expect(unclear.map((item) => [text.slice(item.start, item.end), item.kind])).toEqual([
      [phrase, 'exclusion'],
    ]);
  });

  it.each([
    'CTOs with no more than 50 employees',
    'CTOs with no less than 50 employees',
    'Score CTOs and skip anyone below 60',
    'Draft emails to CTOs, no attachments',
  ])('reads no exclusion in %j', (text) => {
    expect(findExclusions(text)).toEqual({ evidence: [], unclear: [], spans: [] });
  });
});

describe('places the search cannot filter on', () => {
  it.each([
    ['CTOs in Silicon Valley', 'Silicon Valley'],
    ['PMs in the bay area', 'bay area'],
    ['CTOs in Europe', 'Europe'],
    ['CTOs in california', 'california'],
  ])('refuses %j: %j', (text, phrase) => {
    const found = findUnknownPlaces(text);
    expect(found.map((item) => [text.slice(item.start, item.end), item.kind])).toEqual([
      [phrase, 'place'],
    ]);
    expect(found[0].reason).toMatch(/not a filter/);
  });

  it('knows a state is not a company', () => {
    expect(isUnsearchablePlace('California')).toBe(true);
    expect(isUnsearchablePlace('Salesforce')).toBe(false);
    const text = 'CTOs from California';
    expect(findCompanies({ rest: text, text })).toEqual({ evidence: [], unclear: [], spans: [] });
  });
});
