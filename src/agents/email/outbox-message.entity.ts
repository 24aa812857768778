import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a message is in its life: drafted, approved for sending, then sent, skipped or failed. */
export const OUTBOX_STATUSES = [
  'draft',
  'approved',
  'sending',
  'sent',
  'skipped',
  'failed',
] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What a delivery report said of a sent message. */
export const DELIVERY_STATUSES = ['delayed', 'bounced'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One drafted email and its sending state: a job's draft, or a touch of a sequence enrollment
 * (then `enrollmentId`, `touchIndex` and `sequenceId` are set). Indexes: see the create-email and
 * outbox-touches migrations.
 */
@Entity({ name: 'outbox_messages' })
export class OutboxMessageEntity {
  /** A UUID; also what an unsubscribe token names. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'job_id', type: 'varchar', length: 128 })
  jobId: string;

  /** The idempotency key of the draft step that wrote it; unique with the prospect. */
  @Column({ name: 'step_key', type: 'varchar', length: 160 })
  stepKey: string;

  @Column({ name: 'prospect_id', type: 'varchar', length: 128 })
  prospectId: string;

  @Column({ name: 'to_address', type: 'varchar', length: 320 })
  to: string;

  @Column({ name: 'to_name', type: 'varchar', length: 255, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16 })
  status: OutboxStatus;

  /** Why it was skipped or failed. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  /**
   * The message's exactly-once key, set when sending starts: `{send step key}:{prospect id}` for a
   * job's draft, `{enrollment id}:{touch index}` for a sequence touch.
   */
  @Column({ name: 'send_key', type: 'varchar', length: 300, nullable: true })
  sendKey: string | null;

  /** The Message-ID header, derived from the send key. */
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true })
  messageId: string | null;

  /** The sequence enrollment this touch belongs to; null for a job's draft. */
  @Column({ name: 'enrollment_id', type: 'varchar', length: 64, nullable: true })
  enrollmentId: string | null;

  /** The touch's place in its enrollment (0: the first email); unique with the enrollment. */
  @Column({ name: 'touch_index', type: 'integer', nullable: true })
  touchIndex: number | null;

  /** The touch's sequence, for its daily cap. */
  @Column({ name: 'sequence_id', type: 'varchar', length: 64, nullable: true })
  sequenceId: string | null;

  /** The Message-ID this message answers (`In-Reply-To`), for a follow-up in a thread. */
  @Column({ name: 'in_reply_to', type: 'varchar', length: 255, nullable: true })
  inReplyTo: string | null;

  /** The `References` header: the thread's earlier Message-IDs, space-separated, newest last. */
  @Column({ name: 'thread_references', type: 'text', nullable: true })
  threadReferences: string | null;

  /**
   * What a delivery report said after it was sent: `delayed` (the server still tries) or
   * `bounced` (it gave up); null when none came. Written by the mailbox intake (recordDelivery).
   */
  @Column({ name: 'delivery_status', type: 'varchar', length: 16, nullable: true })
  deliveryStatus: DeliveryStatus | null;

  /** The report's status code and diagnostic, e.g. `5.1.1 550 No such user`. */
  @Column({ name: 'delivery_detail', type: 'varchar', length: 500, nullable: true })
  deliveryDetail: string | null;

  /**
   * Who approved it for sending: the API-key label of whoever approved its job's send step or
   * the touch itself (`anonymous` without API_KEYS); null when approved by a rule (a sequence
   * without review) or before approvers were recorded.
   */
  @Column({ name: 'approved_by', type: 'varchar', length: 64, nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: Date, nullable: true })
  approvedAt: Date | null;

  /** Who last edited its subject or body (PATCH /outbox/{id}), as `approvedBy`. */
  @Column({ name: 'edited_by', type: 'varchar', length: 64, nullable: true })
  editedBy: string | null;

  @Column({ name: 'edited_at', type: Date, nullable: true })
  editedAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;

  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt: Date | null;
}
