/** The mailbox intake's own types: where a message came from, what it matched, what it did. */

/** Where the watcher found a message: unique per folder incarnation. */
export interface InboundKey {
  mailbox: string;
  uidValidity: string;
  uid: number;
}

/**
 * What the caller knows beyond the message: `outboxId`, the outbox row a VERP-tagged recipient
 * names (the watcher or reader reads it with `parseVerpTag` of src/agents/email/utils/verp.util.ts
 * and passes it here). Used after the Message-ID matches, before the addresses.
 */
export interface MatchHints {
  outboxId?: string;
}

/** How a message was matched, strongest first. */
export const MATCH_SOURCES = [
  'in_reply_to',
  'original_message_id',
  'verp',
  'recipient',
  'sender',
] as const;
export type MatchSource = (typeof MATCH_SOURCES)[number];

/** What a message was matched to; every id null when nothing was found. */
export interface InboundMatch {
  by: MatchSource | null;
  outboxMessageId: string | null;
  enrollmentId: string | null;
  sequenceId: string | null;
  jobId: string | null;
  prospectId: string | null;
  /** The address Zigral wrote to (the outbox row's, or the prospect's). */
  address: string | null;
}

export const NO_MATCH: InboundMatch = {
  by: null,
  outboxMessageId: null,
  enrollmentId: null,
  sequenceId: null,
  jobId: null,
  prospectId: null,
  address: null,
};

/** What applying a message did. */
export const INBOUND_OUTCOMES = [
  'replied',
  'out_of_office',
  'bounced',
  'delayed',
  'unsubscribed',
  'none',
  'duplicate',
] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];
