import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EnrollmentEventType } from './enrollment-event.types';

/** One entry of an enrollment's timeline. Indexes: see the sequence-runs migration. */
@Entity({ name: 'sequence_enrollment_events' })
export class EnrollmentEventEntity {
  /** Increasing: the order of events of the same instant. */
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'enrollment_id', type: 'varchar', length: 36 })
  enrollmentId: string;

  @Column({ name: 'sequence_id', type: 'varchar', length: 36 })
  sequenceId: string;

  @Column({ type: 'varchar', length: 32 })
  type: EnrollmentEventType;

  /**
   * The step it concerns: the email step sent, the task done; for a reply, bounce, unsubscribe
   * or meeting, the email step the prospect last received (what the per-step counts attribute
   * it to). Null when none.
   */
  @Column({ name: 'step_index', type: 'integer', nullable: true })
  stepIndex: number | null;

  /** JSON text: the event's details (touch index, outbox id, reason, note…). */
  @Column({ type: 'simple-json' })
  data: Record<string, unknown>;

  @Column()
  at: Date;
}
