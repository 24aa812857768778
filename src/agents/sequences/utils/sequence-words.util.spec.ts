import { describeSequenceSteps, describeWindow } from './sequence-words.util';

describe('describeSequenceSteps', () => {
  it('says when each follow-up goes out, also counted from the first email', () => {
    expect(
      describeSequenceSteps([
        { type: 'email', draft: 'llm' },
        { type: 'wait', business_days: 3 },
        { type: 'email', subject: 'Hi', body: 'Hello' },
        { type: 'wait', business_days: 4 },
        { type: 'task', kind: 'call', instructions: 'Call' },
      ]),
    ).toBe(
      'the first email, drafted for each prospect; after 3 business days, a follow-up email from its template; after 4 more business days (7 business days after the first email), a call task',
    );
  });

  it('counts from the first email only while the waits share their unit', () => {
    expect(
      describeSequenceSteps([
        { type: 'email', draft: 'llm' },
        { type: 'wait', days: 1 },
        { type: 'email', draft: 'llm' },
        { type: 'wait', business_days: 2 },
        { type: 'email', draft: 'llm' },
        { type: 'wait', days: 2 },
      ]),
    ).toBe(
      'the first email, drafted for each prospect; after 1 day, a follow-up email, drafted for each prospect; after 2 more business days, a follow-up email, drafted for each prospect; after 2 more days',
    );
  });

  it('tolerates what is not a step', () => {
    expect(describeSequenceSteps([null, { type: 'task', kind: 'other' }])).toBe('a step; a task');
  });
});

describe('describeWindow', () => {
  it('names a run of days as a range, others one by one', () => {
    expect(
      describeWindow({ days: ['fri', 'mon', 'tue', 'wed', 'thu'], start: '09:00', end: '17:00' }),
    ).toBe('Mon–Fri 09:00–17:00');
    expect(describeWindow({ days: ['tue', 'thu'], start: '10:00', end: '24:00' })).toBe(
      'Tue, Thu 10:00–24:00',
    );
    expect(describeWindow(undefined)).toBeUndefined();
  });
});
