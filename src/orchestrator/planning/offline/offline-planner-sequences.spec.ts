import { OFFLINE_PLANNER_HELP, planOffline } from './offline-planner';
import { REPLY_EXIT_REASON } from './reply-exit-reading';

// Outreach with follow-ups: a sequence created for the prospects, then launched.

const plan = (command: string, contextKeys: string[] = []) => {
  const result = planOffline({ command, contextKeys });
  if (!result.ok) throw new Error(result.reason);
  return result;
};
const reason = (command: string) => {
  const result = planOffline({ command, contextKeys: ['sender'] });
  return result.ok ? 'planned' : result.reason;
};
const FOLLOW_UP = {
  type: 'email',
  draft: 'llm',
  instructions: expect.stringContaining('A short follow-up') as unknown,
};

describe('planOffline with follow-ups', () => {
  it('plans the search, the sequence and its launch, in the words of the command', () => {
    const command =
      'email the VPs of Sales in Germany we scored above 70, follow up after 3 and 7 business days unless they reply';
    const { plan: planned, interpretation } = plan(command);
    expect(planned.steps).toEqual([
      {
        agent: 'prospects',
        action: 'search',
        params: { titles: ['VP of Sales'], countries: ['Germany'], min_score: 70 },
      },
      {
        agent: 'sequences',
        action: 'create',
        params: {
          name: command.charAt(0).toUpperCase() + command.slice(1),
          steps: [
            { type: 'email', draft: 'llm' },
            { type: 'wait', business_days: 3 },
            FOLLOW_UP,
            { type: 'wait', business_days: 4 },
            FOLLOW_UP,
          ],
        },
      },
      { agent: 'sequences', action: 'launch', params: {} },
    ]);
    expect(interpretation).toEqual({
      constraints: [
        { words: 'VPs of Sales', step: 0, param: 'titles', value: 'VP of Sales' },
        { words: 'Germany', step: 0, param: 'countries', value: 'Germany' },
        { words: 'scored above 70', step: 0, param: 'min_score', value: '70' },
        { words: 'after 3', step: 1, param: 'steps.1.business_days', value: '3' },
        { words: '7 business days', step: 1, param: 'steps.3.business_days', value: '4' },
      ],
      not_understood: [
        { words: 'unless they reply', kind: 'other', reason: REPLY_EXIT_REASON, suggestion: null },
      ],
    });
    expect(REPLY_EXIT_REASON).toContain('POST /enrollments/{id}/events');
  });

  it('gives the first email the instructions, and the sequence the sending window', () => {
    const { plan: planned } = plan(
      'Email CTOs in Berlin about our Berlin meetup, between 9am and 5pm, follow up after a week',
    );
    expect(planned.steps[1].params).toMatchObject({
      steps: [
        { type: 'email', draft: 'llm', instructions: 'about our Berlin meetup' },
        { type: 'wait', days: 7 },
        FOLLOW_UP,
      ],
      settings: {
        window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
      },
    });
  });

  it('keeps research, scoring and exports around the sequence', () => {
    const { plan: planned } = plan(
      'Find CTOs in Spain, score them, email those above 60, follow up after 4 days and export them to Excel',
      ['icp'],
    );
    expect(planned.steps.map((step) => `${step.agent}.${step.action}`)).toEqual([
      'prospects.search',
      'research.score_fit',
      'sequences.create',
      'sequences.launch',
      'export.spreadsheet',
    ]);
  });

  it('refuses stopping at a reply on a single email, and reads "if they have not replied" as a filter', () => {
    for (const [command, words] of [
      ['Email CTOs in Spain unless they reply', 'unless they reply'],
      ['Email CTOs in Spain, stop when they answer', 'stop when they answer'],
      ["Email CTOs in Spain if they haven't replied", "haven't replied"],
    ]) {
      const { plan: planned, interpretation } = plan(command, ['sender']);
      expect(planned.steps.map((step) => step.action)).toEqual(['search', 'draft', 'send']);
      expect(interpretation.not_understood).toContainEqual(
        expect.objectContaining({ words, kind: 'filter' }),
      );
    }
  });

  it.each([
    ['Find CTOs in Berlin and follow up after 3 days', 'not for the first email'],
    ['Send a follow-up in 3 days', 'not for the first email'],
    [
      'Find CTOs in Berlin and draft emails, follow up after 3 days, but do not send yet',
      'says not to send or draft emails',
    ],
    [
      'Email CTOs in Berlin, follow up every hour',
      '"follow up every hour": a sequence waits whole days',
    ],
    ['Email CTOs in Berlin, follow up after 500 days', '"follow up after 500 days": a wait is'],
    ['Email CTOs in Berlin, follow up after -1 days', '"follow up after -1 days": a wait is'],
    ['Email CTOs in Berlin with 3 follow-ups', '"with 3 follow-ups": say when'],
    [
      'Email CTOs in Berlin between 5pm and 9am, follow up after 3 days',
      'ends later than it starts',
    ],
  ])('refuses %j: %s', (command, expected) => {
    const refused = reason(command);
    expect(refused).toContain(expected);
    expect(refused).toContain(OFFLINE_PLANNER_HELP);
  });

  it('refuses a tone a sequence cannot take, and a window it cannot read, as not understood', () => {
    const formal = plan('Write formal emails to CTOs in Berlin, follow up after 3 days');
    expect(formal.interpretation.not_understood).toEqual([
      expect.objectContaining({ words: 'formal', kind: 'filter' }),
    ]);
    const friendly = plan('Write friendly emails to CTOs in Berlin, follow up after 3 days');
    expect(friendly.interpretation.not_understood).toEqual([]);
    const weekends = plan('Email CTOs in Berlin on weekends, follow up after 3 days');
    expect(weekends.interpretation.not_understood).toEqual([
      expect.objectContaining({ words: 'weekends', kind: 'filter' }),
    ]);
  });
});
