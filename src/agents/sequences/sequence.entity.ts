import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SequenceSettings, SequenceStatus, SequenceStep } from './sequence.types';

/** A sequence definition: ordered steps and settings. Indexes: see the sequences migration. */
@Entity({ name: 'sequences' })
export class SequenceEntity {
  /** A UUID. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** JSON text, as the API shows the steps. */
  @Column({ type: 'simple-json' })
  steps: SequenceStep[];

  /** JSON text, every setting with its default filled in. */
  @Column({ type: 'simple-json' })
  settings: SequenceSettings;

  @Column({ type: 'varchar', length: 16 })
  status: SequenceStatus;

  /** The job whose repeating `sequences.run` step schedules it; null before its first run. */
  @Column({ name: 'run_job_id', type: 'varchar', length: 128, nullable: true })
  runJobId: string | null;

  /** The job of its latest launch (drafts, review, run); null before the first. */
  @Column({ name: 'launch_job_id', type: 'varchar', length: 128, nullable: true })
  launchJobId: string | null;

  /** 1 when created, one more on each change. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
