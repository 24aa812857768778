import type { ReplyIntent } from '../intent/reply-intent.types';

/** A classified reply, as the intake hands it to the notifier. */
export interface ReplySummary {
  /** The stored reply's id. */
  replyId: string;
  intent: ReplyIntent;
  /** The sender's address. */
  from: string;
  subject: string;
  /** The reply's new text; the webhook gets its first REPLY_SNIPPET_LENGTH characters. */
  text: string;
  receivedAt: Date;
  prospectId: string | null;
  enrollmentId: string | null;
  sequenceId: string | null;
  jobId: string | null;
}

/** The JSON body POSTed to REPLY_WEBHOOK_URL. */
export interface ReplyWebhookPayload {
  reply_id: string;
  intent: ReplyIntent;
  from: string;
  subject: string;
  /** At most REPLY_SNIPPET_LENGTH characters, whitespace collapsed, `…` when cut. */
  snippet: string;
  /** ISO 8601. */
  received_at: string;
  prospect_id: string | null;
  enrollment_id: string | null;
  sequence_id: string | null;
  job_id: string | null;
}
