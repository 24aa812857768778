/**
 * A sequence as it is stored and as the API shows it: ordered steps and settings, in the JSON
 * shape of the REST contract (snake_case), so the stored text reads as the API documents it.
 */

export const SEQUENCE_STATUSES = ['active', 'paused'] as const;
export type SequenceStatus = (typeof SEQUENCE_STATUSES)[number];

/** An email written from the step's template: `{{variable}}` placeholders, filled per prospect. */
export interface TemplateEmailStep {
  type: 'email';
  subject: string;
  body: string;
}

/** An email the LLM drafts per prospect (the offline templates without a key). */
export interface DraftedEmailStep {
  type: 'email';
  draft: 'llm';
  instructions?: string;
}

/** A pause before the next step: calendar days, or business days (Monday to Friday). */
export type WaitStep = { type: 'wait'; days: number } | { type: 'wait'; business_days: number };

export const TASK_KINDS = ['call', 'linkedin_connect', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** A manual task for the sales user; the enrollment waits until it is done. */
export interface TaskStep {
  type: 'task';
  kind: TaskKind;
  instructions: string;
}

export type EmailStep = TemplateEmailStep | DraftedEmailStep;
export type SequenceStep = EmailStep | WaitStep | TaskStep;
export const STEP_TYPES = ['email', 'wait', 'task'] as const;

/** Days of the week and the sending window: the schedule's own types (one definition of each). */
export { WEEKDAYS, type SendingWindow, type Weekday } from './schedule/sending-window.util';
import type { SendingWindow } from './schedule/sending-window.util';

export interface SequenceSettings {
  /** IANA zone, used when a prospect's own zone is unknown. */
  time_zone: string;
  window: SendingWindow;
  /** Touches of this sequence per UTC day. */
  daily_cap: number;
  /** Follow-ups wait for their own approval instead of being covered by the launch's. */
  review_follow_ups: boolean;
  /** A prospect in this sequence is in no other sequence at the same time. */
  one_active_sequence_per_prospect: boolean;
  /** A reply from anyone at the prospect's company ends the enrollment. */
  stop_on_company_reply: boolean;
}

export const DEFAULT_SETTINGS: SequenceSettings = {
  time_zone: 'UTC',
  window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
  daily_cap: 50,
  review_follow_ups: false,
  one_active_sequence_per_prospect: true,
  stop_on_company_reply: false,
};

export const ENROLLMENT_STATUSES = [
  'active',
  'paused',
  'finished',
  'replied',
  'bounced',
  'unsubscribed',
  'suppressed',
  'stopped',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** The statuses that hold a prospect's place in a sequence (the partial unique index's). */
export const HOLDING_STATUSES = ['active', 'paused'] as const satisfies readonly EnrollmentStatus[];

/** How an enrollment came about: listed ids, a prospect search, or a job's step. */
export const ENROLLMENT_SOURCES = ['ids', 'filter', 'job'] as const;
export type EnrollmentSource = (typeof ENROLLMENT_SOURCES)[number];
