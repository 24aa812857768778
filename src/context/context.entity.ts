import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A job's context: its parameters, state, results and errors, as one JSON document. */
@Entity({ name: 'contexts' })
export class ContextEntity {
  @PrimaryColumn({ name: 'job_id', type: 'varchar', length: 128 })
  jobId: string;

  @Column({ name: 'job_type', type: 'varchar', length: 64 })
  jobType: string;

  /** Stored as JSON text, which SQLite and Postgres both hold as `text`. */
  @Column({ name: 'context_data', type: 'simple-json' })
  contextData: Record<string, unknown>;

  /** +1 on every write; the ETag and If-Match checks are built on it. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
