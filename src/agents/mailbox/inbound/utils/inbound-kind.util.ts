import type { DeliveryReport, InboundKind } from '../inbound-message.types';
import { HeaderField, headerValue, mainValue } from './mime-parts.util';
import { isListMessage } from './auto-reply.util';

/** Subject prefixes of answers: English, German, Scandinavian, Dutch, Italian, Spanish, French. */
const REPLY_SUBJECT =
  /^\s*(?:\[[^\]]*\]\s*)?(?:re|aw|sv|vs|antw|ant|r|rv|rif|réf|ref|odp|ynt)\s*(?:\[\d+\])?\s*:/i;
/** Senders that are machines, never people. */
const MACHINE_SENDER =
  /^(?:mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)(?:[+-][^@]*)?@/i;

/** Whether a subject starts with an answer's prefix (`Re:`, `AW:`, `SV:`, `RV:`...). */
export function hasReplySubject(subject: string): boolean {
  return REPLY_SUBJECT.test(subject);
}

/** Whether a message answers something: In-Reply-To, References, or a reply subject prefix. */
export function hasReplyMarkers(input: {
  inReplyTo: string | null;
  references: string[];
  subject: string;
}): boolean {
  return input.inReplyTo !== null || input.references.length > 0 || hasReplySubject(input.subject);
}

/** Whether a sender address is a machine (mailer-daemon, postmaster, no-reply, bounces). */
export function isMachineSender(address: string | null): boolean {
  return address === null || MACHINE_SENDER.test(address);
}

/** Whether a message is bulk mail: list headers, or Precedence bulk / list. */
export function isBulkMail(header: HeaderField[]): boolean {
  const precedence = mainValue(headerValue(header, 'precedence'));
  return isListMessage(header) || precedence === 'bulk' || precedence === 'list';
}

/** What the reader found out about a message, each from its own util. */
export interface KindSignals {
  /** The message is an RFC 3464 report (by content type), whether or not its report was readable. */
  isDeliveryReport: boolean;
  delivery: DeliveryReport | null;
  isAutoReply: boolean;
  isOptOut: boolean;
  hasReplyMarkers: boolean;
  isBulk: boolean;
  isMachineSender: boolean;
}

/**
 * A message's kind, in this order: a delivery report by its severity (one without a readable
 * status part is `other`, never guessed from its wording); an automatic answer; then only a
 * person's message goes on — a machine sender, or bulk mail without reply markers, is `other`
 * (a newsletter's footer says "unsubscribe" too); a person asking to be removed is `opt_out`;
 * anything else from a person is a `reply`, markers or not: the intake decides by sender.
 */
export function classifyInbound(signals: KindSignals): InboundKind {
  if (signals.isDeliveryReport) {
    if (signals.delivery?.severity === 'permanent') return 'bounce';
    if (signals.delivery?.severity === 'transient') return 'delayed';
    return 'other';
  }
  if (signals.isAutoReply) return 'auto_reply';
  if (signals.isMachineSender) return 'other';
  if (signals.isBulk && !signals.hasReplyMarkers) return 'other';
  return signals.isOptOut ? 'opt_out' : 'reply';
}
