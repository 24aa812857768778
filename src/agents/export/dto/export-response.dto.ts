import { ApiProperty } from '@nestjs/swagger';
import type { ExportEntity, ExportKind, ExportStatus } from '../export.entity';
import { downloadUrl } from '../utils/export-summary.util';
import type { ExportFormat } from '../utils/export-file-name.util';

/** A file an export wrote. */
export class ExportFileDto {
  /** @example xlsx */
  format: ExportFormat;
  /** The name the download gets. @example zigral-3f0c2a9e-2026-12-03.xlsx */
  file_name: string;
  /** @example 7421 */
  bytes: number;
  /** Where to download it. @example /exports/0b6f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f/download?format=xlsx */
  url: string;
}

/** A spreadsheet export or a Google Sheets append. */
export class ExportDto {
  /** @example 0b6f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f */
  id: string;
  /** The job whose step wrote it. @example 3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55 */
  job_id: string;
  /** spreadsheet (files to download) or google_sheets (rows appended to a Google Sheet). */
  kind: ExportKind;
  /** pending while the step runs (or when it stopped half-way), done once it finished. */
  status: ExportStatus;
  /** Prospect rows written (the header not counted). @example 42 */
  rows: number;
  /** The formats written, in order; empty for Google Sheets. @example ["xlsx","csv"] */
  formats: ExportFormat[];
  files: ExportFileDto[];
  /** The Google Sheet appended to. */
  spreadsheet_id: string | null;
  /** The range Google reported for the appended rows. */
  // Not @example: the plugin turns its apostrophes into double quotes.
  @ApiProperty({ example: "'Zigral'!A2:Q43" })
  range: string | null;
  /**
   * When EXPORT_RETENTION_DAYS removed the files (ISO-8601); downloads then answer 410. Null
   * while the files are there.
   */
  files_removed_at: string | null;
  /** ISO-8601. @example 2026-12-03T10:00:00.000Z */
  created_at: string;
  /** ISO-8601; moves when a re-run of the step rewrites the files. @example 2026-12-03T10:00:00.000Z */
  updated_at: string;

  static from(entity: ExportEntity): ExportDto {
    return {
      id: entity.id,
      job_id: entity.jobId,
      kind: entity.kind,
      status: entity.status,
      rows: entity.rowCount,
      formats: entity.files.map((file) => file.format),
      files: entity.files.map((file) => ({
        format: file.format,
        file_name: file.file_name,
        bytes: file.bytes,
        url: downloadUrl(entity.id, file.format),
      })),
      spreadsheet_id: entity.spreadsheetId,
      range: entity.sheetRange,
      files_removed_at: entity.filesRemovedAt?.toISOString() ?? null,
      created_at: entity.createdAt.toISOString(),
      updated_at: entity.updatedAt.toISOString(),
    };
  }
}

/** One page of exports, newest first. */
export class ExportPageDto {
  items: ExportDto[];
  /** @example 3 */
  total: number;
  /** @example 0 */
  skip: number;
  /** @example 20 */
  limit: number;
}
