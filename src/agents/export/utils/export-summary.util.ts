import type { ExportEntity } from '../export.entity';
import type { ExportFormat } from './export-file-name.util';

/** Where a file of an export is downloaded. */
export function downloadUrl(exportId: string, format: ExportFormat): string {
  return `/exports/${exportId}/download?format=${format}`;
}

/** What export.spreadsheet writes to `state.export`. */
export interface SpreadsheetExportInState {
  id: string;
  kind: 'spreadsheet';
  formats: ExportFormat[];
  rows: number;
  files: { format: ExportFormat; file_name: string; url: string }[];
}

/** What export.google_sheets writes to `state.export`. */
export interface GoogleSheetsExportInState {
  id: string;
  kind: 'google_sheets';
  rows: number;
  spreadsheet_id: string;
  range: string | null;
}

export function spreadsheetExportState(entity: ExportEntity): SpreadsheetExportInState {
  return {
    id: entity.id,
    kind: 'spreadsheet',
    formats: entity.files.map((file) => file.format),
    rows: entity.rowCount,
    files: entity.files.map((file) => ({
      format: file.format,
      file_name: file.file_name,
      url: downloadUrl(entity.id, file.format),
    })),
  };
}

export function googleSheetsExportState(entity: ExportEntity): GoogleSheetsExportInState {
  return {
    id: entity.id,
    kind: 'google_sheets',
    rows: entity.rowCount,
    spreadsheet_id: entity.spreadsheetId ?? '',
    range: entity.sheetRange,
  };
}
