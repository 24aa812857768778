import { describeStep, DESCRIBED_ACTIONS, duration } from './step-description.util';

const step = (agent: string, action: string, params: Record<string, unknown> = {}) => ({
  agent,
  action,
  params,
});

describe('describeStep', () => {
  it('words a search with each criterion, the limit and the order', () => {
    expect(
      describeStep(
        step('prospects', 'search', {
          titles: ['VP of Sales'],
          countries: ['Germany'],
          companies: ['Cloudwerk GmbH'],
          not_contacted_days: 90,
          sort: '-score',
        }),
      ),
    ).toBe(
      'Find prospects: title VP of Sales; country Germany; company Cloudwerk GmbH; not emailed in the last 90 days; up to 100, best fit first',
    );
    expect(
      describeStep(
        step('prospects', 'search', {
          seniorities: ['vp', 'director'],
          exclude_countries: ['France'],
          employees_min: 50,
          employees_max: 200,
          never_emailed: true,
          min_score: 70,
          include_sample: false,
          limit: 20,
        }),
      ),
    ).toBe(
      'Find prospects: seniority vp or director; not in France; 50–200 employees; never emailed; fit score 70 and above; no sample prospects; up to 20, by name',
    );
    expect(describeStep(step('prospects', 'search'))).toBe('Find prospects; up to 100, by name');
  });

  it('words the other actions', () => {
    expect(describeStep(step('prospects', 'import_csv', { batch: 'webinar' }))).toBe(
      'Import prospects from context.csv; as import "webinar"',
    );
    expect(describeStep(step('research', 'score_fit', { threshold: 70 }))).toBe(
      'Score each prospect against the ICP (keep 70 and above)',
    );
    expect(describeStep(step('research', 'score_fit'))).toBe(
      'Score each prospect against the ICP (keep 50 and above)',
    );
    expect(describeStep(step('email', 'draft'))).toBe(
      'Draft an email to each prospect (friendly tone)',
    );
    expect(describeStep(step('email', 'draft', { tone: 'formal', instructions: 'x' }))).toBe(
      'Draft an email to each prospect (formal tone, with extra guidance)',
    );
    expect(describeStep(step('email', 'send'))).toBe('Send the drafts after approval');
    expect(describeStep(step('export', 'spreadsheet', { format: 'xlsx' }))).toBe(
      'Export to an XLSX spreadsheet',
    );
    expect(describeStep(step('export', 'spreadsheet'))).toBe(
      'Export to spreadsheets (XLSX and CSV)',
    );
    expect(describeStep(step('core', 'set_context', { values: { icp: {}, offer: 'x' } }))).toBe(
      'Set icp, offer in the job state',
    );
    expect(describeStep(step('core', 'wait', { seconds: 7200 }))).toBe('Pause for 2 h');
    expect(describeStep(step('core', 'review', { message: 'Check the list' }))).toBe(
      'Wait for a human to approve: Check the list',
    );
  });

  it('falls back to agent.action with a summary of the params', () => {
    expect(describeStep(step('crm', 'sync', { list: ['a', 'b'], dry: true, opts: {} }))).toBe(
      'crm.sync (list=a or b, dry=true, opts={…})',
    );
    expect(describeStep(step('crm', 'sync'))).toBe('crm.sync');
  });

  it('words a sequence: its schedule, window and exit rule', () => {
    const create = step('sequences', 'create', {
      name: 'VPs of Sales',
      steps: [
        { type: 'email', draft: 'llm' },
        { type: 'wait', business_days: 3 },
        { type: 'email', draft: 'llm' },
        { type: 'wait', business_days: 4 },
        { type: 'email', draft: 'llm' },
      ],
    });
    expect(describeStep(create)).toBe(
      'Create the sequence "VPs of Sales" and enrol the prospects (nothing is sent yet): the first email, drafted for each prospect; after 3 business days, a follow-up email, drafted for each prospect; after 4 more business days (7 business days after the first email), a follow-up email, drafted for each prospect; ' +
        "sent Mon–Fri 09:00–17:00 in each prospect's time zone (UTC when unknown); " +
        'each enrollment ends when its prospect replies, bounces or unsubscribes (until mailbox watching exists, replies are recorded with POST /enrollments/{id}/events)',
    );
    const windowed = step('sequences', 'create', {
      name: 'x',
      steps: [
        { type: 'email', subject: 'Hi', body: 'Hello' },
        { type: 'wait', days: 1 },
      ],
      settings: {
        time_zone: 'Europe/Berlin',
        window: { days: ['tue', 'thu'], start: '10:00', end: '12:00' },
      },
    });
    expect(describeStep(windowed)).toContain(
      "the first email from its template; after 1 day; sent Tue, Thu 10:00–12:00 in each prospect's time zone (Europe/Berlin when unknown)",
    );
    expect(describeStep(step('sequences', 'launch'))).toMatch(/^Launch the sequence/);
  });

  it('covers the built-in actions', () => {
    expect(DESCRIBED_ACTIONS.sort()).toEqual(
      [
        'core.review',
        'core.set_context',
        'core.wait',
        'email.draft',
        'email.send',
        'export.google_sheets',
        'export.spreadsheet',
        'prospects.import_csv',
        'prospects.search',
        'research.company_summary',
        'research.score_fit',
        'sequences.approve_launch',
        'sequences.create',
        'sequences.draft_first_touches',
        'sequences.launch',
        'sequences.run',
      ].sort(),
    );
  });

  it('says durations in the largest unit that divides them', () => {
    expect([duration(90), duration(900), duration(86_400 * 3), duration(1)]).toEqual([
      '90 s',
      '15 min',
      '3 days',
      '1 s',
    ]);
  });
});
