import { csvImportReport, importSummary } from './csv-import-report.util';
import type { CsvImportResult, CsvRowError } from './prospect-csv-import.service';

const result = (
  unmappedColumns: string[],
  change: Partial<CsvImportResult> = {},
): CsvImportResult => ({
  rows: 120,
  inserted: 100,
  updated: 15,
  skipped: 5,
  warnings: 0,
  errors: [],
  errorsTruncated: false,
  unmappedColumns,
  unknownColumns: unmappedColumns,
  mapping: {
    Name: 'name',
    URL: 'linkedinUrl',
    ...Object.fromEntries(unmappedColumns.map((column) => [column, null])),
  },
  source: 'fair',
  prospectIds: ['p1'],
  ...change,
});

const problem = (row: number): CsvRowError => ({
  row,
  field: 'LinkedIn',
  message: 'not a LinkedIn URL: "x"; not stored',
  severity: 'warning',
});

describe('importSummary', () => {
  it('counts the rows, says where the reasons are, and names the columns not imported', () => {
    const why = '(row, column and reason in csv_import.errors)';
    expect(importSummary(result([]))).toBe(
      `Imported 120 rows: 100 new, 15 merged, 5 skipped ${why}`,
    );
    expect(importSummary(result(['Notes', 'State'], { warnings: 1 }))).toBe(
      `Imported 120 rows: 100 new, 15 merged, 5 skipped, 1 warning ${why}; columns not imported: Notes, State`,
    );
    expect(importSummary(result([], { skipped: 0, warnings: 3 }))).toBe(
      `Imported 120 rows: 100 new, 15 merged, 0 skipped, 3 warnings ${why}`,
    );
    expect(importSummary(result([], { skipped: 0 }))).toBe(
      'Imported 120 rows: 100 new, 15 merged, 0 skipped',
    );
  });

  it('names ten columns and counts the rest', () => {
    const columns = Array.from({ length: 13 }, (_, i) => `C${i + 1}`);
    expect(importSummary(result(columns, { skipped: 0 }))).toBe(
      'Imported 120 rows: 100 new, 15 merged, 0 skipped; columns not imported: C1, C2, C3, C4, C5, C6, C7, C8, C9, C10 and 3 more',
    );
  });
});

describe('csvImportReport', () => {
  it('reports the counts, the problems, the unmapped columns and the mapping in the API`s words', () => {
    expect(csvImportReport(result(['Notes'], { warnings: 1, errors: [problem(3)] }))).toEqual({
      source: 'fair',
      rows: 120,
      inserted: 100,
      updated: 15,
      skipped: 5,
      warnings: 1,
      errors: [problem(3)],
      errors_truncated: false,
      unmapped_columns: ['Notes'],
      mapping: { Name: 'name', URL: 'linkedin_url', Notes: null },
    });
  });

  it('keeps the first 100 problems in the job state, and says when there were more', () => {
    const errors = Array.from({ length: 101 }, (_, i) => problem(i + 1));
    const report = csvImportReport(result([], { warnings: 101, errors }));
    expect(report.errors).toEqual(errors.slice(0, 100));
    expect(report.errors_truncated).toBe(true);
    const capped = csvImportReport(
      result([], { errors: errors.slice(0, 3), errorsTruncated: true }),
    );
    expect(capped.errors_truncated).toBe(true);
  });
});
