import type { ExportCell } from './export-rows.util';

/** Byte order mark: Excel reads a CSV file as UTF-8 only with it. */
export const UTF8_BOM = '\uFEFF';

/**
 * First characters that make a spreadsheet read a cell as a formula (CSV/formula injection,
 * OWASP): = + - @, and tab and carriage return, which some programs skip before them.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Whether a text cell would be read as a formula by a spreadsheet program. */
export function looksLikeFormula(value: string): boolean {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]);
}

/** A text cell made inert for spreadsheets: a leading apostrophe when it could start a formula. */
export function guardFormula(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): quoted when it holds a quote, comma, CR or LF; quotes doubled. */
export function csvField(cell: ExportCell): string {
  if (cell === null) return '';
  const value = typeof cell === 'number' ? String(cell) : guardFormula(cell);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records of a CSV document, each with its CRLF (RFC 4180): what a streamed file appends. */
export function csvRecords(rows: readonly (readonly ExportCell[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** A whole CSV document: BOM, header, rows, CRLF after every record (RFC 4180). */
export function toCsv(headers: readonly string[], rows: readonly ExportCell[][]): string {
  return `${UTF8_BOM}${csvRecords([headers, ...rows])}`;
}
