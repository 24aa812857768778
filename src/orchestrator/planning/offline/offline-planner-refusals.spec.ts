import { OFFLINE_PLANNER_HELP, planOffline } from './offline-planner';

// What the planner refuses, and why, and the phrasings it must not refuse.

const reason = (command: string, contextKeys: string[] = []) => {
  const result = planOffline({ command, contextKeys });
  return result.ok ? 'planned' : result.reason;
};

describe('planOffline refusals', () => {
  it.each<[string, string[], string]>([
    ['', [], 'The command is empty.'],
    ['   \n\t ', [], 'The command is empty.'],
    ['?!…', [], 'The command is empty.'],
    ['asdf qwerty zxcv', [], 'does not understand "Asdf qwerty zxcv".'],
    ['Hello there', ['prospects'], 'does not understand "Hello there".'],
    ['What is the weather in Paris tomorrow?', [], 'does not understand'],
    ['Send them the emails tomorrow', ['prospects'], 'cannot wait or schedule steps'],
    ['Book a meeting with the CTOs', ['prospects'], 'cannot book meetings'],
    ['Call them all tomorrow', ['prospects'], 'cannot make phone calls'],
    ['Send them a LinkedIn connection request', ['prospects'], 'cannot act on LinkedIn'],
    ['Add the CTOs in Berlin to HubSpot', [], 'cannot update a CRM'],
    [
      'Send a follow-up in 3 days',
      ['prospects'],
      'asks for follow-ups but not for the first email',
    ],
    ['Send them the emails in 3 days', ['prospects'], 'cannot wait or schedule steps'],
    ['Draft emails', [], 'does not say which prospects to work on'],
    ['Find prospects', [], 'does not say which prospects to work on'],
    ['Export everything to Excel', ['sender'], 'does not say which prospects to work on'],
    ['Import the CSV and draft emails', ['sender'], 'put the CSV text in context.csv'],
  ])('refuses %j (context %j)', (command, contextKeys, expected) => {
    const result = reason(command, contextKeys);
    expect(result).toContain(expected);
    expect(result).toContain(OFFLINE_PLANNER_HELP);
  });

  // A clause led by a verb the planner does not map is refused, quoting the clause, rather than
  // dropped from a plan that would do only the rest.
  it.each<[string, string[], string]>([
    ['Find CTOs in Germany and delete them', [], 'delete them'],
    [
      'Find CTOs in Germany and translate the emails to German',
      [],
      'translate the emails to German',
    ],
    ['Find CTOs and archive the list', [], 'archive the list'],
    ['Find CTOs in Germany, then update their phone numbers', [], 'update their phone numbers'],
    ['Translate the emails to German', ['prospects'], 'Translate the emails to German'],
    ['Find founders in London, remove duplicates and export to Excel', [], 'remove duplicates'],
    ['Can you delete all prospects?', ['prospects'], 'delete all prospects'],
    ['Find CTOs and verify their email addresses', [], 'verify their email addresses'],
    ['Find CTOs and add their phone numbers', [], 'add their phone numbers'],
    ['I want you to find CTOs in Berlin and then, please, tag them', [], 'tag them'],
    ['Find CTOs in Germany who use Kubernetes and delete them', [], 'delete them'],
    // Any verb with "them" as object that asks for no mapped action.
    ['Find CTOs in Berlin and ping them', [], 'ping them'],
    ['Draft emails and forward them to my manager', ['prospects'], 'forward them to my manager'],
    [
      'Score the prospects, then sort them alphabetically',
      ['prospects'],
      'sort them alphabetically',
    ],
    ['Find CTOs and tell them about our webinar', [], 'tell them about our webinar'],
    // Email instructions end before an unmapped verb.
    [
      'Write formal emails inviting them to our webinar and translate them to Spanish',
      ['csv'],
      'translate them to Spanish',
    ],
  ])('refuses %j (context %j), quoting %j', (command, contextKeys, part) => {
    expect(reason(command, contextKeys)).toBe(
      `The offline planner does not understand "${part}". ${OFFLINE_PLANNER_HELP}`,
    );
  });

  it('says what it understands and that OPENAI_API_KEY enables free-form commands', () => {
    expect(OFFLINE_PLANNER_HELP).toMatch(/find prospects/);
    expect(OFFLINE_PLANNER_HELP).toMatch(/import them from context\.csv/);
    expect(OFFLINE_PLANNER_HELP).toMatch(/draft or send emails/);
    expect(OFFLINE_PLANNER_HELP).toMatch(/Set OPENAI_API_KEY to enable free-form commands/);
  });
});

describe('planOffline accepts', () => {
  // Fillers, criteria words that look like verbs, relative clauses and email instructions are not
  // actions. "Make sure they work at SaaS companies" restates criteria, which are read; "check
  // that …" and "verify …" are refused, as the planner cannot check anything.
  it.each<[string, string[]]>([
    ['please find CTOs in Berlin', []],
    ['Can you find CTOs in Berlin?', []],
    ["Let's find CTOs in Berlin and then, please, draft emails", []],
    ['I need 40 product managers in the Bay Area', []],
    ['Get me 100 founders of B2B SaaS startups in Israel', []],
    ['Find CTOs in Germany who use Kubernetes', []],
    ['Find VPs of Sales and make sure they work at SaaS companies', []],
    ['Find people in sales, marketing and support', []],
    ['Find heads of product and design, then build a list of their leads', []],
    ['Find CTOs at solar and clean energy companies', []],
    ['Find CEOs at digital and print media companies', []],
    ['Find CTOs at companies that track and monitor shipments', []],
    ['Find CTOs and add them to a spreadsheet', []],
    ['Find CTOs, share the list in a Google Sheet', []],
    ['Score them and sort them by fit', ['prospects']],
    ['Write emails to them and make it friendly', ['prospects']],
    ['Draft emails asking them to update their details', ['prospects']],
    ['Draft emails "Hi, please delete nothing, and archive nothing"', ['prospects']],
    ['Find CTOs in Berlin. Thanks!', []],
  ])('plans %j (context %j)', (command, contextKeys) => {
    expect(reason(command, contextKeys)).toBe('planned');
  });

  it('reads "make sure" as criteria', () => {
    const result = planOffline({
      command: 'Find VPs of Sales and make sure they work at SaaS companies',
      contextKeys: [],
    });
    expect(result.ok && result.plan.steps).toEqual([
      {
        agent: 'prospects',
        action: 'search',
        params: { titles: ['VP of Sales'], industries: ['Software'] },
      },
    ]);
  });
});
