import type { EnrollmentStatus } from '../sequence.types';

/** What happens to an enrollment from outside: reported by POST /enrollments/{id}/events. */
export const OUTSIDE_EVENT_TYPES = [
  'replied',
  'bounced',
  'unsubscribed',
  'meeting_booked',
] as const;
export type OutsideEventType = (typeof OUTSIDE_EVENT_TYPES)[number];

/** Every entry of an enrollment's timeline. */
export const ENROLLMENT_EVENT_TYPES = [
  'launched',
  'sent',
  'deferred',
  'awaiting_approval',
  'task_created',
  'task_completed',
  'paused',
  'resumed',
  ...OUTSIDE_EVENT_TYPES,
  /** An automatic answer (out of office): the next touch waits for the return (`resume_at`). */
  'out_of_office',
  'exited',
] as const;
export type EnrollmentEventType = (typeof ENROLLMENT_EVENT_TYPES)[number];

/** Why an enrollment ended (`exit_reason`). */
export const EXIT_REASONS = [
  'finished',
  'replied',
  'bounced',
  'unsubscribed',
  'meeting_booked',
  'suppressed',
  'stopped',
  'company_replied',
  'removed',
  'send_failed',
  'no_email',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/**
 * The status an enrollment ends in for each reason: its own status where there is one; a meeting
 * booked is the sequence's goal reached (`finished`); a colleague's reply, a touch removed from
 * the outbox, a send the SMTP server refused and an address gone end it as `stopped`.
 */
export const EXIT_STATUS: Record<ExitReason, EnrollmentStatus> = {
  finished: 'finished',
  replied: 'replied',
  bounced: 'bounced',
  unsubscribed: 'unsubscribed',
  meeting_booked: 'finished',
  suppressed: 'suppressed',
  stopped: 'stopped',
  company_replied: 'stopped',
  removed: 'stopped',
  send_failed: 'stopped',
  no_email: 'stopped',
};

/** An event to record, as the store inserts it. */
export interface NewEnrollmentEvent {
  enrollmentId: string;
  sequenceId: string;
  type: EnrollmentEventType;
  stepIndex: number | null;
  data: Record<string, unknown>;
  at: Date;
}
