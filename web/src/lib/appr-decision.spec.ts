import { conflictInWords, decisionOf, followUpsAwaitingReview } from './appr-decision';

describe('decisionOf', () => {
  it('reads approved_by/approved_at of a message', () => {
    expect(decisionOf({ approved_by: 'ana', approved_at: '2026-12-07T10:00:00Z' })).toEqual({
      by: 'ana',
      at: '2026-12-07T10:00:00Z',
    });
  });

  it("reads a job's approval record, or its step's", () => {
    expect(decisionOf({ approval: { by: 'bob', at: '2026-12-07T10:00:00Z' } })).toEqual({
      by: 'bob',
      at: '2026-12-07T10:00:00Z',
    });
    expect(
      decisionOf({ steps: [{ approval: 'approved' }, { approved_by: 'cy', approved_at: 'x' }] }),
    ).toEqual({ by: 'cy', at: 'x' });
  });

  it('reads the real job approval, step and 409 already_decided shapes', () => {
    const at = '2026-11-24T10:05:00.000Z';
    expect(
      decisionOf({ approval: { step: 1, decision: 'rejected', by: 'ops-alice', at } }),
    ).toEqual({ by: 'ops-alice', at, decision: 'rejected' });
    expect(decisionOf({ step: 1, decision: 'approved', by: 'ben', at })).toEqual({
      by: 'ben',
      at,
      decision: 'approved',
    });
    expect(
      decisionOf({
        approval: null,
        steps: [{ approval: 'approved', decided_by: 'ana', decided_at: at }],
      }),
    ).toEqual({ by: 'ana', at });
  });

  it('is undefined when the answer names nobody', () => {
    expect(decisionOf({ status: 'queued', steps: [{ approval: 'approved' }] })).toBeUndefined();
    expect(decisionOf(null)).toBeUndefined();
  });
});

describe('conflictInWords', () => {
  it("turns a job's 409 into plain words", () => {
    expect(conflictInWords('Job "3f0c" is queued; approve does not apply')).toBe(
      'The job is already approved and about to run, so your approval was not applied.',
    );
    expect(conflictInWords('Job "3f0c" is cancelled; approve does not apply')).toContain(
      'already rejected or cancelled',
    );
  });

  it("turns an outbox message's 409 into plain words", () => {
    expect(conflictInWords('Outbox message "x" is sent: only a draft can be edited')).toBe(
      'This email is already sent.',
    );
  });

  it('keeps a message that already says who, and has a default', () => {
    expect(conflictInWords('Already approved by ana at 10:02')).toBe(
      'Already approved by ana at 10:02',
    );
    expect(conflictInWords(undefined)).toBe('It changed before your decision reached the service.');
  });
});

describe('followUpsAwaitingReview', () => {
  it('keeps the draft follow-ups of sequences only', () => {
    const base = { status: 'draft', enrollment_id: 'e1', touch_index: 1 };
    const messages = [
      { id: 'follow-up', ...base },
      { id: 'first-touch', ...base, touch_index: 0 },
      { id: 'job-draft', ...base, enrollment_id: null, touch_index: null },
      { id: 'approved', ...base, status: 'approved' },
    ];
    expect(followUpsAwaitingReview(messages).map((m) => m.id)).toEqual(['follow-up']);
  });
});
