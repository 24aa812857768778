import { ApiProperty } from '@nestjs/swagger';
import { INBOUND_KINDS, type InboundKind } from '../../intake/inbound-kinds';
import type { InboundMessageEntity } from '../../intake/inbound-message.entity';
import {
  INBOUND_OUTCOMES,
  MATCH_SOURCES,
  type InboundOutcome,
  type MatchSource,
} from '../../intake/intake.types';
import type { ReplyPage } from '../replies.service';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A message the mailbox received: a reply, an automatic answer, a delivery report, … */
export class ReplyDto {
  /** Also `inbound_message_id` in enrollment timelines. @example 6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f */
  id: string;
  /**
   * reply (a person's answer), auto_reply (out of office), bounce (a permanent delivery
   * failure, 5.x.x), delayed (transient, 4.x.x), opt_out (asks to be removed), other.
   */
  @ApiProperty({ enum: INBOUND_KINDS, example: 'reply' })
  kind: InboundKind;
  /**
   * What it did: replied (its enrollment ended; or listed for a job's email), out_of_office (the
   * next touch waits), bounced (address suppressed, enrollment ended), delayed (noted on the
   * outbox message), unsubscribed, none, duplicate (a message applied before, delivered again).
   */
  @ApiProperty({ enum: INBOUND_OUTCOMES, example: 'replied' })
  outcome: InboundOutcome;
  /** Whether it was matched to an email Zigral sent or to a prospect. @example true */
  matched: boolean;
  /**
   * How: in_reply_to (its In-Reply-To or References), original_message_id (a delivery report's),
   * verp (the tagged return address), recipient (a report's failed address), sender (its From).
   */
  @ApiProperty({ enum: MATCH_SOURCES, nullable: true, example: 'in_reply_to' })
  matched_by: MatchSource | null;
  /** For a duplicate: the message first applied with the same Message-ID. */
  @ApiProperty({ type: String, nullable: true, example: null })
  duplicate_of: string | null;
  /** Its Message-ID, without <>. @example CAF=abc123@mail.nordlicht.example */
  @ApiProperty({ type: String, nullable: true })
  message_id: string | null;
  /** @example anna.beispielmann@nordlicht.example */
  @ApiProperty({ type: String, nullable: true })
  from_address: string | null;
  /** @example Anna Beispielmann */
  @ApiProperty({ type: String, nullable: true })
  from_name: string | null;
  /** Its Date header, ISO-8601. */
  @ApiProperty({ type: String, nullable: true, example: '2026-03-27T14:03:00.000Z' })
  date: string | null;
  /** @example "Re: Anna, a quick idea for Nordlicht Software" */
  subject: string;
  /** The new text (quoted history and signature dropped where recognisable). @example Sounds good, call me on Thursday. */
  text: string;
  /** Only the start of a large message was read. @example false */
  truncated: boolean;
  /** For an automatic answer: the return date it names (YYYY-MM-DD). */
  @ApiProperty({ type: String, nullable: true, example: null })
  return_date: string | null;
  /** The outbox message it answers or reports on. */
  @ApiProperty({ type: String, nullable: true, example: null })
  outbox_message_id: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  enrollment_id: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  sequence_id: string | null;
  /** The job whose email it answers (a job's send step; null for a sequence touch). */
  @ApiProperty({ type: String, nullable: true, example: null })
  job_id: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  prospect_id: string | null;
  /** What the reply wants, once an intent classifier labelled it; else null. */
  @ApiProperty({ type: String, nullable: true, example: null })
  intent: string | null;
  /** Who labelled the intent. */
  @ApiProperty({ type: String, nullable: true, example: null })
  intent_source: string | null;
  /** A delivery report's status code. */
  @ApiProperty({ type: String, nullable: true, example: null })
  delivery_status: string | null;
  /** A delivery report's failed address. */
  @ApiProperty({ type: String, nullable: true, example: null })
  delivery_recipient: string | null;
  /** A delivery report's diagnostic. */
  @ApiProperty({ type: String, nullable: true, example: null })
  delivery_diagnostic: string | null;
  /** When it was received, ISO-8601. */
  received_at: string;

  static from(row: InboundMessageEntity): ReplyDto {
    return {
      id: row.id,
      kind: row.kind,
      outcome: row.outcome,
      matched: row.matched,
      matched_by: row.matchedBy,
      duplicate_of: row.duplicateOf,
      message_id: row.messageId,
      from_address: row.fromAddress,
      from_name: row.fromName,
      date: iso(row.messageDate),
      subject: row.subject,
      text: row.text,
      truncated: row.truncated,
      return_date: row.returnDate,
      outbox_message_id: row.outboxMessageId,
      enrollment_id: row.enrollmentId,
      sequence_id: row.sequenceId,
      job_id: row.jobId,
      prospect_id: row.prospectId,
      intent: row.intent,
      intent_source: row.intentSource,
      delivery_status: row.deliveryStatus,
      delivery_recipient: row.deliveryRecipient,
      delivery_diagnostic: row.deliveryDiagnostic,
      received_at: row.createdAt.toISOString(),
    };
  }
}

/** One page of received messages, newest first. */
export class ReplyPageDto {
  items: ReplyDto[];
  /** @example 42 */
  total: number;
  /** @example 0 */
  skip: number;
  /** @example 20 */
  limit: number;

  static from(page: ReplyPage): ReplyPageDto {
    return { ...page, items: page.items.map((row) => ReplyDto.from(row)) };
  }
}
