import { stream as excelStream } from 'exceljs';
import { EventEmitter, once } from 'node:events';
import { createWriteStream, WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { setTimeout as delay } from 'node:timers/promises';
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
  /** Bytes added but not yet taken in by the file (CSV) or the zip (XLSX): what memory holds. */
  bufferedBytes(): number;
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
    bufferedBytes: () => file.writableLength,
  };
}

/** The longest wait for the zip to take in a batch's rows before the next is written (ms). */
const ZIP_DRAIN_WAIT_MS = 5000;

/**
 * The stream the zip reads the sheet's XML from (a readable-stream PassThrough of archiver's).
 * exceljs hands each committed row's XML to it without waiting (its buffer ignores
 * backpressure), so rows written faster than they are deflated pile up there: 88 MB more peak
 * RSS on a 100,000-row export. Undefined when the zip is not reading the sheet.
 */
interface ZipInput extends EventEmitter {
  writableNeedDrain?: boolean;
  _writableState?: { needDrain?: boolean; length?: number };
}

function zipInputOf(sheet: object): ZipInput | undefined {
  // exceljs's WorksheetWriter has `stream` (its buffer), which its typings leave out.
  const buffer = (sheet as { stream?: { pipes?: unknown[] } }).stream;
  const input = buffer?.pipes?.[0];
  return input instanceof EventEmitter ? (input as ZipInput) : undefined;
}

const needsDrain = (input: ZipInput) =>
  input.writableNeedDrain ?? input._writableState?.needDrain === true;

/**
 * XLSX as `buildXlsx` lays it out (one "Prospects" sheet, bold frozen header with a filter,
 * widths, numbers as numbers), through exceljs's streaming writer: each row is committed to the
 * zip stream as it is added, strings are inline (no shared-strings table kept in memory), and
 * the next batch waits until the zip has taken in the last one (see zipInputOf).
 */
function xlsxStreamWriter(path: string): SpreadsheetStreamWriter {
  const workbook = new excelStream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = addProspectsSheet(workbook);
  return {
    add: async (rows) => {
      for (const row of rows) sheet.addRow(row.map((cell) => cell ?? undefined)).commit();
      const input = zipInputOf(sheet);
      if (input && needsDrain(input)) {
        // Bounded: should the zip not be reading this sheet yet, the export goes on regardless.
        const settled = new AbortController();
        const { signal } = settled;
        await Promise.race([
          once(input, 'drain', { signal }),
          delay(ZIP_DRAIN_WAIT_MS, undefined, { signal }),
        ]).finally(() => settled.abort());
      }
    },
    finish: async () => {
      sheet.commit();
      await workbook.commit();
    },
    abort: () => undefined,
    bufferedBytes: () => {
      const input = zipInputOf(sheet);
      return input?._writableState?.length ?? 0;
    },
  };
}
