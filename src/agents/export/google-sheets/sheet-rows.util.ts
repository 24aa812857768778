import { EMAIL_STATE_COLUMNS, ExportCell, PROSPECT_COLUMNS } from '../utils/export-rows.util';

/** The tab rows go to when the spreadsheet has it; otherwise its first sheet. */
export const PREFERRED_SHEET = 'Zigral';

/**
 * The Google Sheet's columns: the spreadsheet's prospect and email text, when and by which
 * export each row was appended, then the email's state. The export id is how a re-run finds
 * rows it appended before a crash. The email state columns came later: they go after the
 * export id so that sheets Zigral appended to before keep their columns where they were.
 */
export const GOOGLE_SHEET_HEADERS: readonly string[] = [
  ...PROSPECT_COLUMNS.map((column) => column.header),
  'Exported at',
  'Export ID',
  ...EMAIL_STATE_COLUMNS.map((column) => column.header),
];

/** The 1-based column of the export id. */
const EXPORT_ID_COLUMN = GOOGLE_SHEET_HEADERS.indexOf('Export ID') + 1;

/**
 * The rows to append: each export row (spreadsheet column order) laid out as the sheet's
 * columns, with the time and export id; empty cells as "".
 */
export function googleSheetRows(input: {
  rows: readonly ExportCell[][];
  exportId: string;
  exportedAt: Date;
}): (string | number)[][] {
  const at = input.exportedAt.toISOString();
  const split = PROSPECT_COLUMNS.length;
  return input.rows.map((row) => {
    const cells = row.map((cell) => cell ?? '');
    return [...cells.slice(0, split), at, input.exportId, ...cells.slice(split)];
  });
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
  const letter = columnLetter(EXPORT_ID_COLUMN);
  return `${quoteSheet(title)}!${letter}:${letter}`;
}

/** Whether a column's values hold the export id (its rows were appended already). */
export function columnHolds(values: readonly unknown[][], exportId: string): boolean {
  return values.some((row) => row.some((cell) => cell === exportId));
}
