import type { InboundKind } from '../../inbound/inbound-message.types';
import type { InboundMatch, InboundOutcome } from '../intake.types';

/** What an inbound message does, decided from what it is and what it matched. */
export interface Reaction {
  outcome: InboundOutcome;
  /** The matched enrollment ends for this reason (or, ended already, records the event). */
  exit?: 'replied' | 'bounced' | 'unsubscribed';
  /** The matched enrollment's next touch waits for the person's return. */
  outOfOffice?: boolean;
  /** Addresses to suppress, each with the source the suppression list shows (≤ 32 characters). */
  suppress: { address: string; source: string }[];
  /** The sender asked to be removed: its prospects are opted out and their enrollments end. */
  optOutAddress?: string;
  /** The delivery state the matched outbox message gets. */
  delivery?: { status: 'bounced' | 'delayed'; detail: string };
}

/** The facts of a message a reaction depends on (as stored, so a re-run decides the same). */
export interface ReactionInput {
  kind: InboundKind;
  match: Pick<InboundMatch, 'by' | 'enrollmentId' | 'outboxMessageId' | 'address'>;
  fromAddress: string | null;
  delivery: { status: string | null; recipient: string | null; diagnostic: string | null };
}

const NOTHING: Reaction = { outcome: 'none', suppress: [] };

/**
 * The reaction to a message. Nothing happens to what is not matched, nor to `other`. A reply ends
 * its enrollment (a colleague's answer in the thread too; a reply to a job's email is only listed); an automatic answer postpones it; a
 * permanent failure suppresses the address that failed (also for a job's email) and ends the
 * enrollment; a transient one is only noted on the outbox message; an opt-out suppresses the
 * sender, opts its prospects out and ends the enrollment.
 */
export function reactionOf(input: ReactionInput): Reaction {
  const { match } = input;
  if (match.by === null) return NOTHING;
  const enrollment = match.enrollmentId !== null;
  switch (input.kind) {
    case 'reply':
      return {
        outcome: 'replied',
        ...(enrollment ? { exit: 'replied' as const } : {}),
        suppress: [],
      };
    case 'auto_reply':
      return enrollment ? { outcome: 'out_of_office', outOfOffice: true, suppress: [] } : NOTHING;
    case 'bounce': {
      const address = input.delivery.recipient ?? match.address;
      const status = input.delivery.status ?? '5.0.0';
      return {
        outcome: 'bounced',
        ...(enrollment ? { exit: 'bounced' as const } : {}),
        suppress: address ? [{ address, source: `bounce ${status}`.slice(0, 32) }] : [],
        ...(match.outboxMessageId ? { delivery: deliveryOf('bounced', input.delivery) } : {}),
      };
    }
    case 'delayed':
      return match.outboxMessageId
        ? { outcome: 'delayed', suppress: [], delivery: deliveryOf('delayed', input.delivery) }
        : NOTHING;
    case 'opt_out': {
      const address = input.fromAddress;
      return {
        outcome: 'unsubscribed',
        ...(enrollment ? { exit: 'unsubscribed' as const } : {}),
        suppress: address ? [{ address, source: 'opt_out_reply' }] : [],
        ...(address ? { optOutAddress: address } : {}),
      };
    }
    default:
      return NOTHING;
  }
}

/** The outbox's delivery detail: the status code and the diagnostic, at most 500 characters. */
function deliveryOf(
  status: 'bounced' | 'delayed',
  delivery: ReactionInput['delivery'],
): { status: 'bounced' | 'delayed'; detail: string } {
  const detail = [delivery.status, delivery.diagnostic].filter(Boolean).join(' ');
  return { status, detail: detail.slice(0, 500) };
}
