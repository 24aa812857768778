import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExportFormat } from './utils/export-file-name.util';

export const EXPORT_KINDS = ['spreadsheet', 'google_sheets'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** `pending` while a step writes (or appends); `done` once it finished. */
export type ExportStatus = 'pending' | 'done';

/** A file an export wrote under EXPORT_DIR. */
export interface ExportFile {
  format: ExportFormat;
  /** The name a download gets, e.g. `zigral-<job>-2026-12-03.xlsx`. */
  file_name: string;
  /** The file's name in EXPORT_DIR, generated from the export id (`<id>.xlsx`). */
  stored_name: string;
  bytes: number;
}

/** One export step's output. Indexes: see the create-exports migration. */
@Entity({ name: 'exports' })
export class ExportEntity {
  /** A UUID. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'job_id', type: 'varchar', length: 128 })
  jobId: string;

  /** The step's `{jobId}:{stepIndex}`; unique, so a re-run of the step finds its export. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ExportKind;

  @Column({ type: 'varchar', length: 16 })
  status: ExportStatus;

  @Column({ name: 'row_count', type: 'integer' })
  rowCount: number;

  /** JSON text, portable across SQLite and Postgres; empty for Google Sheets. */
  @Column({ type: 'simple-json' })
  files: ExportFile[];

  @Column({ name: 'spreadsheet_id', type: 'varchar', length: 200, nullable: true })
  spreadsheetId: string | null;

  /** The A1 range Google reported for the appended rows, e.g. `'Zigral'!A2:Q11`. */
  @Column({ name: 'sheet_range', type: 'varchar', length: 255, nullable: true })
  sheetRange: string | null;

  /** When EXPORT_RETENTION_DAYS removed the files from EXPORT_DIR; null while they are there. */
  @Column({ name: 'files_removed_at', type: Date, nullable: true })
  filesRemovedAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
