import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto } from '../../../common/dto/page-query.dto';
import {
  IMPORT_STATUSES,
  type ImportStatus,
  type ProspectImportEntity,
} from '../import/progress/prospect-import.entity';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A CSV import, while it runs or after it ended: GET /prospects/imports/{id}. */
export class ImportStatusDto {
  /** The import's id: the `import_id` sent with the upload, or the server's. @example 0b7c6f0e-3f4a-4d1e-9c2b-8a5e6d7f1a2b */
  id: string;
  /**
   * `running`; or how it ended: `completed`, `cancelled` (POST …/cancel: the batches written
   * before it are kept), `failed` (`error` says why: a malformed CSV, a refused upload, a client
   * that went away), `interrupted` (the service stopped during it).
   */
  @ApiProperty({ enum: IMPORT_STATUSES, example: 'running' })
  status: ImportStatus;
  /** The source stored on new prospects. @example apollo-2026-11 */
  source: string;
  /** Data rows read so far (saved about every second). @example 42000 */
  rows_read: number;
  /** Rows written so far (inserted + updated), whole batches of 2,000. @example 40000 */
  rows_written: number;
  /** New prospects so far. @example 39210 */
  rows_inserted: number;
  /** Rows merged into an existing prospect so far. @example 790 */
  rows_updated: number;
  /** Rows not stored (no usable name or email) so far. @example 12 */
  rows_rejected: number;
  /** Values of stored rows left out or cleaned so far. @example 31 */
  warnings: number;
  /** A cancel was asked for; the import stops before its next batch. @example false */
  cancel_requested: boolean;
  /** Why a failed or interrupted import stopped; null otherwise. @example null */
  error: string | null;
  /** ISO-8601. @example 2026-11-24T10:00:00.000Z */
  started_at: string;
  /** When the counts were last saved, ISO-8601. @example 2026-11-24T10:00:21.000Z */
  updated_at: string;
  /** When it ended, ISO-8601; null while running. @example null */
  finished_at: string | null;

  static from(entity: ProspectImportEntity): ImportStatusDto {
    return {
      id: entity.id,
      status: entity.status,
      source: entity.source,
      rows_read: entity.rowsRead,
      rows_written: entity.rowsInserted + entity.rowsUpdated,
      rows_inserted: entity.rowsInserted,
      rows_updated: entity.rowsUpdated,
      rows_rejected: entity.rowsRejected,
      warnings: entity.warnings,
      cancel_requested: entity.cancelRequested,
      error: entity.error,
      started_at: entity.startedAt.toISOString(),
      updated_at: entity.updatedAt.toISOString(),
      finished_at: iso(entity.finishedAt),
    };
  }
}

/** The latest imports, newest first: GET /prospects/imports. */
export class ImportListDto {
  imports: ImportStatusDto[];

  static from(entities: ProspectImportEntity[]): ImportListDto {
    return { imports: entities.map((entity) => ImportStatusDto.from(entity)) };
  }
}

/** Options of GET /prospects/imports: a page of the latest imports, newest first. */
export class ListImportsQueryDto extends PageQueryDto {}
