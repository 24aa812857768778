import type { SentInState } from './email-state.types';
import type { SendLimit } from './utils/daily-limit.util';

/** A touch of a sequence enrollment as the sequences module queues it. */
export interface NewTouch {
  enrollmentId: string;
  /** The touch's place in the enrollment, from 0; unique with the enrollment. */
  touchIndex: number;
  sequenceId: string;
  /** The sequence's launch (or run) job, as every outbox row names a job. */
  jobId: string;
  prospectId: string;
  to: string;
  name: string | null;
  subject: string;
  body: string;
  /** `draft` waits for its own approval; `approved` may be sent when due. */
  status: 'draft' | 'approved';
  /** The Message-ID this touch answers (the previous touch's). */
  inReplyTo?: string | null;
  /** The earlier Message-IDs of the thread, space-separated, newest last. */
  references?: string | null;
}

/** What an enrollment has sent so far, for the threading of its next touch. */
export interface TouchThread {
  /** The Message-IDs of its sent touches, in touch order. */
  messageIds: string[];
  /** The subject of its first sent touch (follow-ups answer it); null when nothing was sent. */
  subject: string | null;
}

/** Sending one touch, when the scheduler finds it due. */
export interface TouchSendRequest {
  /** The touch's outbox message. */
  outboxId: string;
  /** Aborts the pause before sending (EMAIL_PACING_MS); nothing is taken before it ends. */
  signal: AbortSignal;
  /** The sequence's daily cap (UTC day); undefined or null: only EMAIL_DAILY_LIMIT holds. */
  sequenceDailyCap?: number | null;
}

/**
 * Why a touch was held back: a daily limit reached (send it on a later UTC day), or a draft
 * waiting for its own approval. A deferred touch stays sendable, unchanged.
 */
export type TouchDeferral = SendLimit | 'awaiting_approval';

/** What sending one touch did: as a job's message (SentInState), or deferred. */
export interface TouchSendResult extends Omit<SentInState, 'status'> {
  status: SentInState['status'] | 'deferred';
  /** Only with status `deferred`. */
  deferred?: TouchDeferral;
}
