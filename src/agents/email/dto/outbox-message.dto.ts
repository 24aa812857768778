import { ApiProperty } from '@nestjs/swagger';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  type OutboxMessageEntity,
  type OutboxStatus,
} from '../outbox-message.entity';
import type { OutboxPage } from '../outbox.service';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A message in the outbox. */
export class OutboxMessageDto {
  /** @example 0b6f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f */
  id: string;
  /**
   * The job whose email.draft step wrote it, or for a sequence touch the job that queued it (the
   * launch, or the sequence's run). @example 3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55
   */
  job_id: string;
  /** For a sequence touch: its enrollment (null for a job's draft). */
  @ApiProperty({ type: String, nullable: true, example: null })
  enrollment_id: string | null;
  /** For a sequence touch: its place in the enrollment's emails, from 0 (the first touch). */
  @ApiProperty({ type: 'integer', nullable: true, example: null })
  touch_index: number | null;
  /** For a sequence touch: its sequence. */
  @ApiProperty({ type: String, nullable: true, example: null })
  sequence_id: string | null;
  /** @example 7d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6 */
  prospect_id: string;
  /** Recipient address. @example anna.beispielmann@nordlicht.example */
  to: string;
  /** Recipient name. @example Anna Beispielmann */
  name: string | null;
  /** @example "Anna, a quick idea for Nordlicht Software" */
  subject: string;
  /** Plain text; the unsubscribe line is added when it is sent. */
  body: string;
  /**
   * draft (editable), approved (its send step runs, or a touch waits for its time), sending,
   * sent, skipped or failed. @example draft
   */
  status: OutboxStatus;
  /** Why it was skipped or failed. @example opted out */
  reason: string | null;
  /** The Message-ID header it was sent with. @example <3a9f…@acme.example> */
  message_id: string | null;
  /**
   * What a delivery report said after it was sent: `delayed` (the receiving server still tries;
   * nothing is resent) or `bounced`; null when none came.
   */
  @ApiProperty({ enum: DELIVERY_STATUSES, nullable: true, example: null })
  delivery_status: DeliveryStatus | null;
  /** The report's status code and diagnostic. */
  @ApiProperty({ type: String, nullable: true, example: null })
  delivery_detail: string | null;
  /**
   * Who approved it for sending: the API-key label of whoever approved its job's send step (or
   * the touch); `anonymous` without API_KEYS; null while a draft, when a rule approved it (a
   * sequence without review), or for messages approved before approvers were recorded.
   */
  @ApiProperty({ type: String, nullable: true, example: 'ops-alice' })
  approved_by: string | null;
  /** When it was approved, ISO-8601. */
  @ApiProperty({ type: String, nullable: true, example: '2026-11-24T10:05:00.000Z' })
  approved_at: string | null;
  /** Who last edited its subject or body, like `approved_by`; null when never edited. */
  @ApiProperty({ type: String, nullable: true, example: null })
  edited_by: string | null;
  /** When it was last edited, ISO-8601. */
  @ApiProperty({ type: String, nullable: true, example: null })
  edited_at: string | null;
  /** ISO-8601. */
  created_at: string;
  /** ISO-8601. */
  updated_at: string;
  /** ISO-8601, once sent. */
  sent_at: string | null;

  static from(message: OutboxMessageEntity): OutboxMessageDto {
    return {
      id: message.id,
      job_id: message.jobId,
      enrollment_id: message.enrollmentId,
      touch_index: message.touchIndex,
      sequence_id: message.sequenceId,
      prospect_id: message.prospectId,
      to: message.to,
      name: message.name,
      subject: message.subject,
      body: message.body,
      status: message.status,
      reason: message.reason,
      message_id: message.messageId,
      delivery_status: message.deliveryStatus ?? null,
      delivery_detail: message.deliveryDetail ?? null,
      approved_by: message.approvedBy ?? null,
      approved_at: iso(message.approvedAt ?? null),
      edited_by: message.editedBy ?? null,
      edited_at: iso(message.editedAt ?? null),
      created_at: message.createdAt.toISOString(),
      updated_at: message.updatedAt.toISOString(),
      sent_at: iso(message.sentAt),
    };
  }
}

/** One page of outbox messages, newest first. */
export class OutboxPageDto {
  items: OutboxMessageDto[];
  /** @example 42 */
  total: number;
  /** @example 0 */
  skip: number;
  /** @example 20 */
  limit: number;

  static from(page: OutboxPage): OutboxPageDto {
    return { ...page, items: page.items.map((message) => OutboxMessageDto.from(message)) };
  }
}
