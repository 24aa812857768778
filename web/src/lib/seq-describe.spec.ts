import {
  describeEvent,
  describeExitReason,
  describeReplyOutcome,
  describeStep,
  enrollmentActions,
  formatRate,
  sortTimeline,
  summarizeTimeline,
} from './seq-describe';

describe('seq-describe', () => {
  it('describes each kind of step', () => {
    expect(describeStep({ type: 'email', subject: 'Hi {{first_name}}', body: 'x' })).toBe(
      'Email: “Hi {{first_name}}”',
    );
    expect(describeStep({ type: 'email', draft: 'llm', instructions: 'Follow up' })).toBe(
      'Email written by the LLM: Follow up',
    );
    expect(describeStep({ type: 'email', draft: 'llm' })).toBe('Email written by the LLM');
    expect(describeStep({ type: 'wait', days: 3 })).toBe('Wait 3 days');
    expect(describeStep({ type: 'wait', days: 1 })).toBe('Wait 1 day');
    expect(describeStep({ type: 'wait', business_days: 2 })).toBe('Wait 2 business days');
    expect(describeStep({ type: 'task', kind: 'call', instructions: 'Ring them' })).toBe(
      'Call: Ring them',
    );
    expect(describeStep({ type: 'task', kind: 'linkedin_connect', instructions: 'Connect' })).toBe(
      'LinkedIn connection: Connect',
    );
  });

  it('describes timeline events with their step and note', () => {
    const at = '2026-12-07T10:00:00Z';
    expect(describeEvent({ type: 'sent', step_index: 0, data: { touch_index: 0 }, at })).toBe(
      'Email 1 sent (step 1)',
    );
    expect(
      describeEvent({ type: 'exited', step_index: null, data: { reason: 'replied' }, at }),
    ).toBe('Ended: the prospect replied');
    expect(describeEvent({ type: 'paused', step_index: null, data: {}, at })).toBe('Paused');
    expect(
      describeEvent({ type: 'replied', step_index: 2, data: { note: 'Asked for January' }, at }),
    ).toBe('Replied (step 3) — Asked for January');
    expect(
      describeEvent({
        type: 'out_of_office',
        step_index: null,
        data: { return_date: '2026-12-20' },
        at,
      }),
    ).toBe('Out of office until 2026-12-20');
    expect(describeEvent({ type: 'something_new', step_index: null, data: {}, at })).toBe(
      'Something new',
    );
  });

  it('words exit reasons', () => {
    expect(describeExitReason('company_replied')).toBe('a colleague at the same company replied');
    expect(describeExitReason(null)).toBe('—');
    expect(describeExitReason('odd_reason')).toBe('odd reason');
  });

  it('orders a timeline oldest first and keeps ties in order', () => {
    const events = [
      { id: 'b', at: '2026-12-07T10:00:00Z' },
      { id: 'a', at: '2026-12-06T10:00:00Z' },
      { id: 'c', at: '2026-12-07T10:00:00Z' },
    ];
    expect(sortTimeline(events).map((event) => event.id)).toEqual(['a', 'b', 'c']);
  });

  it('counts touches and replies', () => {
    expect(
      summarizeTimeline([
        { type: 'launched' },
        { type: 'sent' },
        { type: 'sent' },
        { type: 'replied' },
      ]),
    ).toEqual({ sent: 2, replies: 1 });
  });

  it('formats reply rates', () => {
    expect(formatRate(0.1667)).toBe('16.7%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
  });

  it('allows pause, resume and stop by status', () => {
    expect(enrollmentActions('active')).toEqual({ pause: true, resume: false, stop: true });
    expect(enrollmentActions('paused')).toEqual({ pause: false, resume: true, stop: true });
    expect(enrollmentActions('replied')).toEqual({ pause: false, resume: false, stop: false });
  });
});

describe('describeReplyOutcome', () => {
  it('says what a message did', () => {
    expect(describeReplyOutcome('replied')).toBe('stopped the enrollment');
    expect(describeReplyOutcome('odd_one')).toBe('odd one');
  });
});
