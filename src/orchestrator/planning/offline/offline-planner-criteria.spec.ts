import type { PlanStep } from '../plan.types';
import { objectiveOf, planOffline } from './offline-planner';

// How the planner reads the details of a command: titles, company size, scores, tone, limits.

const step =
  (agent: string, action: string) =>
  (params: Record<string, unknown> = {}): PlanStep => ({ agent, action, params });
const search = step('prospects', 'search');
const score = step('research', 'score_fit');
const draft = step('email', 'draft');
const spreadsheet = step('export', 'spreadsheet');
const importCsv = step('prospects', 'import_csv')();
const send = step('email', 'send')();

const steps = (command: string, contextKeys: string[] = []) => {
  const result = planOffline({ command, contextKeys });
  return result.ok ? result.plan.steps : result.reason;
};

describe('planOffline criteria', () => {
  describe('titles and seniorities', () => {
    it.each<[string, Record<string, unknown>]>([
      ['Find VPs of Sales', { titles: ['VP of Sales'] }],
      ['Find Heads of Marketing', { titles: ['Head of Marketing'] }],
      ['Find CTOs', { titles: ['CTO'] }],
      ["Find CEO's", { titles: ['CEO'] }],
      ['Find founders', { titles: ['Founder'] }],
      ['Find sales directors', { titles: ['Sales Director'] }],
      ['Find sales VPs', { titles: ['VP of Sales'] }],
      ['Find vice-presidents of engineering', { titles: ['Vice President of Engineering'] }],
      ['Find VPs of Sales & Marketing', { titles: ['VP of Sales', 'VP of Marketing'] }],
      ['Find CTOs, chief technology officers and CTOs', { titles: ['CTO'] }],
      ['Find executives', { seniorities: ['c_level', 'vp'] }],
      ['Find decision-makers', { seniorities: ['c_level', 'vp'] }],
      ['Find C-suite', { seniorities: ['c_level'] }],
      ['Find senior leaders', { seniorities: ['c_level', 'vp', 'director'] }],
      ['Find entry-level people', { seniorities: ['entry'] }],
      [
        'Find founders and other executives',
        { titles: ['Founder'], seniorities: ['c_level', 'vp'] },
      ],
      ['Find marketing people', { departments: ['Marketing'] }],
      ['Find people in the finance department', { departments: ['Finance'] }],
      [
        'Find VPs of Sales and people in marketing',
        { titles: ['VP of Sales'], departments: ['Marketing'] },
      ],
      ['Find Heads of Marketing', { titles: ['Head of Marketing'] }],
    ])('%j searches %j', (command, params) => {
      expect(steps(command)).toEqual([search(params)]);
    });
  });

  describe('company size', () => {
    it.each<[string, Record<string, number>]>([
      ['with 50–500 employees', { employees_min: 50, employees_max: 500 }],
      ['with 50-500 employees', { employees_min: 50, employees_max: 500 }],
      ['with 50 to 500 employees', { employees_min: 50, employees_max: 500 }],
      ['with between 50 and 500 employees', { employees_min: 50, employees_max: 500 }],
      ['with more than 200 employees', { employees_min: 201 }],
      ['with over 1,000 employees', { employees_min: 1001 }],
      ['with at least 200 employees', { employees_min: 200 }],
      ['with 200+ employees', { employees_min: 200 }],
      ['with fewer than 50 employees', { employees_max: 49 }],
      ['under 50', { employees_max: 49 }],
      ['with under 50 staff', { employees_max: 49 }],
      ['with up to 50 employees', { employees_max: 50 }],
      ['with 1k-5k employees', { employees_min: 1000, employees_max: 5000 }],
      ['with a headcount of 500-50', { employees_min: 50, employees_max: 500 }],
    ])('companies %s', (phrase, size) => {
      expect(steps(`Find CTOs at companies ${phrase}`)).toEqual([
        search({ titles: ['CTO'], ...size }),
      ]);
    });

    it.each<[string, Record<string, number>]>([
      ['SMBs', { employees_max: 200 }],
      ['small businesses', { employees_max: 200 }],
      ['mid-market companies', { employees_min: 201, employees_max: 1000 }],
      ['midmarket companies', { employees_min: 201, employees_max: 1000 }],
      ['enterprise companies', { employees_min: 1001 }],
      ['startups', {}],
      ['early-stage startups', {}],
      ['scale-ups', { employees_min: 51, employees_max: 500 }],
      ['SMB and mid-market companies', { employees_max: 1000 }],
      ['mid-market companies with more than 300 employees', { employees_min: 301 }],
    ])('maps %j to a range', (phrase, size) => {
      expect(steps(`Find CTOs at ${phrase}`)).toEqual([search({ titles: ['CTO'], ...size })]);
    });

    it('reads "enterprise software" as an industry, not a size', () => {
      expect(steps('Find CTOs at enterprise software companies')).toEqual([
        search({ titles: ['CTO'], industries: ['Software'] }),
      ]);
    });
  });

  describe('scoring, tone, limit and export', () => {
    it.each<[string, number]>([
      ['Find CTOs in Spain and score them above 70', 70],
      ['Find CTOs in Spain, score them and keep those at least 60', 60],
    ])('reads the threshold of %j', (command, threshold) => {
      const icp = { titles: ['CTO'], countries: ['Spain'] };
      expect(steps(command)).toEqual([search(icp), score({ icp, threshold })]);
    });

    // Without asking to score now, a score is one kept from earlier scoring.
    it.each<[string, number]>([
      ['Find CTOs in Spain with a fit score of 80+', 80],
      ['Find CTOs in Spain we scored above 70', 70],
    ])('reads %j as a minimum stored score', (command, minScore) => {
      expect(steps(command)).toEqual([
        search({ titles: ['CTO'], countries: ['Spain'], min_score: minScore }),
      ]);
    });

    it('reads "DACH but exclude Austria" as an excluded country, gone from the region', () => {
      expect(steps('Find CTOs in DACH but exclude Austria')).toEqual([
        search({
          titles: ['CTO'],
          countries: ['Germany', 'Switzerland'],
          exclude_countries: ['Austria'],
        }),
      ]);
    });

    it.each<[string, string]>([
      ['friendly', 'friendly'],
      ['casual', 'friendly'],
      ['warm', 'friendly'],
      ['formal', 'formal'],
      ['professional', 'formal'],
      ['direct', 'direct'],
      ['short', 'direct'],
      ['concise', 'direct'],
    ])('maps the tone word %j to %j', (word, tone) => {
      expect(steps(`Write ${word} emails to them`, ['prospects'])).toEqual([draft({ tone })]);
    });

    it('gives a limit only for a count, and caps it at 1000', () => {
      expect(steps('Find CTOs in Spain')).toEqual([
        search({ titles: ['CTO'], countries: ['Spain'] }),
      ]);
      expect(steps('Find 5000 CTOs')).toEqual([search({ titles: ['CTO'], limit: 1000 })]);
      expect(steps('Find CTOs in 2 countries: Spain and France')).toEqual([
        search({ titles: ['CTO'], countries: ['Spain', 'France'] }),
      ]);
    });

    it('uses the CSV in context when no criteria name whom to work on', () => {
      expect(steps('Score them and export to a spreadsheet', ['csv'])).toEqual([
        importCsv,
        score(),
        spreadsheet(),
      ]);
    });

    it('imports rather than searches when asked to import, and keeps the criteria for the ICP', () => {
      expect(steps('Import the CSV and score the leads against CTOs in fintech', ['csv'])).toEqual([
        importCsv,
        score({ icp: { titles: ['CTO'], industries: ['Fintech'] } }),
      ]);
    });

    it('searches even with prospects in context when the command says to find', () => {
      expect(steps('Find CTOs in Germany and draft emails', ['prospects'])).toEqual([
        search({ titles: ['CTO'], countries: ['Germany'] }),
        draft(),
      ]);
    });

    it('does not read "email us" as sending, nor "us" as a country', () => {
      expect(steps('Email us the list of CTOs')).toEqual([search({ titles: ['CTO'] })]);
    });
  });

  describe('text handling', () => {
    it('is case-insensitive and tolerates punctuation and British spellings', () => {
      const expected = [
        search({ titles: ['VP of Sales'], countries: ['Germany'], limit: 50 }),
        score({ icp: { titles: ['VP of Sales'], countries: ['Germany'] } }),
        draft(),
        send,
      ];
      expect(steps('FIND 50 VPS OF SALES IN GERMANY; PRIORITISE THEM & E-MAIL THEM!')).toEqual(
        expected,
      );
      expect(steps('find 50 vps of sales in germany, prioritize them and email them.')).toEqual(
        expected,
      );
    });

    it('keeps arrays in order of first appearance, without repeats', () => {
      expect(
        steps('Find CTOs and founders in France, Germany, France, DACH and the UK, and CTOs'),
      ).toEqual([
        search({
          titles: ['CTO', 'Founder'],
          countries: ['France', 'Germany', 'Austria', 'Switzerland', 'United Kingdom'],
        }),
      ]);
    });
  });
});

describe('objectiveOf', () => {
  it('trims, collapses whitespace and capitalises the first letter', () => {
    expect(objectiveOf('  find   CTOs\nin Berlin ')).toBe('Find CTOs in Berlin');
  });

  it('cuts a long command to 200 characters', () => {
    const objective = objectiveOf(`find CTOs ${'and founders '.repeat(30)}`);
    expect(objective).toHaveLength(200);
    expect(objective.endsWith('…')).toBe(true);
  });
});
