import { csvImportReport, importSummary } from './csv-import-report.util';
import type { CsvImportResult } from './prospect-csv-import.service';

const result = (unmappedColumns: string[]): CsvImportResult => ({
  rows: 120,
  inserted: 100,
  updated: 15,
  skipped: 5,
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
});

describe('importSummary', () => {
  it('counts the rows, and names the columns not imported', () => {
    expect(importSummary(result([]))).toBe('Imported 120 rows: 100 new, 15 merged, 5 skipped');
    expect(importSummary(result(['Notes', 'State']))).toBe(
      'Imported 120 rows: 100 new, 15 merged, 5 skipped; columns not imported: Notes, State',
    );
  });

  it('names ten columns and counts the rest', () => {
    const columns = Array.from({ length: 13 }, (_, i) => `C${i + 1}`);
    expect(importSummary(result(columns))).toBe(
      'Imported 120 rows: 100 new, 15 merged, 5 skipped; columns not imported: C1, C2, C3, C4, C5, C6, C7, C8, C9, C10 and 3 more',
    );
  });
});

describe('csvImportReport', () => {
  it('reports the counts, the unmapped columns and the mapping in the API`s words', () => {
    expect(csvImportReport(result(['Notes']))).toEqual({
      source: 'fair',
      rows: 120,
      inserted: 100,
      updated: 15,
      skipped: 5,
      unmapped_columns: ['Notes'],
      mapping: { Name: 'name', URL: 'linkedin_url', Notes: null },
    });
  });
});
