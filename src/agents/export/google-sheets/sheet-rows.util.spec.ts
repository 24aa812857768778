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
  it('puts the time and the export id after the email text, and the email state after them', () => {
    expect(GOOGLE_SHEET_HEADERS.slice(14, 20)).toEqual([
      'Email body',
      'Exported at',
      'Export ID',
      'Email status',
      'Sent at',
      'Do not email',
    ]);
    const sample: Record<string, string | number> = {
      Name: 'Ana',
      Score: 90,
      'Email status': 'sent',
    };
    const row = EXPORT_HEADERS.map((header) => sample[header] ?? null);
    const [appended] = googleSheetRows({
      rows: [row],
      exportId: 'e1',
      exportedAt: new Date('2026-12-03T10:00:00Z'),
    });
    const cell = (header: string) => appended[GOOGLE_SHEET_HEADERS.indexOf(header)];
    expect(appended).toHaveLength(GOOGLE_SHEET_HEADERS.length);
    expect([cell('Name'), cell('Score'), cell('Title')]).toEqual(['Ana', 90, '']);
    expect([cell('Exported at'), cell('Export ID')]).toEqual(['2026-12-03T10:00:00.000Z', 'e1']);
    expect([cell('Email status'), cell('Sent at')]).toEqual(['sent', '']);
    // Sheets appended to before the email state columns existed keep their columns.
    expect(columnLetter(GOOGLE_SHEET_HEADERS.indexOf('Export ID') + 1)).toBe('Q');
    expect(exportIdColumnRange('Zigral')).toBe("'Zigral'!Q:Q");
  });

  it('prefers a "Zigral" tab, else the first', () => {
    expect(chooseSheet(['Sheet1', 'zigral'])).toBe('zigral');
    expect(chooseSheet(['Leads', 'Other'])).toBe('Leads');
    expect(chooseSheet([])).toBeUndefined();
  });

  it('writes A1 ranges', () => {
    expect(quoteSheet("Bob's leads")).toBe("'Bob''s leads'");
    expect([1, 17, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Q', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('finds an export id in a column', () => {
    expect(columnHolds([['Export ID'], ['e1'], ['e2']], 'e2')).toBe(true);
    expect(columnHolds([['Export ID']], 'e2')).toBe(false);
  });
});
