import { EXPORT_HEADERS } from '../utils/export-rows.util';
import {
  chooseSheet,
  columnHolds,
  columnLetter,
  exportIdColumnRange,
  GOOGLE_SHEET_HEADERS,
  googleSheetRows,
  quoteSheet,
} from './sheet-rows.util';

describe('Google Sheet rows', () => {
  it('adds the time and the export id after the spreadsheet columns', () => {
    expect(GOOGLE_SHEET_HEADERS.slice(-2)).toEqual(['Exported at', 'Export ID']);
    const row = EXPORT_HEADERS.map((_, i) => (i === 0 ? 'Ana' : i === 11 ? 90 : null));
    const [appended] = googleSheetRows({
      rows: [row],
      exportId: 'e1',
      exportedAt: new Date('2026-12-03T10:00:00Z'),
    });
    expect(appended).toHaveLength(GOOGLE_SHEET_HEADERS.length);
    expect(appended[0]).toBe('Ana');
    expect(appended[11]).toBe(90);
    expect(appended[1]).toBe('');
    expect(appended.slice(-2)).toEqual(['2026-12-03T10:00:00.000Z', 'e1']);
  });

  it('prefers a "Zigral" tab, else the first', () => {
    expect(chooseSheet(['Sheet1', 'zigral'])).toBe('zigral');
    expect(chooseSheet(['Leads', 'Other'])).toBe('Leads');
    expect(chooseSheet([])).toBeUndefined();
  });

  it('writes A1 ranges', () => {
    expect(quoteSheet("Bob's leads")).toBe("'Bob''s leads'");
    expect([1, 17, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Q', 'Z', 'AA', 'AZ', 'AAA']);
    expect(exportIdColumnRange('Zigral')).toBe(
      `'Zigral'!${columnLetter(GOOGLE_SHEET_HEADERS.length)}:${columnLetter(GOOGLE_SHEET_HEADERS.length)}`,
    );
  });

  it('finds an export id in a column', () => {
    expect(columnHolds([['Export ID'], ['e1'], ['e2']], 'e2')).toBe(true);
    expect(columnHolds([['Export ID']], 'e2')).toBe(false);
  });
});
