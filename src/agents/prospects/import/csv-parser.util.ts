import { parse, type Parser } from 'csv-parse';
import type { CsvDelimiter } from './csv-delimiter.util';

/** Longest record accepted, so a quote never closed cannot buffer the whole upload. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** The CSV parser of an import and of its preview: the same records from the same file. */
export function createCsvParser(delimiter: CsvDelimiter): Parser {
  return parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    // Rows of empty cells (",,,,") that spreadsheets leave at the end.
    skip_records_with_empty_values: true,
    max_record_size: MAX_RECORD_BYTES,
  });
}
