import type { ExportEntity } from '../export.entity';
import { googleSheetsSummary, spreadsheetSummary } from './export-summary.util';

const entity = (change: Partial<ExportEntity>): ExportEntity =>
  ({
    id: 'e1',
    rowCount: 3,
    files: [
      { format: 'xlsx', file_name: 'a.xlsx', stored_name: 'e1.xlsx', bytes: 1 },
      { format: 'csv', file_name: 'a.csv', stored_name: 'e1.csv', bytes: 1 },
    ],
    sheetRange: "'Zigral'!A1:T4",
    ...change,
  }) as ExportEntity;

describe('spreadsheetSummary', () => {
  it('counts the prospects and names the formats', () => {
    expect(spreadsheetSummary(entity({}))).toBe('Exported 3 prospects to XLSX and CSV (export e1)');
  });

  it('says there was nothing to do and that the files hold the header only', () => {
    expect(spreadsheetSummary(entity({ rowCount: 0 }))).toBe(
      'Nothing to do: no prospects; wrote XLSX and CSV with the header row only (export e1)',
    );
  });
});

describe('googleSheetsSummary', () => {
  it('counts the rows appended, or found appended already', () => {
    expect(googleSheetsSummary(entity({}), true)).toBe(
      "Appended 3 prospects to Google Sheets ('Zigral'!A1:T4)",
    );
    expect(googleSheetsSummary(entity({}), false)).toBe(
      "Already appended 3 prospects to Google Sheets ('Zigral'!A1:T4)",
    );
  });

  it('with no prospects, says whether the header row went in', () => {
    expect(googleSheetsSummary(entity({ rowCount: 0, sheetRange: "'Zigral'!A1:T1" }), true)).toBe(
      "Nothing to do: no prospects; appended the header row only to Google Sheets ('Zigral'!A1:T1)",
    );
    expect(googleSheetsSummary(entity({ rowCount: 0, sheetRange: null }), false)).toBe(
      'Nothing to do: no prospects; the Google Sheet has its header row already, nothing appended',
    );
  });
});
