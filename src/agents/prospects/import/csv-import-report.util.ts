import { CsvColumnMapping, publicMapping } from './columns/csv-column-mapping.util';
import type { CsvImportResult } from './prospect-csv-import.service';

/** Unmapped columns a step summary names; the rest are counted. */
const MAX_NAMED_COLUMNS = 10;

/** What `prospects.import_csv` writes to `csv_import`: the import in the API's words. */
export interface CsvImportReport {
  source: string;
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
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
    unmapped_columns: result.unmappedColumns,
    mapping: publicMapping(result.mapping),
  };
}

/**
 * "Imported 120 rows: 100 new, 15 merged, 5 skipped; columns not imported: Notes, State", the
 * column names capped at MAX_NAMED_COLUMNS.
 */
export function importSummary(result: CsvImportResult): string {
  const counts = `Imported ${result.rows} rows: ${result.inserted} new, ${result.updated} merged, ${result.skipped} skipped`;
  const columns = result.unmappedColumns;
  if (columns.length === 0) return counts;
  const named = columns.slice(0, MAX_NAMED_COLUMNS).join(', ');
  const more =
    columns.length > MAX_NAMED_COLUMNS ? ` and ${columns.length - MAX_NAMED_COLUMNS} more` : '';
  return `${counts}; columns not imported: ${named}${more}`;
}
