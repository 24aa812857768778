import { EXPORT_HEADERS, ExportCell } from '../utils/export-rows.util';

/** The tab rows go to when the spreadsheet has it; otherwise its first sheet. */
export const PREFERRED_SHEET = 'Zigral';

/**
 * The Google Sheet's columns: the spreadsheet's, then when and by which export each row was
 * appended. The export id, last, is how a re-run finds rows it appended before a crash.
 */
export const GOOGLE_SHEET_HEADERS: readonly string[] = [
  ...EXPORT_HEADERS,
  'Exported at',
  'Export ID',
];

/** The rows to append: each export row with the time and export id; empty cells as "". */
export function googleSheetRows(input: {
  rows: readonly ExportCell[][];
  exportId: string;
  exportedAt: Date;
}): (string | number)[][] {
  const at = input.exportedAt.toISOString();
  return input.rows.map((row) => [...row.map((cell) => cell ?? ''), at, input.exportId]);
}

/** "Zigral" when the spreadsheet has a tab of that name (any case), else the first tab. */
export function chooseSheet(titles: readonly string[]): string | undefined {
  return titles.find((title) => title.toLowerCase() === PREFERRED_SHEET.toLowerCase()) ?? titles[0];
}

/** A sheet name quoted for A1 notation: `'My ''best'' sheet'`. */
export function quoteSheet(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** The A1 column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** The range of the Export ID column of a sheet, e.g. `'Zigral'!Q:Q`. */
export function exportIdColumnRange(title: string): string {
  const letter = columnLetter(GOOGLE_SHEET_HEADERS.length);
  return `${quoteSheet(title)}!${letter}:${letter}`;
}

/** Whether a column's values hold the export id (its rows were appended already). */
export function columnHolds(values: readonly unknown[][], exportId: string): boolean {
  return values.some((row) => row.some((cell) => cell === exportId));
}
