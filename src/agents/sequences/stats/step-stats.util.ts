import type { EnrollmentEventType } from '../events/enrollment-event.types';
import type { EnrollmentStatus, SequenceStep } from '../sequence.types';

/** How a sequence's step is doing. */
export interface StepStats {
  index: number;
  type: SequenceStep['type'];
  /** Active or paused enrollments at this step now (waiting for it). */
  due: number;
  /** Touches of this step sent (email steps). */
  sent: number;
  /** Replies, bounces, unsubscribes and meetings after this step's touch (the last one received). */
  replied: number;
  bounced: number;
  unsubscribed: number;
  meeting_booked: number;
  /** Enrollments that went past this step (its touch sent, its task done, its wait over). */
  finished: number;
  /** replied / sent, for an email step that sent anything; null otherwise. */
  reply_rate: number | null;
}

/** Enrollments counted by the step they are at and their status. */
export interface EnrollmentsAtStep {
  stepIndex: number;
  status: EnrollmentStatus;
  count: number;
}

/** Timeline events counted by the step they concern and their type. */
export interface EventsAtStep {
  stepIndex: number | null;
  type: EnrollmentEventType;
  count: number;
}

const COUNTED = ['sent', 'replied', 'bounced', 'unsubscribed', 'meeting_booked'] as const;

/**
 * The counts of each step, from the enrollments' places and the timeline: `due` and `finished`
 * from where enrollments are (at the step, or past it), the rest from the events of the step.
 * An enrollment that ended stays at the step it was at, so it counts as past the steps before.
 */
export function stepStats(input: {
  steps: readonly SequenceStep[];
  enrollments: readonly EnrollmentsAtStep[];
  events: readonly EventsAtStep[];
}): StepStats[] {
  return input.steps.map((step, index) => {
    const at = (filter: (row: EnrollmentsAtStep) => boolean) =>
      input.enrollments.filter(filter).reduce((sum, row) => sum + row.count, 0);
    const events = Object.fromEntries(
      COUNTED.map((type) => [
        type,
        input.events
          .filter((row) => row.stepIndex === index && row.type === type)
          .reduce((sum, row) => sum + row.count, 0),
      ]),
    ) as Record<(typeof COUNTED)[number], number>;
    return {
      index,
      type: step.type,
      due: at(
        (row) => row.stepIndex === index && (row.status === 'active' || row.status === 'paused'),
      ),
      ...events,
      finished: at((row) => row.stepIndex > index),
      reply_rate:
        step.type === 'email' && events.sent > 0
          ? Math.round((events.replied / events.sent) * 1000) / 1000
          : null,
    };
  });
}
