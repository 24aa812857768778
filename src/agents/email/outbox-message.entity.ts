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

/** One drafted email and its sending state. Indexes: see the create-email migration. */
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

  /** `{send step key}:{prospect id}`, set when sending starts: the message's exactly-once key. */
  @Column({ name: 'send_key', type: 'varchar', length: 300, nullable: true })
  sendKey: string | null;

  /** The Message-ID header, derived from the send key. */
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true })
  messageId: string | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;

  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt: Date | null;
}
