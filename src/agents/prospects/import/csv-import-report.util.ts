import { CsvColumnMapping, publicMapping } from './columns/csv-column-mapping.util';
import type { CsvImportResult, CsvRowError } from './prospect-csv-import.service';

/** Unmapped columns a step summary names; the rest are counted. */
const MAX_NAMED_COLUMNS = 10;
/** Row problems the job state keeps (it travels with every later step); the rest are counted. */
export const MAX_STATE_ERRORS = 100;

/** What `prospects.import_csv` writes to `csv_import`: the import in the API's words. */
export interface CsvImportReport {
  source: string;
  rows: number;
  inserted: number;
  updated: number;
  /** Rows not stored; their reasons are the `errors` of severity error. */
  skipped: number;
  /** Values of stored rows left out or cleaned; each is an entry of severity warning. */
  warnings: number;
  /** The rows' problems in file order, the first MAX_STATE_ERRORS: row, column, reason, severity. */
  errors: CsvRowError[];
  /** More problems were found than `errors` lists. */
  errors_truncated: boolean;
  /** Columns whose values were not imported (unknown, or ignored by the mapping). */
  unmapped_columns: string[];
  /** Each column → the field it filled, or null: the explicit mapping and the guess. */
  mapping: CsvColumnMapping;
}

export function csvImportReport(result: CsvImportResult): CsvImportReport {
  return {
    source: result.source,
    rows: result.rows,
    inserted: result.inserted,
    updated: result.updated,
    skipped: result.skipped,
    warnings: result.warnings,
    errors: result.errors.slice(0, MAX_STATE_ERRORS),
    errors_truncated: result.errorsTruncated || result.errors.length > MAX_STATE_ERRORS,
    unmapped_columns: result.unmappedColumns,
    mapping: publicMapping(result.mapping),
  };
}

/**
 * "Imported 120 rows: 100 new, 15 merged, 5 skipped, 3 warnings (why: csv_import.errors);
 * columns not imported: Notes, State", the column names capped at MAX_NAMED_COLUMNS; warnings and
 * the pointer only when there are any.
 */
export function importSummary(result: CsvImportResult): string {
  const warnings = result.warnings > 0 ? `, ${plural(result.warnings, 'warning')}` : '';
  const why =
    result.skipped + result.warnings > 0 ? ' (row, column and reason in csv_import.errors)' : '';
  const counts = `Imported ${result.rows} rows: ${result.inserted} new, ${result.updated} merged, ${result.skipped} skipped${warnings}${why}`;
  const columns = result.unmappedColumns;
  if (columns.length === 0) return counts;
  const named = columns.slice(0, MAX_NAMED_COLUMNS).join(', ');
  const more =
    columns.length > MAX_NAMED_COLUMNS ? ` and ${columns.length - MAX_NAMED_COLUMNS} more` : '';
  return `${counts}; columns not imported: ${named}${more}`;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
