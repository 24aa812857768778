import {
  findDepartments,
  findIndustries,
  findLocations,
  findSeniorities,
  findTitles,
  titleCase,
} from './command-criteria';
import { parseCriteria } from './criteria-reading';
import { findKeywords } from './keyword-criteria';
import { findCompanySize, findLimit, findScoreThreshold, parseNumber } from './numeric-criteria';
import { maskSpans, normaliseCommand } from './text-matching';
import { SENIORITIES as PROSPECT_SENIORITIES } from '../../../agents/prospects/prospect.types';
import { SENIORITIES, SENIORITY_PHRASES } from './vocabulary';

const titles = (text: string) => findTitles(normaliseCommand(text)).values;
const size = (text: string) => {
  const { employeesMin, employeesMax } = findCompanySize(normaliseCommand(text));
  return { employeesMin, employeesMax };
};

describe('normaliseCommand', () => {
  it('makes typography plain and collapses whitespace', () => {
    expect(
      normaliseCommand(' Sales  &  Marketing\u2019s 50\u2013500 \u201CAI\u201D E-mails\n'),
    ).toBe(`Sales and Marketing's 50-500 "AI" emails`);
  });

  it('keeps "&" inside a word', () => {
    expect(normaliseCommand('Head of R&D')).toBe('Head of R&D');
  });

  it('keeps "&" inside a company name after "at" or "from", and reads it as "and" elsewhere', () => {
    expect(normaliseCommand('CTOs at Procter & Gamble')).toBe('CTOs at Procter & Gamble');
    expect(normaliseCommand('CFOs from Ernst & Young')).toBe('CFOs from Ernst & Young');
    expect(normaliseCommand('founders in Stockholm & Oslo')).toBe('founders in Stockholm and Oslo');
    expect(normaliseCommand('CTOs at SaaS & fintech companies')).toBe(
      'CTOs at SaaS and fintech companies',
    );
    expect(normaliseCommand('VPs of Sales & Marketing')).toBe('VPs of Sales and Marketing');
  });
});

describe('findTitles', () => {
  it.each<[string, string[]]>([
    ['VPs of Sales', ['VP of Sales']],
    ["VP's of Sales", ['VP of Sales']],
    ['vp sales', ['VP of Sales']],
    ['sales VPs', ['VP of Sales']],
    ['SVPs of Marketing', ['SVP of Marketing']],
    ['Heads of Marketing', ['Head of Marketing']],
    ['heads of HR and R&D', ['Head of HR', 'Head of R&D']],
    [
      'Heads of Sales, Marketing and Product',
      ['Head of Sales', 'Head of Marketing', 'Head of Product'],
    ],
    ['Directors of Engineering', ['Director of Engineering']],
    ['heads of people', ['Head of People']],
    ['VPs of Sales and people in marketing', ['VP of Sales']],
    ['sales directors', ['Sales Director']],
    ['sales and marketing directors', ['Sales Director', 'Marketing Director']],
    ['senior sales managers', ['Senior Sales Manager']],
    ['IT managers', ['IT Manager']],
    ['business development managers', ['Business Development Manager']],
    ['account executives and SDRs', ['Account Executive', 'SDR']],
    ['product owners', ['Product Owner']],
    ['managing directors and general managers', ['Managing Director', 'General Manager']],
    ['CTOs', ['CTO']],
    ["CEO's and CFOs", ['CEO', 'CFO']],
    ['chief technology officers', ['CTO']],
    ['Chief Revenue Officer', ['CRO']],
    ['chief happiness officers', ['Chief Happiness Officer']],
    ['founders', ['Founder']],
    ['co-founders and cofounders', ['Co-founder']],
    ['founder/CEO', ['Founder', 'CEO']],
    ['VPs, directors and managers', ['VP', 'Director', 'Manager']],
    ['senior engineers', ['Senior Engineer']],
  ])('reads %j as %j', (text, expected) => {
    expect(titles(text)).toEqual(expected);
  });

  it.each([
    'executives',
    'decision makers',
    'VP-level people',
    'managers and above',
    'sales leads',
  ])('finds no title in %j', (text) => {
    expect(titles(text)).toEqual([]);
  });

  it('reports the spans it used', () => {
    const found = findTitles('find CTOs now');
    expect(found.spans).toEqual([{ start: 5, end: 9 }]);
  });
});

describe('titleCase', () => {
  it('capitalises words and keeps acronyms', () => {
    expect(titleCase('human resources')).toBe('Human Resources');
    expect(titleCase('revops')).toBe('RevOps');
    expect(titleCase('head of hr')).toBe('Head of HR');
  });
});

describe('findLocations', () => {
  it.each<[string, string[], string[]]>([
    ['in the DACH region', ['Germany', 'Austria', 'Switzerland'], []],
    ['in the Nordics', ['Denmark', 'Finland', 'Iceland', 'Norway', 'Sweden'], []],
    ['in Benelux', ['Belgium', 'Netherlands', 'Luxembourg'], []],
    ['in the US, the USA, the United States and the U.S.', ['United States'], []],
    ['in the UK, Britain and the United Kingdom', ['United Kingdom'], []],
    ['German and Dutch companies', ['Germany', 'Netherlands'], []],
    ['in London, Munich and NYC', [], ['London', 'Munich', 'New York']],
    ['in Mexico City and Mexico', ['Mexico'], ['Mexico City']],
    ['in Zürich', [], ['Zurich']],
  ])('reads %j', (text, countries, cities) => {
    const found = findLocations(text);
    expect({ countries: found.countries, cities: found.cities }).toEqual({ countries, cities });
  });

  it('never reads the pronoun "us" as the United States', () => {
    expect(findLocations('email us the list').countries).toEqual([]);
    expect(findLocations('CTOs in the US').countries).toEqual(['United States']);
  });
});

describe('findIndustries', () => {
  it.each<[string, string[]]>([
    ['SaaS and software companies', ['Software']],
    ['fintech, banks and insurers', ['Fintech', 'Banking', 'Insurance']],
    ['e-commerce and ecommerce brands', ['E-commerce']],
    ['marketing agencies', ['Marketing & Advertising']],
    ['IT services firms', ['Information Technology']],
    ['it is late', []],
    ['climate tech and tech companies', ['Energy', 'Technology']],
    [
      'health care, cyber security and legal tech companies',
      ['Healthcare', 'Cybersecurity', 'Legal'],
    ],
  ])('reads %j as %j', (text, expected) => {
    expect(findIndustries(text).values).toEqual(expected);
  });
});

describe('findSeniorities', () => {
  it.each<[string, string[]]>([
    ['executives', ['c_level', 'vp']],
    ['decision-makers', ['c_level', 'vp']],
    ['C-level and C-suite', ['c_level']],
    ['senior leaders', ['c_level', 'vp', 'director']],
    ['leadership', ['c_level', 'vp', 'director']],
    ['director-level', ['director']],
    ['junior people and interns', ['entry']],
    ['senior people', ['senior']],
  ])('reads %j as %j', (text, expected) => {
    expect(findSeniorities(text).values).toEqual(expected);
  });

  it('only uses known seniority levels', () => {
    const levels = SENIORITY_PHRASES.flatMap((phrase) => phrase.levels);
    expect(levels.every((level) => SENIORITIES.includes(level))).toBe(true);
  });

  it('writes the seniority levels the prospects agent accepts, all of them', () => {
    expect([...SENIORITIES].sort()).toEqual([...PROSPECT_SENIORITIES].sort());
  });
});

describe('findDepartments', () => {
  it.each<[string, string[]]>([
    ['people in the marketing team', ['Marketing']],
    ['marketing people', ['Marketing']],
    ['sales and marketing leaders', ['Sales', 'Marketing']],
    ['people working in finance', ['Finance']],
    ['people in sales and folks from the IT team', ['Sales', 'IT']],
    ['the IT department', ['IT']],
    ['marketing', []],
    ['put it in the team', []],
  ])('reads %j as %j', (text, expected) => {
    expect(findDepartments(text).values).toEqual(expected);
  });
});

describe('findCompanySize', () => {
  it.each<[string, number | undefined, number | undefined]>([
    ['50–500 employees', 50, 500],
    ['50-500 employees', 50, 500],
    ['50 to 500 employees', 50, 500],
    ['from 50 to 500 staff', 50, 500],
    ['between 50 and 500 employees', 50, 500],
    ['50-500-person companies', 50, 500],
    ['companies with 50 to 200 people', 50, 200],
    ['headcount 50-200', 50, 200],
    ['more than 200 employees', 201, undefined],
    ['over 1,000 employees', 1001, undefined],
    ['at least 200 employees', 200, undefined],
    ['200+ employees', 200, undefined],
    ['500 employees or more', 500, undefined],
    ['fewer than 50 employees', undefined, 49],
    ['less than 50 employees', undefined, 49],
    ['companies under 50', undefined, 49],
    ['up to 50 employees', undefined, 50],
    ['1000 or fewer employees', undefined, 1000],
    ['more than 50 and fewer than 500 employees', 51, 499],
    ['at least 100 and at most 400 employees', 100, 400],
    ['10k+ employees', 10000, undefined],
    ['SMBs', undefined, 200],
    ['mid-market', 201, 1000],
    ['mid market', 201, 1000],
    ['enterprise companies', 1001, undefined],
    ['Fortune 500 companies', 1001, undefined],
    ['startups', undefined, undefined],
    ['Series B startups', undefined, undefined],
    ['SMB and mid-market', undefined, 1000],
    ['mid-market companies with over 300 employees', 301, undefined],
    ['500-50 employees', 50, 500],
    ['companies over 1,000', 1001, undefined],
    ['companies over 50', 51, undefined],
    ['score the companies above 70', undefined, undefined],
    ['score companies with more than 500', 501, undefined],
    ['50 people', undefined, undefined],
    ['under 50', undefined, undefined],
  ])('reads %j', (text, employeesMin, employeesMax) => {
    expect(size(text)).toEqual({ employeesMin, employeesMax });
  });
});

describe('parseNumber', () => {
  it.each<[string, number]>([
    ['1,000', 1000],
    ['1000', 1000],
    ['1.5k', 1500],
    ['10 k', 10000],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
});

describe('findScoreThreshold', () => {
  it.each<[string, number | undefined]>([
    ['score above 70', 70],
    ['score them and keep those at least 60', 60],
    ['with a fit score of 80+', 80],
    ['with a score of at least 65', 65],
    ['scoring 75 or higher', 75],
    ['an 85+ fit', 85],
    ['threshold 90', 90],
    ['score 50 prospects', undefined],
    ['at least 60', undefined],
    ['score the companies above 70', 70],
    ['score above 170', undefined],
  ])('reads %j', (text, threshold) => {
    expect(findScoreThreshold(text).threshold).toBe(threshold);
  });
});

describe('findLimit', () => {
  it.each<[string, number | undefined]>([
    ['find 50 VPs of Sales', 50],
    ['top 20 CTOs', 20],
    ['give me 30 leads', 30],
    ['build a list of 100 founders', 100],
    ['25 German CTOs', 25],
    ['first 10', 10],
    ['find 5000 leads', 1000],
    ['find 0 leads', undefined],
    ['CTOs in 2 countries', undefined],
    ['find CTOs', undefined],
    ['top 20%', undefined],
  ])('reads %j', (text, limit) => {
    expect(findLimit(text)).toBe(limit);
  });

  it('skips numbers claimed by the company size', () => {
    const text = 'CTOs at companies with up to 50 employees';
    expect(findLimit(text)).toBe(50);
    expect(findLimit(maskSpans(text, findCompanySize(text).spans))).toBeUndefined();
  });
});

describe('findKeywords', () => {
  it.each<[string, string[]]>([
    ['CTOs mentioning "kubernetes" in France', ['kubernetes']],
    ["founders who use 'Shopify' in Canada", ['Shopify']],
    ['keywords: AI, machine learning and robotics', ['AI', 'machine learning', 'robotics']],
    ['companies using Salesforce or HubSpot in Germany', ['Salesforce', 'HubSpot']],
    ['companies using Figma, ranked by fit', ['Figma']],
    ['founders who use Shopify and draft emails', ['Shopify']],
    ['emails using a friendly tone', []],
    ["VP's and founders' companies", []],
  ])('reads %j as %j', (text, expected) => {
    expect(findKeywords(text).values).toEqual(expected);
  });
});

describe('parseCriteria', () => {
  it('reads every criterion once, in order of appearance', () => {
    const text = normaliseCommand(
      'Find the top 50 VPs of Sales and marketing people at SaaS and fintech companies in DACH, ' +
        'London and France with 50–500 employees using HubSpot, score above 70',
    );
    expect(parseCriteria(text)).toEqual({
      titles: ['VP of Sales'],
      seniorities: [],
      departments: ['Marketing'],
      industries: ['Software', 'Fintech'],
      countries: ['Germany', 'Austria', 'Switzerland', 'France'],
      cities: ['London'],
      employeesMin: 50,
      employeesMax: 500,
      keywords: ['HubSpot'],
      limit: 50,
      threshold: 70,
    });
  });

  it('does not read a title as a department or an industry', () => {
    const criteria = parseCriteria('Heads of Marketing and marketing agencies');
    expect(criteria.titles).toEqual(['Head of Marketing']);
    expect(criteria.departments).toEqual([]);
    expect(criteria.industries).toEqual(['Marketing & Advertising']);
  });

  it('finds nothing in gibberish', () => {
    expect(parseCriteria('asdf qwerty')).toEqual({
      titles: [],
      seniorities: [],
      departments: [],
      industries: [],
      countries: [],
      cities: [],
      keywords: [],
    });
  });
});
