import type { SequenceStep } from '../sequence.types';
import { enrollmentEvent, exitChange } from './exit.util';

const email: SequenceStep = { type: 'email', subject: 'Hi', body: 'Hello' };
const steps: SequenceStep[] = [email, { type: 'wait', days: 2 }, email];
const enrollment = { id: 'e1', sequenceId: 's1', stepIndex: 2 };
const now = new Date('2026-03-04T10:00:00.000Z');

describe('exitChange', () => {
  it('ends an active or paused enrollment with the status of its reason, cancelling its tasks', () => {
    const change = exitChange({ enrollment, steps, reason: 'meeting_booked', now });
    expect(change).toEqual({
      id: 'e1',
      from: { statuses: ['active', 'paused'] },
      set: { status: 'finished', exitReason: 'meeting_booked', exitedAt: now, nextDueAt: null },
      events: [
        {
          enrollmentId: 'e1',
          sequenceId: 's1',
          type: 'exited',
          stepIndex: 0,
          data: { reason: 'meeting_booked', status: 'finished' },
          at: now,
        },
      ],
      cancelOpenTasks: true,
      now,
    });
  });

  it('records an opt-out as an unsubscribe, and holds to the step read when asked', () => {
    const change = exitChange({
      enrollment,
      steps,
      reason: 'unsubscribed',
      now,
      detail: { detail: 'opted out' },
      atStep: true,
    });
    expect(change.from).toEqual({ statuses: ['active', 'paused'], stepIndex: 2 });
    expect(change.set.status).toBe('unsubscribed');
    expect(change.events?.[0]).toMatchObject({
      type: 'unsubscribed',
      data: { reason: 'unsubscribed', detail: 'opted out' },
    });
  });

  it.each([
    ['company_replied', 'stopped'],
    ['removed', 'stopped'],
    ['send_failed', 'stopped'],
    ['suppressed', 'suppressed'],
    ['finished', 'finished'],
  ] as const)('ends one for %s as %s', (reason, status) => {
    expect(exitChange({ enrollment, steps, reason, now }).set.status).toBe(status);
  });

  it('records the event it comes from in place of its own', () => {
    const replied = enrollmentEvent({ enrollment, steps, type: 'replied', data: {}, at: now });
    const change = exitChange({ enrollment, steps, reason: 'replied', now, event: replied });
    expect(change.events).toEqual([replied]);
    expect(replied.stepIndex).toBe(0);
  });
});

describe('enrollmentEvent', () => {
  it('has no step before the first touch, unless told one', () => {
    const first = { ...enrollment, stepIndex: 0 };
    expect(
      enrollmentEvent({ enrollment: first, steps, type: 'launched', data: {}, at: now }),
    ).toMatchObject({ stepIndex: null });
    expect(
      enrollmentEvent({ enrollment: first, steps, type: 'sent', data: {}, at: now, stepIndex: 0 }),
    ).toMatchObject({ stepIndex: 0 });
  });
});
