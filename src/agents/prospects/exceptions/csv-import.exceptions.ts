import { BadRequestException } from '@nestjs/common';
import { CodedHttpException } from '../../../common/http/coded-http.exception';

/** The file cannot be imported at all: empty, no header, no person column. Nothing was written. */
export class CsvNotImportableException extends BadRequestException {}

/** What a malformed CSV stopped at, and what was imported before it. */
export interface MalformedCsvDetails {
  line?: number;
  reason: string;
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  /** Values of the stored rows left out or cleaned. */
  warnings: number;
}

/**
 * The CSV stops parsing (a quote never closed, …). The rows before it were imported, and the
 * counts say so: fixing the file and sending it again merges instead of duplicating.
 */
export class MalformedCsvException extends CodedHttpException {
  constructor(readonly problem: MalformedCsvDetails) {
    super(
      400,
      'malformed_csv',
      `The CSV is malformed${problem.line ? ` at line ${problem.line}` : ''}: ${problem.reason}. ` +
        `The ${problem.rows} rows before it were processed (${problem.inserted} inserted, ` +
        `${problem.updated} updated, ${problem.skipped} skipped); fix the file and send it again`,
      problem,
    );
  }
}
