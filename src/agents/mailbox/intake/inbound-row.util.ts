import type { InboundMessage } from '../inbound/inbound-message.types';
import type { InboundMessageEntity } from './inbound-message.entity';
import type { InboundKey, InboundMatch } from './intake.types';
import { reactionOf } from './utils/reaction.util';
import { bareMessageId } from './utils/message-match.util';

const cut = (value: string | null | undefined, length: number) =>
  value == null ? null : value.slice(0, length);

/**
 * The row of a message as first received: what it is, what it matched, and the outcome its
 * reaction will have (`applied_at` null until the effects are done). A delivery report's
 * recipient is the failed address, else the address the matched message went to.
 */
export function inboundRow(input: {
  id: string;
  key: InboundKey;
  message: InboundMessage;
  match: InboundMatch;
  now: Date;
}): InboundMessageEntity {
  const { message, match } = input;
  const delivery = message.delivery;
  const isReport = delivery !== null || message.kind === 'bounce' || message.kind === 'delayed';
  const deliveryRecipient = isReport ? (delivery?.recipient ?? match.address) : null;
  const fromAddress = message.from?.address.trim().toLowerCase() || null;
  const reaction = reactionOf({
    kind: message.kind,
    match,
    fromAddress,
    delivery: {
      status: delivery?.status ?? null,
      recipient: deliveryRecipient,
      diagnostic: delivery?.diagnostic ?? null,
    },
  });
  return {
    id: input.id,
    mailbox: input.key.mailbox,
    uidValidity: input.key.uidValidity,
    uid: input.key.uid,
    messageId: cut(bareMessageId(message.messageId), 998),
    duplicateOf: null,
    kind: message.kind,
    outcome: reaction.outcome,
    matched: match.by !== null,
    matchedBy: match.by,
    fromAddress: cut(fromAddress, 320),
    fromName: cut(message.from?.name, 255),
    messageDate: message.date && !Number.isNaN(message.date.getTime()) ? message.date : null,
    subject: message.subject,
    text: message.text,
    truncated: message.truncated,
    returnDate: message.kind === 'auto_reply' ? cut(message.returnDate, 10) : null,
    outboxMessageId: match.outboxMessageId,
    enrollmentId: match.enrollmentId,
    sequenceId: match.sequenceId,
    jobId: match.jobId,
    prospectId: match.prospectId,
    intent: null,
    intentSource: null,
    deliveryStatus: cut(delivery?.status, 16),
    deliveryRecipient: cut(deliveryRecipient, 320),
    deliveryDiagnostic: cut(delivery?.diagnostic, 500),
    createdAt: input.now,
    appliedAt: null,
  };
}

/** The record of a message whose Message-ID was applied already (as `original`): it does nothing. */
export function duplicateRow(input: {
  id: string;
  key: InboundKey;
  original: InboundMessageEntity;
  now: Date;
}): InboundMessageEntity {
  const { original } = input;
  return {
    ...original,
    id: input.id,
    mailbox: input.key.mailbox,
    uidValidity: input.key.uidValidity,
    uid: input.key.uid,
    duplicateOf: original.id,
    outcome: 'duplicate',
    createdAt: input.now,
    appliedAt: input.now,
  };
}
