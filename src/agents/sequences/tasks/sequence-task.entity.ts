import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TaskKind } from '../sequence.types';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * A manual step of a sequence for one enrollment ("call", "LinkedIn connect"), which the
 * enrollment waits on until it is done. Indexes: see the sequence-runs migration.
 */
@Entity({ name: 'sequence_tasks' })
export class SequenceTaskEntity {
  /** A UUID. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'sequence_id', type: 'varchar', length: 36 })
  sequenceId: string;

  @Column({ name: 'enrollment_id', type: 'varchar', length: 36 })
  enrollmentId: string;

  @Column({ name: 'prospect_id', type: 'varchar', length: 36 })
  prospectId: string;

  /** The task step of the sequence; unique with the enrollment. */
  @Column({ name: 'step_index', type: 'integer' })
  stepIndex: number;

  @Column({ type: 'varchar', length: 32 })
  kind: TaskKind;

  @Column({ type: 'text' })
  instructions: string;

  /** open (to do), done, or cancelled (its enrollment ended first). */
  @Column({ type: 'varchar', length: 16 })
  status: TaskStatus;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: Date, nullable: true })
  completedAt: Date | null;
}
