import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a CSV import is: `running`, or how it ended. */
export const IMPORT_STATUSES = [
  'running',
  'completed',
  'cancelled',
  'failed',
  'interrupted',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * One CSV import and its counts so far (see the prospect-imports migration). Written only by
 * ImportProgressStore, with raw SQL on the connection; read through TypeORM.
 */
@Entity({ name: 'prospect_imports' })
export class ProspectImportEntity {
  /** A UUID: the client's `import_id`, or the server's. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  status: ImportStatus;

  @Column({ type: 'varchar', length: 64 })
  source: string;

  @Column({ name: 'rows_read', type: 'integer', default: 0 })
  rowsRead: number;

  @Column({ name: 'rows_inserted', type: 'integer', default: 0 })
  rowsInserted: number;

  @Column({ name: 'rows_updated', type: 'integer', default: 0 })
  rowsUpdated: number;

  @Column({ name: 'rows_rejected', type: 'integer', default: 0 })
  rowsRejected: number;

  @Column({ type: 'integer', default: 0 })
  warnings: number;

  @Column({ name: 'cancel_requested', type: 'boolean', default: false })
  cancelRequested: boolean;

  /** Why a failed or interrupted import stopped. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ name: 'started_at' })
  startedAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt: Date | null;

  /** Renewed while the import runs; past it, a running import was left behind. */
  @Column({ name: 'lease_until' })
  leaseUntil: Date;
}
