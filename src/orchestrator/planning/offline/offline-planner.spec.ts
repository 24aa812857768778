import type { PlanStep } from '../plan.types';
import { objectiveOf, OFFLINE_PLANNER_HELP, planOffline } from './offline-planner';

const search = (params: Record<string, unknown>): PlanStep => ({
  agent: 'prospects',
  action: 'search',
  params,
});
const importCsv: PlanStep = { agent: 'prospects', action: 'import_csv', params: {} };
const summarise: PlanStep = { agent: 'research', action: 'company_summary', params: {} };
const score = (params: Record<string, unknown> = {}): PlanStep => ({
  agent: 'research',
  action: 'score_fit',
  params,
});
const draft = (params: Record<string, unknown> = {}): PlanStep => ({
  agent: 'email',
  action: 'draft',
  params,
});
const send: PlanStep = { agent: 'email', action: 'send', params: {} };
const spreadsheet = (params: Record<string, unknown> = {}): PlanStep => ({
  agent: 'export',
  action: 'spreadsheet',
  params,
});
const googleSheets: PlanStep = { agent: 'export', action: 'google_sheets', params: {} };

const DACH = ['Germany', 'Austria', 'Switzerland'];
const NORDICS = ['Denmark', 'Finland', 'Iceland', 'Norway', 'Sweden'];
const DACH_SAAS = {
  titles: ['VP of Sales'],
  industries: ['Software'],
  countries: DACH,
  employees_min: 50,
  employees_max: 500,
};
const FULL_PIPELINE =
  'find 50 VPs of Sales at SaaS companies in DACH with 50-500 employees, research their ' +
  'companies, score them against our ICP, draft friendly intro emails and export to Excel';

// The state keys each action reads and writes, as the agents declare them.
const DATA_FLOW: Record<string, { reads: string[]; writes: string[] }> = {
  'prospects.search': { reads: [], writes: ['prospects'] },
  'prospects.import_csv': { reads: ['csv'], writes: ['prospects'] },
  'research.company_summary': { reads: ['prospects'], writes: ['companies'] },
  'research.score_fit': { reads: ['prospects'], writes: ['prospects'] },
  'email.draft': { reads: ['prospects'], writes: ['drafts'] },
  'email.send': { reads: ['drafts'], writes: ['sent'] },
  'export.spreadsheet': { reads: ['prospects'], writes: ['export'] },
  'export.google_sheets': { reads: ['prospects'], writes: ['export'] },
};

/** The keys a step reads that neither the context nor an earlier step provides. */
const unmetReads = (planSteps: PlanStep[], contextKeys: string[]) => {
  const available = new Set(contextKeys);
  return planSteps.flatMap(({ agent, action }) => {
    const { reads, writes } = DATA_FLOW[`${agent}.${action}`];
    const missing = reads.filter((key) => !available.has(key));
    writes.forEach((key) => available.add(key));
    return missing.map((key) => `${agent}.${action} reads ${key}`);
  });
};

const capitalised = (command: string) => command.charAt(0).toUpperCase() + command.slice(1);
const steps = (command: string, contextKeys: string[] = []) => {
  const result = planOffline({ command, contextKeys });
  return result.ok ? result.plan.steps : result.reason;
};
const reason = (command: string, contextKeys: string[] = []) => {
  const result = planOffline({ command, contextKeys });
  return result.ok ? 'planned' : result.reason;
};

describe('planOffline', () => {
  it.each<[string, string[], PlanStep[]]>([
    [
      'Find 50 VPs of Sales at SaaS companies in the DACH region with 50–500 employees',
      [],
      [search({ ...DACH_SAAS, limit: 50 })],
    ],
    [
      FULL_PIPELINE,
      ['sender', 'offer', 'icp'],
      [
        search({ ...DACH_SAAS, limit: 50 }),
        summarise,
        score(),
        draft({ tone: 'friendly' }),
        spreadsheet(),
      ],
    ],
    [
      FULL_PIPELINE,
      ['sender', 'offer'],
      [
        search({ ...DACH_SAAS, limit: 50 }),
        summarise,
        score({ icp: DACH_SAAS }),
        draft({ tone: 'friendly' }),
        spreadsheet(),
      ],
    ],
    [
      'Import the CSV, score the leads and export to CSV',
      ['csv', 'icp'],
      [importCsv, score(), spreadsheet({ format: 'csv' })],
    ],
    [
      'Upload my CSV and write formal emails inviting them to our webinar on May 5',
      ['csv'],
      [importCsv, draft({ tone: 'formal', instructions: 'inviting them to our webinar on May 5' })],
    ],
    [
      'Find CTOs in Berlin and email them',
      [],
      [search({ titles: ['CTO'], cities: ['Berlin'] }), draft(), send],
    ],
    [
      'Send intro e-mails to CISOs at banks in Switzerland',
      [],
      [
        search({ titles: ['CISO'], industries: ['Banking'], countries: ['Switzerland'] }),
        draft(),
        send,
      ],
    ],
    [
      "Write short, friendly emails about our new AI feature to Heads of Marketing at fintech companies in the UK but don't send them",
      [],
      [
        search({
          titles: ['Head of Marketing'],
          industries: ['Fintech'],
          countries: ['United Kingdom'],
        }),
        draft({ tone: 'friendly', instructions: 'about our new AI feature' }),
      ],
    ],
    [
      'Get me 100 founders of B2B SaaS startups in Israel and put them in a Google Sheet',
      [],
      [
        search({
          titles: ['Founder'],
          industries: ['Software'],
          countries: ['Israel'],
          employees_max: 50,
          limit: 100,
        }),
        googleSheets,
      ],
    ],
    [
      'Build a list of 200 marketing managers at e-commerce companies in France, Spain and Italy, then prioritise them with a fit score of at least 75',
      [],
      [
        search({
          titles: ['Marketing Manager'],
          industries: ['E-commerce'],
          countries: ['France', 'Spain', 'Italy'],
          limit: 200,
        }),
        score({
          icp: {
            titles: ['Marketing Manager'],
            industries: ['E-commerce'],
            countries: ['France', 'Spain', 'Italy'],
          },
          threshold: 75,
        }),
      ],
    ],
    [
      'Find 25 CFOs and finance directors at Dutch logistics companies with more than 500 employees',
      [],
      [
        search({
          titles: ['CFO', 'Finance Director'],
          industries: ['Logistics'],
          countries: ['Netherlands'],
          employees_min: 501,
          limit: 25,
        }),
      ],
    ],
    [
      'Look for sales leaders at mid-market SaaS companies in North America and write concise outreach',
      [],
      [
        search({
          seniorities: ['c_level', 'vp', 'director'],
          departments: ['Sales'],
          industries: ['Software'],
          countries: ['United States', 'Canada'],
          employees_min: 201,
          employees_max: 1000,
        }),
        draft({ tone: 'direct' }),
      ],
    ],
    [
      'Prospect for C-level execs at healthcare companies in Boston and NYC, enrich them, and export to xlsx',
      [],
      [
        search({
          seniorities: ['c_level', 'vp'],
          industries: ['Healthcare'],
          cities: ['Boston', 'New York'],
        }),
        summarise,
        spreadsheet(),
      ],
    ],
    [
      'Find 10 co-founders of fintech startups in Stockholm, Copenhagen & Oslo',
      [],
      [
        search({
          titles: ['Co-founder'],
          industries: ['Fintech'],
          cities: ['Stockholm', 'Copenhagen', 'Oslo'],
          employees_max: 50,
          limit: 10,
        }),
      ],
    ],
    [
      'Search for senior engineers at companies with between 200 and 1,000 employees in Canada',
      [],
      [
        search({
          titles: ['Senior Engineer'],
          countries: ['Canada'],
          employees_min: 200,
          employees_max: 1000,
        }),
      ],
    ],
    [
      'I need 40 product managers in the Bay Area using Figma, ranked by fit, exported as CSV',
      [],
      [
        search({
          titles: ['Product Manager'],
          cities: ['San Francisco'],
          keywords: ['Figma'],
          limit: 40,
        }),
        score({ icp: { titles: ['Product Manager'], keywords: ['Figma'] } }),
        spreadsheet({ format: 'csv' }),
      ],
    ],
    [
      'Find Chief Marketing Officers at retailers in Australia and email them a professional intro',
      [],
      [
        search({ titles: ['CMO'], industries: ['Retail'], countries: ['Australia'] }),
        draft({ tone: 'formal' }),
        send,
      ],
    ],
    [
      'Prepare personalised messages for VP Engineering at cybersecurity companies in Israel',
      [],
      [
        search({
          titles: ['VP of Engineering'],
          industries: ['Cybersecurity'],
          countries: ['Israel'],
        }),
        draft(),
      ],
    ],
    [
      'Find decision makers at enterprise companies in Germany, look up what the companies do, and prepare emails',
      [],
      [
        search({ seniorities: ['c_level', 'vp'], countries: ['Germany'], employees_min: 1001 }),
        summarise,
        draft(),
      ],
    ],
    [
      'List 15 founders in London, score above 80 and export to Google Sheets',
      [],
      [
        search({ titles: ['Founder'], cities: ['London'], limit: 15 }),
        score({ icp: { titles: ['Founder'] }, threshold: 80 }),
        googleSheets,
      ],
    ],
    [
      'Top 20 CTOs in the Nordics at companies with over 1,000 employees',
      [],
      [search({ titles: ['CTO'], countries: NORDICS, employees_min: 1001, limit: 20 })],
    ],
    [
      'Find people in the marketing team at SMBs in the Benelux',
      [],
      [
        search({
          departments: ['Marketing'],
          countries: ['Belgium', 'Netherlands', 'Luxembourg'],
          employees_max: 200,
        }),
      ],
    ],
    [
      'Qualify the prospects and draft direct emails',
      ['prospects', 'icp'],
      [score(), draft({ tone: 'direct' })],
    ],
    [
      'Rank the leads in my CSV against our ICP and download the results as a spreadsheet',
      ['csv', 'icp'],
      [importCsv, score(), spreadsheet()],
    ],
    ['Export the prospects to a Google Sheet', ['prospects'], [googleSheets]],
    [
      'Find heads of growth at startups with fewer than 50 employees in the US and draft emails mentioning our free trial',
      [],
      [
        search({ titles: ['Head of Growth'], countries: ['United States'], employees_max: 49 }),
        draft({ instructions: 'mentioning our free trial' }),
      ],
    ],
    [
      'Find sales directors and VPs of Marketing at German manufacturers with 50-500 employees, research their companies and send them emails',
      [],
      [
        search({
          titles: ['Sales Director', 'VP of Marketing'],
          industries: ['Manufacturing'],
          countries: ['Germany'],
          employees_min: 50,
          employees_max: 500,
        }),
        summarise,
        draft(),
        send,
      ],
    ],
    [
      'find CTOs and founders at AI startups in San Francisco who use Kubernetes',
      [],
      [
        search({
          titles: ['CTO', 'Founder'],
          industries: ['Artificial Intelligence'],
          cities: ['San Francisco'],
          employees_max: 50,
          keywords: ['Kubernetes'],
        }),
      ],
    ],
    [
      'Draft emails for executives at insurance companies in Ireland with under 50 employees',
      [],
      [
        search({
          seniorities: ['c_level', 'vp'],
          industries: ['Insurance'],
          countries: ['Ireland'],
          employees_max: 49,
        }),
        draft(),
      ],
    ],
    ['Score the prospects', ['prospects'], [score()]],
    [
      'Find founders & CEOs at real estate companies in Dubai, draft warm emails, send them and export as CSV',
      [],
      [
        search({ titles: ['Founder', 'CEO'], industries: ['Real Estate'], cities: ['Dubai'] }),
        draft({ tone: 'friendly' }),
        send,
        spreadsheet({ format: 'csv' }),
      ],
    ],
    ['Draft emails to CTOs in Germany', ['prospects'], [draft()]],
    [
      'Enrich the leads from the uploaded csv and export to google sheets',
      ['csv'],
      [importCsv, summarise, googleSheets],
    ],
    [
      'Find 30 marketing people at mid-market companies in Spain',
      [],
      [
        search({
          departments: ['Marketing'],
          countries: ['Spain'],
          employees_min: 201,
          employees_max: 1000,
          limit: 30,
        }),
      ],
    ],
    [
      'Prioritize Dutch and Belgian HR managers at companies under 200 employees with a score of 70+',
      [],
      [
        search({
          titles: ['HR Manager'],
          countries: ['Netherlands', 'Belgium'],
          employees_max: 199,
        }),
        score({
          icp: {
            titles: ['HR Manager'],
            countries: ['Netherlands', 'Belgium'],
            employees_max: 199,
          },
          threshold: 70,
        }),
      ],
    ],
    [
      'Please find the top 5 COOs at Portuguese software companies and draft a formal note',
      [],
      [
        search({
          titles: ['COO'],
          industries: ['Software'],
          countries: ['Portugal'],
          limit: 5,
        }),
        draft({ tone: 'formal' }),
      ],
    ],
  ])('plans %j (context %j)', (command, contextKeys, expectedSteps) => {
    expect(planOffline({ command, contextKeys })).toEqual({
      ok: true,
      plan: { objective: capitalised(command), steps: expectedSteps },
    });
    expect(unmetReads(expectedSteps, contextKeys)).toEqual([]);
  });

  describe('refusals', () => {
    it.each<[string, string[], string]>([
      ['', [], 'The command is empty.'],
      ['   \n\t ', [], 'The command is empty.'],
      ['?!…', [], 'The command is empty.'],
      ['asdf qwerty zxcv', [], 'did not understand "Asdf qwerty zxcv"'],
      ['Hello there', ['prospects'], 'did not understand'],
      ['Translate the emails to German', [], 'did not understand'],
      ['What is the weather in Paris tomorrow?', [], 'did not understand'],
      ['Send them the emails tomorrow', ['prospects'], 'cannot wait or schedule steps'],
      ['Book a meeting with the CTOs', ['prospects'], 'cannot book meetings'],
      ['Call them all tomorrow', ['prospects'], 'cannot make phone calls'],
      ['Send them a LinkedIn connection request', ['prospects'], 'cannot act on LinkedIn'],
      ['Add the CTOs in Berlin to HubSpot', [], 'cannot update a CRM'],
      ['Send a follow-up in 3 days', ['prospects'], 'cannot wait or schedule steps'],
      ['Draft emails', [], 'does not say which prospects to work on'],
      ['Find prospects', [], 'does not say which prospects to work on'],
      ['Export everything to Excel', ['sender'], 'does not say which prospects to work on'],
      ['Import the CSV and draft emails', ['sender'], 'put the CSV text in context.csv'],
      ['Score them against our ICP', ['prospects'], 'put it in context.icp'],
    ])('refuses %j (context %j)', (command, contextKeys, expected) => {
      const result = reason(command, contextKeys);
      expect(result).toContain(expected);
      expect(result).toContain(OFFLINE_PLANNER_HELP);
    });

    it('says what it understands and that OPENAI_API_KEY enables free-form commands', () => {
      expect(OFFLINE_PLANNER_HELP).toMatch(/find prospects/);
      expect(OFFLINE_PLANNER_HELP).toMatch(/import them from context\.csv/);
      expect(OFFLINE_PLANNER_HELP).toMatch(/draft or send emails/);
      expect(OFFLINE_PLANNER_HELP).toMatch(/Set OPENAI_API_KEY to enable free-form commands/);
    });
  });

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
      ['startups', { employees_max: 50 }],
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
      ['Find CTOs in Spain with a fit score of 80+', 80],
    ])('reads the threshold of %j', (command, threshold) => {
      const icp = { titles: ['CTO'], countries: ['Spain'] };
      expect(steps(command)).toEqual([search(icp), score({ icp, threshold })]);
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

    it('is deterministic', () => {
      const input = { command: FULL_PIPELINE, contextKeys: ['icp'] };
      expect(planOffline(input)).toEqual(planOffline(input));
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
