import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EnrollmentSource, EnrollmentStatus } from './sequence.types';

/**
 * A prospect going through a sequence. Indexes (see the sequences migration): at most one active
 * or paused enrollment per prospect and sequence; due work by (status, next_due_at).
 */
@Entity({ name: 'sequence_enrollments' })
export class SequenceEnrollmentEntity {
  /** A UUID. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'sequence_id', type: 'varchar', length: 36 })
  sequenceId: string;

  @Column({ name: 'prospect_id', type: 'varchar', length: 36 })
  prospectId: string;

  @Column({ type: 'varchar', length: 16 })
  status: EnrollmentStatus;

  /** The step the enrollment is at (0: the first touch). */
  @Column({ name: 'step_index', type: 'integer' })
  stepIndex: number;

  /** When the current step is due; null until the launch schedules it, and once it exited. */
  @Column({ name: 'next_due_at', type: Date, nullable: true })
  nextDueAt: Date | null;

  /** Why it ended (`stopped`, `replied`, …); null while active or paused. */
  @Column({ name: 'exit_reason', type: 'varchar', length: 32, nullable: true })
  exitReason: string | null;

  @Column({ name: 'exited_at', type: Date, nullable: true })
  exitedAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  source: EnrollmentSource;

  /** When a launch's approval scheduled its first touch; null while it waits for a launch. */
  @Column({ name: 'launched_at', type: Date, nullable: true })
  launchedAt: Date | null;

  /** The launch's approval covered its follow-ups (the sequence does not review them). */
  @Column({ name: 'follow_ups_approved', type: 'boolean', default: false })
  followUpsApproved: boolean;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
