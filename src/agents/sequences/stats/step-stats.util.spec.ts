import type { SequenceStep } from '../sequence.types';
import { stepStats } from './step-stats.util';

const email: SequenceStep = { type: 'email', subject: 'Hi', body: 'Hello' };
const steps: SequenceStep[] = [
  email,
  { type: 'wait', business_days: 2 },
  email,
  { type: 'task', kind: 'call', instructions: 'Call' },
];

describe('stepStats', () => {
  it('counts who waits at each step, who went past it, and what its touch brought', () => {
    const stats = stepStats({
      steps,
      enrollments: [
        { stepIndex: 0, status: 'active', count: 2 },
        { stepIndex: 2, status: 'active', count: 5 },
        { stepIndex: 2, status: 'paused', count: 1 },
        { stepIndex: 2, status: 'replied', count: 2 },
        { stepIndex: 3, status: 'active', count: 1 },
        { stepIndex: 4, status: 'finished', count: 3 },
      ],
      events: [
        { stepIndex: 0, type: 'sent', count: 12 },
        { stepIndex: 0, type: 'replied', count: 2 },
        { stepIndex: 0, type: 'bounced', count: 1 },
        { stepIndex: 2, type: 'sent', count: 4 },
        { stepIndex: 2, type: 'unsubscribed', count: 1 },
        { stepIndex: 2, type: 'meeting_booked', count: 1 },
        { stepIndex: null, type: 'launched', count: 14 },
      ],
    });
    expect(stats.map((step) => [step.index, step.type, step.due, step.finished])).toEqual([
      [0, 'email', 2, 12],
      [1, 'wait', 0, 12],
      [2, 'email', 6, 4],
      [3, 'task', 1, 3],
    ]);
    expect(stats[0]).toMatchObject({ sent: 12, replied: 2, bounced: 1, reply_rate: 0.167 });
    expect(stats[2]).toMatchObject({
      sent: 4,
      replied: 0,
      unsubscribed: 1,
      meeting_booked: 1,
      reply_rate: 0,
    });
    expect(stats[1].reply_rate).toBeNull();
    expect(stats[3].reply_rate).toBeNull();
  });

  it('has no reply rate for an email step that sent nothing yet', () => {
    expect(stepStats({ steps, enrollments: [], events: [] })[0]).toMatchObject({
      due: 0,
      sent: 0,
      reply_rate: null,
    });
  });
});
