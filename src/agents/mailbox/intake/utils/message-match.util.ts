import type { InboundMessage } from '../../inbound/inbound-message.types';
import type { InboundMatch, MatchSource } from '../intake.types';

/** A Message-ID a message refers to, and what kind of reference it is. */
export interface ThreadReference {
  id: string;
  by: Extract<MatchSource, 'in_reply_to' | 'original_message_id'>;
}

/** The outbox fields a match is made of. */
export interface MatchableOutboxRow {
  id: string;
  messageId: string | null;
  enrollmentId: string | null;
  sequenceId: string | null;
  jobId: string;
  prospectId: string;
  to: string;
}

/** A Message-ID without its angle brackets and spaces; null when nothing is left. */
export function bareMessageId(value: string | null | undefined): string | null {
  const bare = (value ?? '')
    .trim()
    .replace(/^<+|>+$/g, '')
    .trim();
  return bare.length > 0 ? bare : null;
}

/**
 * The Message-IDs a message refers to, in the order they are tried: In-Reply-To, then References
 * newest first, then a delivery report's original Message-ID; each once, without <>.
 */
export function threadReferences(
  message: Pick<InboundMessage, 'inReplyTo' | 'references' | 'delivery'>,
): ThreadReference[] {
  const found: ThreadReference[] = [];
  const add = (value: string | null | undefined, by: ThreadReference['by']) => {
    const id = bareMessageId(value);
    if (id && !found.some((entry) => entry.id === id)) found.push({ id, by });
  };
  add(message.inReplyTo, 'in_reply_to');
  for (const reference of [...message.references].reverse()) add(reference, 'in_reply_to');
  add(message.delivery?.originalMessageId, 'original_message_id');
  return found;
}

/** How the outbox stores a Message-ID (`<…>`, as the sender writes it), and bare for safety. */
export function storedForms(ids: readonly string[]): string[] {
  return ids.flatMap((id) => [`<${id}>`, id]);
}

/** The first reference (in the order tried) that one of `rows` was sent with, as a match. */
export function matchByReference(
  references: readonly ThreadReference[],
  rows: readonly MatchableOutboxRow[],
): InboundMatch | undefined {
  for (const reference of references) {
    const row = rows.find((candidate) => bareMessageId(candidate.messageId) === reference.id);
    if (row) return matchOfOutboxRow(row, reference.by);
  }
  return undefined;
}

/**
 * A match on an outbox row: its enrollment and sequence for a sequence touch, its job for a job's
 * email (a touch's job is the sequence's launch or run, not what the reply answers).
 */
export function matchOfOutboxRow(row: MatchableOutboxRow, by: MatchSource): InboundMatch {
  return {
    by,
    outboxMessageId: row.id,
    enrollmentId: row.enrollmentId,
    sequenceId: row.sequenceId,
    jobId: row.enrollmentId ? null : row.jobId,
    prospectId: row.prospectId,
    address: row.to.trim().toLowerCase(),
  };
}

/**
 * The address that names the prospect when no reference matched: a delivery report's failed
 * recipient, or a person's own address (never a report's sender, the mailer daemon).
 */
export function addressToMatch(
  message: Pick<InboundMessage, 'kind' | 'from' | 'delivery'>,
): { address: string; by: Extract<MatchSource, 'recipient' | 'sender'> } | undefined {
  if (message.delivery || message.kind === 'bounce' || message.kind === 'delayed') {
    const recipient = message.delivery?.recipient?.trim().toLowerCase();
    return recipient ? { address: recipient, by: 'recipient' } : undefined;
  }
  const sender = message.from?.address.trim().toLowerCase();
  return sender ? { address: sender, by: 'sender' } : undefined;
}
