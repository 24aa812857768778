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

/** No import with that id (GET /prospects/imports/{id}, cancel). */
export class ImportNotFoundException extends CodedHttpException {
  constructor(id: string) {
    super(404, 'import_not_found', `No import with id "${id}"`);
  }
}

/** The client's `import_id` names an import that exists already. */
export class ImportIdTakenException extends CodedHttpException {
  constructor(id: string) {
    super(
      409,
      'import_id_taken',
      `An import with id "${id}" exists already: send a new UUID as import_id for each upload`,
    );
  }
}

/** A cancel of an import that has already ended. */
export class ImportNotRunningException extends CodedHttpException {
  constructor(id: string, status: string) {
    super(409, 'import_not_running', `The import "${id}" is not running: it is ${status}`);
  }
}

/** The counts of an import when it stopped. */
export interface ImportStopCounts {
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  warnings: number;
}

/**
 * The import was cancelled (POST /prospects/imports/{id}/cancel) before its end: the counts say
 * what was written, whole batches only.
 */
export class ImportCancelledException extends CodedHttpException {
  constructor(readonly counts: ImportStopCounts) {
    super(
      409,
      'import_cancelled',
      `The import was cancelled after ${counts.rows} rows: ${counts.inserted} inserted and ` +
        `${counts.updated} updated (whole batches only), the rest not written`,
      counts,
    );
  }
}
