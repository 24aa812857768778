import { fixtureRegistry } from '../../../../test/fixtures/sales-agents.fixture';
import { AgentRegistry } from '../../agents/agent-registry.service';
import { validatePlan } from '../../agents/plan-validation.util';
import type { PlanStep } from '../plan.types';
import { planOffline } from './offline-planner';

// The phrasing table: commands as users write them, each with the plan it must give. Long because
// it is data. Every expected plan also passes validation against the fixture sales agents, so
// the table cannot drift from the agents' contracts (actions, params, data flow, needs: the
// context of a command that drafts gives a sender).

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

const capitalised = (command: string) => command.charAt(0).toUpperCase() + command.slice(1);

let catalog: AgentRegistry;

beforeAll(async () => {
  catalog = await fixtureRegistry();
});

describe('planOffline phrasing table', () => {
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
      ['csv', 'sender'],
      [importCsv, draft({ tone: 'formal', instructions: 'inviting them to our webinar on May 5' })],
    ],
    [
      'Find CTOs in Berlin and email them',
      ['sender'],
      [search({ titles: ['CTO'], cities: ['Berlin'] }), draft(), send],
    ],
    [
      'Send intro e-mails to CISOs at banks in Switzerland',
      ['sender'],
      [
        search({ titles: ['CISO'], industries: ['Banking'], countries: ['Switzerland'] }),
        draft(),
        send,
      ],
    ],
    [
      "Write short, friendly emails about our new AI feature to Heads of Marketing at fintech companies in the UK but don't send them",
      ['sender'],
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
      ['sender'],
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
          keywords: ['Figma'],
          limit: 40,
        }),
        score({ icp: { titles: ['Product Manager'], keywords: ['Figma'] } }),
        spreadsheet({ format: 'csv' }),
      ],
    ],
    [
      'Find Chief Marketing Officers at retailers in Australia and email them a professional intro',
      ['sender'],
      [
        search({ titles: ['CMO'], industries: ['Retail'], countries: ['Australia'] }),
        draft({ tone: 'formal' }),
        send,
      ],
    ],
    [
      'Prepare personalised messages for VP Engineering at cybersecurity companies in Israel',
      ['sender'],
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
      ['sender'],
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
      ['prospects', 'icp', 'sender'],
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
      ['sender'],
      [
        search({ titles: ['Head of Growth'], countries: ['United States'], employees_max: 49 }),
        draft({ instructions: 'mentioning our free trial' }),
      ],
    ],
    [
      'Find sales directors and VPs of Marketing at German manufacturers with 50-500 employees, research their companies and send them emails',
      ['sender'],
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
          keywords: ['Kubernetes'],
        }),
      ],
    ],
    [
      'Draft emails for executives at insurance companies in Ireland with under 50 employees',
      ['sender'],
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
    ['Score the prospects', ['prospects', 'icp'], [score()]],
    [
      'Find founders & CEOs at real estate companies in Dubai, draft warm emails, send them and export as CSV',
      ['sender'],
      [
        search({ titles: ['Founder', 'CEO'], industries: ['Real Estate'], cities: ['Dubai'] }),
        draft({ tone: 'friendly' }),
        send,
        spreadsheet({ format: 'csv' }),
      ],
    ],
    ['Draft emails to CTOs in Germany', ['prospects', 'sender'], [draft()]],
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
      ['sender'],
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
    const plan = { objective: capitalised(command), steps: expectedSteps };
    expect(planOffline({ command, contextKeys })).toMatchObject({ ok: true, plan });
    expect(validatePlan({ plan, catalog, initialKeys: contextKeys })).toMatchObject({ ok: true });
  });

  it.each<[string, string[], string]>([
    [
      'Score them against our ICP',
      ['prospects'],
      'research.score_fit needs an ideal customer profile',
    ],
    ['Score the prospects', ['prospects'], 'research.score_fit needs an ideal customer profile'],
    ['Find CTOs in Berlin and email them', [], 'email.draft needs a sender'],
  ])(
    'plans %j (context %j), which validation refuses for a missing input',
    (command, keys, need) => {
      const planned = planOffline({ command, contextKeys: keys });
      expect(planned.ok).toBe(true);
      const result = planned.ok && validatePlan({ plan: planned.plan, catalog, initialKeys: keys });
      expect(result && !result.ok && result.issues).toEqual([
        expect.objectContaining({ message: expect.stringContaining(need) }),
      ]);
    },
  );

  it('is deterministic', () => {
    const input = { command: FULL_PIPELINE, contextKeys: ['icp'] };
    expect(planOffline(input)).toEqual(planOffline(input));
  });
});
