import type { SequenceStep } from '../sequence.types';
import {
  advanceFrom,
  IDLE_RECHECK_MS,
  lastTouchStep,
  nextUtcDay,
  runEnd,
  stepOfTouch,
  Timing,
  touchIndexOf,
  touchMove,
} from './enrollment-moves.util';

const email: SequenceStep = { type: 'email', subject: 'Hi {{first_name}}', body: 'Hello' };
const THREE_TOUCHES: SequenceStep[] = [
  email,
  { type: 'wait', business_days: 2 },
  email,
  { type: 'wait', days: 3 },
  email,
];
const OFFICE = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' } as const;
const berlin: Timing = { window: { ...OFFICE, days: [...OFFICE.days] }, zone: 'Europe/Berlin' };
const newYork: Timing = { ...berlin, zone: 'America/New_York' };

const advance = (steps: SequenceStep[], stepIndex: number, at: string, timing = berlin) => {
  const move = advanceFrom({ steps, stepIndex, at: new Date(at), timing });
  return move.kind === 'next'
    ? { stepIndex: move.stepIndex, nextDueAt: move.nextDueAt.toISOString() }
    : move;
};

describe('advanceFrom', () => {
  it('adds the business days after a touch, keeping the local time across the spring change', () => {
    // Thursday 10:15 in Berlin; two business days on is Monday, the first day of summer time.
    expect(advance(THREE_TOUCHES, 0, '2026-03-26T09:15:00.000Z')).toEqual({
      stepIndex: 2,
      nextDueAt: '2026-03-30T08:15:00.000Z',
    });
    expect(advance(THREE_TOUCHES, 2, '2026-03-30T08:15:00.000Z')).toEqual({
      stepIndex: 4,
      nextDueAt: '2026-04-02T08:15:00.000Z',
    });
  });

  it('finishes after the last step', () => {
    expect(advance(THREE_TOUCHES, 4, '2026-04-02T08:15:00.000Z')).toEqual({ kind: 'finish' });
  });

  it('moves a touch that would fall outside the window to its next opening', () => {
    const steps: SequenceStep[] = [email, { type: 'wait', days: 1 }, email];
    // Friday 16:50 in Berlin + 1 day is a Saturday: Monday 09:00.
    expect(advance(steps, 0, '2026-03-20T15:50:00.000Z')).toEqual({
      stepIndex: 2,
      nextDueAt: '2026-03-23T08:00:00.000Z',
    });
  });

  it("times the waits in the prospect's own zone, across New York's change (2026-03-08)", () => {
    const steps: SequenceStep[] = [email, { type: 'wait', business_days: 1 }, email];
    // Friday 10:00 EST → Monday 10:00 EDT.
    expect(advance(steps, 0, '2026-03-06T15:00:00.000Z', newYork)).toEqual({
      stepIndex: 2,
      nextDueAt: '2026-03-09T14:00:00.000Z',
    });
  });

  it('makes a task due when its wait is over, whatever the window', () => {
    const steps: SequenceStep[] = [
      email,
      { type: 'wait', days: 1 },
      { type: 'task', kind: 'call', instructions: 'Call' },
    ];
    expect(advance(steps, 0, '2026-03-20T15:50:00.000Z')).toEqual({
      stepIndex: 2,
      nextDueAt: '2026-03-21T15:50:00.000Z',
    });
  });

  it('keeps the enrollment until a wait after the last step is over, then it finishes', () => {
    const steps: SequenceStep[] = [email, { type: 'wait', days: 7 }];
    expect(advance(steps, 0, '2026-03-20T10:00:00.000Z')).toEqual({
      stepIndex: 2,
      nextDueAt: '2026-03-27T10:00:00.000Z',
    });
  });
});

describe('touchIndexOf and lastTouchStep', () => {
  it('numbers the email steps from 0, and finds the step of each touch', () => {
    expect([0, 2, 4].map((step) => touchIndexOf(THREE_TOUCHES, step))).toEqual([0, 1, 2]);
    expect([0, 1, 2, 3].map((touch) => stepOfTouch(THREE_TOUCHES, touch))).toEqual([
      0,
      2,
      4,
      undefined,
    ]);
  });

  it('names the email step an enrollment last received', () => {
    expect(lastTouchStep(THREE_TOUCHES, 0)).toBeUndefined();
    expect(lastTouchStep(THREE_TOUCHES, 1)).toBe(0);
    expect(lastTouchStep(THREE_TOUCHES, 2)).toBe(0);
    expect(lastTouchStep(THREE_TOUCHES, 3)).toBe(2);
    expect(lastTouchStep(THREE_TOUCHES, 5)).toBe(4);
  });
});

describe('nextUtcDay', () => {
  it('is the next midnight UTC', () => {
    expect(nextUtcDay(new Date('2026-03-29T23:59:59.999Z')).toISOString()).toBe(
      '2026-03-30T00:00:00.000Z',
    );
    expect(nextUtcDay(new Date('2026-03-30T00:00:00.000Z')).toISOString()).toBe(
      '2026-03-31T00:00:00.000Z',
    );
  });
});

describe('touchMove', () => {
  const now = new Date('2026-03-26T15:30:00.000Z');
  const move = (send: Parameters<typeof touchMove>[0]['send'], timing = berlin) =>
    touchMove({ send, now, timing });

  it('advances a sent touch', () => {
    expect(move({ status: 'sent' })).toEqual({ kind: 'advance' });
  });

  it("defers a touch over a daily limit to the next UTC day's window in the prospect's zone", () => {
    expect(
      move({ status: 'deferred', deferred: 'sequence_daily_limit', reason: 'cap of 50 reached' }),
    ).toEqual({
      kind: 'defer',
      until: new Date('2026-03-27T08:00:00.000Z'),
      reason: 'cap of 50 reached',
    });
    expect(move({ status: 'deferred', deferred: 'daily_limit' }, newYork)).toMatchObject({
      until: new Date('2026-03-27T13:00:00.000Z'),
    });
  });

  it('waits for the approval of a draft', () => {
    expect(move({ status: 'deferred', deferred: 'awaiting_approval' })).toEqual({
      kind: 'await_approval',
    });
  });

  it.each([
    ['opted out', 'unsubscribed'],
    ['suppressed (gamma.example)', 'suppressed'],
    ['sample data (a fictional prospect, never emailed)', 'suppressed'],
    ['deleted', 'removed'],
    ['not in the outbox (deleted before sending)', 'removed'],
  ])('ends an enrollment whose touch was skipped as %j: %s', (reason, exit) => {
    expect(move({ status: 'skipped', reason })).toMatchObject({ kind: 'exit', reason: exit });
  });

  it('ends one whose touch failed, and looks again at one someone else holds', () => {
    expect(move({ status: 'failed', reason: 'SMTP server refused the message: 550' })).toEqual({
      kind: 'exit',
      reason: 'send_failed',
      detail: 'SMTP server refused the message: 550',
    });
    expect(move({ status: 'skipped', reason: 'now sending' })).toEqual({ kind: 'again' });
  });
});

describe('runEnd', () => {
  const now = new Date('2026-03-26T10:00:00.000Z');
  const end = (input: Partial<Parameters<typeof runEnd>[0]>) =>
    runEnd({
      now,
      sequencePaused: false,
      earliestDue: null,
      moreDue: false,
      waiting: false,
      ...input,
    });
  const idle = { kind: 'park', wakeAt: new Date(now.getTime() + IDLE_RECHECK_MS) };

  it('parks until the first due time, or runs again at once when more was due', () => {
    const due = new Date('2026-03-27T08:00:00.000Z');
    expect(end({ earliestDue: due })).toEqual({ kind: 'park', wakeAt: due });
    expect(end({ earliestDue: due, moreDue: true })).toEqual({ kind: 'park', wakeAt: now });
  });

  it('parks a day while the sequence is paused or enrollments wait on tasks or approvals', () => {
    expect(end({ sequencePaused: true, earliestDue: now })).toEqual(idle);
    expect(end({ waiting: true })).toEqual(idle);
  });

  it('is done when nothing is left', () => {
    expect(end({})).toEqual({ kind: 'done' });
  });
});
