import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InboundKind } from '../inbound/inbound-message.types';
import { UID_COLUMN } from '../state/uid-column.transformer';
import type { InboundOutcome, MatchSource } from './intake.types';

/**
 * One message the mailbox read and the intake applied, written by the MailboxIntakeModule only.
 * Unique per (mailbox, uid_validity, uid); a Message-ID is unique among non-duplicates (see the
 * inbound-messages migration).
 */
@Entity({ name: 'inbound_messages' })
export class InboundMessageEntity {
  /** A UUID: the reply's id in the API and in enrollment timelines. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The watcher's mailbox key (`user@host:port/INBOX`), as long as `mailbox_states` allows. */
  @Column({ type: 'varchar', length: 512 })
  mailbox: string;

  @Column({ name: 'uid_validity', type: 'varchar', length: 32 })
  uidValidity: string;

  @Column({ type: 'bigint', transformer: UID_COLUMN })
  uid: number;

  /** Its Message-ID without <>, or null. */
  @Column({ name: 'message_id', type: 'varchar', length: 998, nullable: true })
  messageId: string | null;

  /** The row first applied with the same Message-ID: this one did nothing. */
  @Column({ name: 'duplicate_of', type: 'varchar', length: 36, nullable: true })
  duplicateOf: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: InboundKind;

  /** What applying it did. */
  @Column({ type: 'varchar', length: 16 })
  outcome: InboundOutcome;

  /** Whether it was matched to something Zigral sent or to a prospect. */
  @Column({ type: 'boolean' })
  matched: boolean;

  @Column({ name: 'matched_by', type: 'varchar', length: 32, nullable: true })
  matchedBy: MatchSource | null;

  @Column({ name: 'from_address', type: 'varchar', length: 320, nullable: true })
  fromAddress: string | null;

  @Column({ name: 'from_name', type: 'varchar', length: 255, nullable: true })
  fromName: string | null;

  /** Its Date header. */
  @Column({ name: 'message_date', type: Date, nullable: true })
  messageDate: Date | null;

  @Column({ type: 'text' })
  subject: string;

  /** The new text, quoted history dropped where recognisable. */
  @Column({ type: 'text' })
  text: string;

  /** Only the headers and the first part were read. */
  @Column({ type: 'boolean' })
  truncated: boolean;

  /** An automatic answer's return date (YYYY-MM-DD). */
  @Column({ name: 'return_date', type: 'varchar', length: 10, nullable: true })
  returnDate: string | null;

  @Column({ name: 'outbox_message_id', type: 'varchar', length: 36, nullable: true })
  outboxMessageId: string | null;

  @Column({ name: 'enrollment_id', type: 'varchar', length: 36, nullable: true })
  enrollmentId: string | null;

  @Column({ name: 'sequence_id', type: 'varchar', length: 36, nullable: true })
  sequenceId: string | null;

  /** The job whose send it answers (a job's email, not a sequence touch). */
  @Column({ name: 'job_id', type: 'varchar', length: 128, nullable: true })
  jobId: string | null;

  @Column({ name: 'prospect_id', type: 'varchar', length: 128, nullable: true })
  prospectId: string | null;

  /** What the reply wants (interested, not now, …): filled by an intent classifier, else null. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  intent: string | null;

  /** Who set `intent` (`llm`, `rules`, `user`…). */
  @Column({ name: 'intent_source', type: 'varchar', length: 32, nullable: true })
  intentSource: string | null;

  /** A delivery report's status code (`5.1.1`). */
  @Column({ name: 'delivery_status', type: 'varchar', length: 16, nullable: true })
  deliveryStatus: string | null;

  @Column({ name: 'delivery_recipient', type: 'varchar', length: 320, nullable: true })
  deliveryRecipient: string | null;

  @Column({ name: 'delivery_diagnostic', type: 'varchar', length: 500, nullable: true })
  deliveryDiagnostic: string | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  /** When its effects were all applied; null while they are under way (or were cut by a crash). */
  @Column({ name: 'applied_at', type: Date, nullable: true })
  appliedAt: Date | null;
}
