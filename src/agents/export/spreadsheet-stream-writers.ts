import { stream as excelStream } from 'exceljs';
import { once } from 'node:events';
import { createWriteStream, WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { csvRecords, UTF8_BOM } from './utils/csv.util';
import type { ExportFormat } from './utils/export-file-name.util';
import { EXPORT_HEADERS, ExportCell } from './utils/export-rows.util';
import { addProspectsSheet } from './utils/xlsx-workbook.util';

/** A spreadsheet file written row batch by row batch: memory stays at one batch. */
export interface SpreadsheetStreamWriter {
  add(rows: readonly ExportCell[][]): Promise<void>;
  /** Ends the file; it is complete once this resolves. */
  finish(): Promise<void>;
  /** Stops writing after a failure (the caller removes the file). */
  abort(): void;
}

/** A writer of `format` to the file at `path`, header written. */
export function spreadsheetStreamWriter(
  format: ExportFormat,
  path: string,
): SpreadsheetStreamWriter {
  return format === 'xlsx' ? xlsxStreamWriter(path) : csvStreamWriter(path);
}

/** CSV as `toCsv` writes it (BOM, header, CRLF records), appended to a file stream. */
function csvStreamWriter(path: string): SpreadsheetStreamWriter {
  const file: WriteStream = createWriteStream(path);
  const write = async (text: string) => {
    if (!file.write(text)) await once(file, 'drain');
  };
  const header = write(UTF8_BOM + csvRecords([EXPORT_HEADERS]));
  return {
    add: async (rows) => {
      await header;
      await write(csvRecords(rows));
    },
    finish: async () => {
      await header;
      file.end();
      await finished(file);
    },
    abort: () => file.destroy(),
  };
}

/**
 * XLSX as `buildXlsx` lays it out (one "Prospects" sheet, bold frozen header with a filter,
 * widths, numbers as numbers), through exceljs's streaming writer: each row is committed to the
 * zip stream as it is added, and strings are inline (no shared-strings table kept in memory).
 */
function xlsxStreamWriter(path: string): SpreadsheetStreamWriter {
  const workbook = new excelStream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = addProspectsSheet(workbook);
  return {
    add: (rows) => {
      for (const row of rows) sheet.addRow(row.map((cell) => cell ?? undefined)).commit();
      return Promise.resolve();
    },
    finish: async () => {
      sheet.commit();
      await workbook.commit();
    },
    abort: () => undefined,
  };
}
