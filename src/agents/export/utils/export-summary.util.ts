import { nothingToDo } from '../../../orchestrator/agents/nothing-to-do.util';
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

/** The step summary of export.spreadsheet; with no prospects, that the files hold the header only. */
export function spreadsheetSummary(entity: ExportEntity): string {
  const formats = entity.files.map((file) => file.format.toUpperCase()).join(' and ');
  if (entity.rowCount === 0) {
    return nothingToDo(
      'prospects',
      `wrote ${formats} with the header row only (export ${entity.id})`,
    );
  }
  return `Exported ${entity.rowCount} prospects to ${formats} (export ${entity.id})`;
}

/**
 * The step summary of export.google_sheets. `appended`: this run appended (rows, or only the
 * header into an empty tab) rather than finding its rows there already.
 */
export function googleSheetsSummary(entity: ExportEntity, appended: boolean): string {
  const range = entity.sheetRange ?? 'sheet';
  if (entity.rowCount === 0) {
    return nothingToDo(
      'prospects',
      appended
        ? `appended the header row only to Google Sheets (${range})`
        : 'the Google Sheet has its header row already, nothing appended',
    );
  }
  return `${appended ? 'Appended' : 'Already appended'} ${entity.rowCount} prospects to Google Sheets (${range})`;
}
