/**
 * A drafted email as agents pass it through the job state (`state.drafts` is a list of these):
 * what email.draft writes, and what email.send and the exports read. The outbox message with
 * the same `id` holds the current text (it may be edited before approval) and status; both
 * email.send and the exports use that, and leave out a draft no longer in the outbox.
 */
export interface DraftInState {
  /** The outbox message id. */
  id: string;
  prospect_id: string;
  /** Recipient address. */
  to: string;
  /** Recipient name. */
  name?: string;
  subject: string;
  body: string;
  /**
   * The prospect's fields left out of the draft because nothing usable was left once a
   * spreadsheet formula, link or markup was taken out (`title`, `company.name`…); only when any.
   */
  omitted_fields?: string[];
  /** The fields the draft used only the plain text of (`=HYPERLINK("…","CEO")` → "CEO"). */
  cleaned_fields?: string[];
}

/** What email.send writes for each draft it handled (`state.sent`). */
export interface SentInState {
  /** The outbox message id. */
  id: string;
  prospect_id: string;
  to: string;
  status: 'sent' | 'skipped' | 'failed';
  /** Why a message was skipped or failed (opted out, suppressed, daily limit reached, SMTP error). */
  reason?: string;
  /** The SMTP Message-ID of a sent message. */
  message_id?: string;
}
