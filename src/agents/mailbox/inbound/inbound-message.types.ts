/**
 * The mailbox's contracts between its parts: the watcher hands over what it fetched
 * (RawInboundMessage), the reader turns it into an InboundMessage (what it is, read from its
 * headers, parts and status codes, never guessed from wording where a code exists), and the
 * intake applies it (replies stored, enrollments ended or paused, addresses suppressed).
 */

/** One message as the watcher fetched it from the mailbox. */
export interface RawInboundMessage {
  /** The mailbox's key: `user@host:port/INBOX`, without any password. */
  mailbox: string;
  /** The folder's UIDVALIDITY (as a decimal string: it may exceed 2^53 on some servers). */
  uidValidity: string;
  uid: number;
  /** The RFC 822 source; only the headers and the first part when `truncated`. */
  source: Buffer;
  /** The message's full size on the server, in bytes. */
  size: number;
  /** True when the message was over IMAP_MAX_MESSAGE_BYTES and only its start was fetched. */
  truncated: boolean;
}

/** What an inbound message is. */
export type InboundKind =
  /** A person's answer to a message (or from an enrolled prospect). */
  | 'reply'
  /** An automatic answer (out of office, vacation): not a reply. */
  | 'auto_reply'
  /** A delivery status notification with a permanent failure (5.x.x). */
  | 'bounce'
  /** A delivery status notification with a transient failure (4.x.x): the server still tries. */
  | 'delayed'
  /** A person asking to be removed ("unsubscribe", "remove me", "bitte austragen", ...). */
  | 'opt_out'
  /** Anything else (a DSN that reports success, a newsletter, spam). */
  | 'other';

/** An RFC 3464 delivery status notification, read from its machine-readable part. */
export interface DeliveryReport {
  /** The worst per-recipient status: `permanent` for 5.x.x, `transient` for 4.x.x, `success` for 2.x.x. */
  severity: 'permanent' | 'transient' | 'success';
  /** The status code, e.g. `5.1.1`. */
  status: string;
  /** The failed recipient (Final-Recipient, else Original-Recipient), lowercased, or null. */
  recipient: string | null;
  /** The Action field: failed, delayed, delivered, relayed, expanded. */
  action: string | null;
  /** The Diagnostic-Code text, at most 500 characters. */
  diagnostic: string | null;
  /** The Message-ID of the message that failed, from the returned headers, without <>. */
  originalMessageId: string | null;
}

/** An inbound message, read and classified. */
export interface InboundMessage {
  /** Its Message-ID without <>, or null when it has none. */
  messageId: string | null;
  from: { address: string; name: string | null } | null;
  /** Every address it was delivered to (To, Cc, Delivered-To, X-Original-To, Envelope-To), lowercased. */
  recipients: string[];
  date: Date | null;
  subject: string;
  /** Message-IDs it answers, without <>: In-Reply-To, then References (newest last). */
  inReplyTo: string | null;
  references: string[];
  /** The new text (quoted history and signature dropped where recognisable), at most 10,000 characters. */
  text: string;
  kind: InboundKind;
  /** For `auto_reply`: the return date found in the text (YYYY-MM-DD), or null. */
  returnDate: string | null;
  /** For `bounce`, `delayed` and a successful DSN: the report. */
  delivery: DeliveryReport | null;
  /** True when only the headers and the first part were read (the message was too large). */
  truncated: boolean;
}
