import type { ProspectInState } from '../../prospects/prospect.types';
import { FIT_WEIGHTS, keepFits, scoreFitHeuristic, seniorityOfTitle } from './fit-heuristic.util';
import type { Icp } from './icp.util';

const prospect = (overrides: Partial<ProspectInState> = {}): ProspectInState => ({
  id: 'p1',
  name: 'Ana Example',
  title: 'Vice President, Sales',
  seniority: 'vp',
  country: 'Germany',
  company: { name: 'Acme Payments', industry: 'Computer Software', employee_count: 250 },
  ...overrides,
});

const fullIcp: Icp = {
  titles: ['VP of Sales'],
  seniorities: ['vp', 'c_level'],
  industries: ['Software'],
  countries: ['Germany'],
  employees_min: 50,
  employees_max: 500,
  keywords: ['payments'],
};

describe('scoreFitHeuristic', () => {
  it('gives 100 to a prospect matching every criterion, each with its reason', () => {
    expect(scoreFitHeuristic(prospect(), fullIcp)).toEqual({
      score: 100,
      reasons: [
        "Title matches 'VP of Sales' (+30)",
        'Seniority VP fits (+20)',
        "Industry 'Computer Software' matches 'Software' (+15)",
        'Country Germany fits (+15)',
        'Company size 250 is within 50–500 (+10)',
        "Keywords found: 'payments' (+10)",
      ],
    });
  });

  it('the weights add up to 100', () => {
    expect(Object.values(FIT_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it.each<[string, Partial<ProspectInState>, number, string]>([
    [
      'title',
      { title: 'Head of Marketing', seniority: 'vp' },
      70,
      "Title 'Head of Marketing' matches none of 'VP of Sales' (+0)",
    ],
    ['seniority', { seniority: 'manager' }, 80, "Seniority manager is not 'VP' or 'C-level' (+0)"],
    [
      'industry',
      { company: { name: 'Acme Payments', industry: 'Retail', employee_count: 250 } },
      85,
      "Industry 'Retail' is not 'Software' (+0)",
    ],
    ['country', { country: 'France' }, 85, "Country France is not 'Germany' (+0)"],
    [
      'company size',
      { company: { name: 'Acme Payments', industry: 'Computer Software', employee_count: 5000 } },
      90,
      'Company size 5000 is outside 50–500 (+0)',
    ],
    [
      'keywords',
      { company: { name: 'Acme', industry: 'Computer Software', employee_count: 250 } },
      90,
      "No keyword found ('payments') (+0)",
    ],
  ])('a miss on %s lowers the score and says why', (_criterion, overrides, score, reason) => {
    const result = scoreFitHeuristic(prospect(overrides), fullIcp);
    expect(result.score).toBe(score);
    expect(result.reasons).toContain(reason);
  });

  it.each<[string, string, boolean]>([
    ['SaaS', 'Software', true],
    ['Software', 'SaaS', true],
    ['Healthcare', 'Hospital & Health Care', true],
    ['IT Services', 'Information Technology & Services', true],
    ['Financial Services', 'Fintech', true],
    ['Technology', 'Software Development', true],
    ['Fintech', 'Financial Services', false],
    ['Software', 'Fintech', false],
    ['Technology', 'Banking', false],
    // Outside the vocabulary: words, either way round, a family by its name too.
    ['SaaS', 'Healthcare Software', true],
    ['Robotics', 'Industrial Robotics', true],
    ['Industrial Robotics', 'Robotics', true],
    ['Robotics', 'Software', false],
  ])('an ICP industry %j fits a company in %j: %s', (wanted, industry, fits) => {
    const result = scoreFitHeuristic(prospect({ company: { name: 'Acme', industry } }), {
      industries: [wanted],
    });
    expect(result.score).toBe(fits ? 100 : 0);
    expect(result.reasons[0]).toBe(
      fits
        ? `Industry '${industry}' matches '${wanted}' (+15)`
        : `Industry '${industry}' is not '${wanted}' (+0)`,
    );
  });

  it('scales to the criteria the ICP names', () => {
    const result = scoreFitHeuristic(prospect({ country: 'Spain' }), {
      titles: ['VP of Sales'],
      countries: ['Germany'],
    });
    expect(result).toEqual({
      score: 67,
      reasons: [
        "Title matches 'VP of Sales' (+30)",
        "Country Spain is not 'Germany' (+0)",
        '30 of 45 possible points, scaled to 67/100',
      ],
    });
  });

  it('matches titles word by word, with abbreviations and in any order', () => {
    const icp = { titles: ['VP of Sales', 'CTO'] };
    expect(scoreFitHeuristic(prospect({ title: 'Sales VP, EMEA' }), icp).score).toBe(100);
    expect(scoreFitHeuristic(prospect({ title: 'Chief Technical Officer' }), icp).score).toBe(100);
    expect(scoreFitHeuristic(prospect({ title: 'VP Marketing' }), icp).score).toBe(0);
    expect(scoreFitHeuristic(prospect({ title: undefined }), icp).reasons).toEqual([
      'No title to compare (+0)',
      '0 of 30 possible points, scaled to 0/100',
    ]);
  });

  it('derives the seniority from the title when the prospect has none', () => {
    const result = scoreFitHeuristic(prospect({ seniority: undefined, title: 'Head of Sales' }), {
      seniorities: ['director'],
    });
    expect(result.reasons[0]).toBe('Seniority director (from the title) fits (+20)');
    expect(
      scoreFitHeuristic(prospect({ seniority: undefined, title: 'Ninja' }), {
        seniorities: ['vp'],
      }).reasons[0],
    ).toBe('Seniority unknown (+0)');
  });

  it('knows country aliases and one-sided size ranges', () => {
    expect(
      scoreFitHeuristic(prospect({ country: 'USA' }), { countries: ['United States'] }).score,
    ).toBe(100);
    expect(
      scoreFitHeuristic(prospect({ country: undefined, company: { name: 'A', country: 'UK' } }), {
        countries: ['United Kingdom'],
      }).score,
    ).toBe(100);
    expect(scoreFitHeuristic(prospect(), { employees_min: 200 }).reasons[0]).toBe(
      'Company size 250 is within at least 200 (+10)',
    );
    expect(
      scoreFitHeuristic(prospect({ company: { name: 'A' } }), { employees_max: 200 }).reasons[0],
    ).toBe('Company size unknown, wanted at most 200 (+0)');
  });

  it('gives keyword points in proportion to the keywords found', () => {
    const result = scoreFitHeuristic(prospect({ tags: ['fintech'] }), {
      keywords: ['payments', 'fintech', 'crypto', 'banking'],
    });
    expect(result.reasons[0]).toBe("Keywords found: 'payments' and 'fintech' (+5)");
    expect(result.score).toBe(50);
  });
});

describe('seniorityOfTitle', () => {
  it.each([
    ['Co-Founder & CEO', 'founder'],
    ['CEO', 'c_level'],
    ['President', 'c_level'],
    ['SVP Sales', 'vp'],
    ['Senior Vice President', 'vp'],
    ['Head of Growth', 'director'],
    ['Sales Director DACH', 'director'],
    ['Team Lead', 'manager'],
    ['Senior Engineer', 'senior'],
    ['Marketing Intern', 'entry'],
    ['Account Executive', undefined],
    [undefined, undefined],
  ])('%s → %s', (title, seniority) => {
    expect(seniorityOfTitle(title)).toBe(seniority);
  });
});

describe('keepFits', () => {
  it('keeps those at or above the threshold, best first, ties in input order', () => {
    const scored = [
      { id: 'a', score: 40 },
      { id: 'b', score: 80 },
      { id: 'c', score: 50 },
      { id: 'd', score: 80 },
      { id: 'e', score: 49 },
    ];
    expect(keepFits(scored, 50).map((p) => p.id)).toEqual(['b', 'd', 'c']);
    expect(keepFits(scored, 0)).toHaveLength(5);
    expect(keepFits(scored, 100)).toEqual([]);
  });
});
