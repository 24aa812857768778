import { Workbook, Worksheet } from 'exceljs';
import { EXPORT_COLUMNS, ExportCell } from './export-rows.util';

export const PROSPECTS_SHEET = 'Prospects';

/**
 * An XLSX workbook with one "Prospects" sheet: a bold, frozen header with a filter, a width per
 * column, numbers as numbers. Text goes in as plain strings: exceljs makes a formula only from a
 * `{ formula }` value, so a cell reading "=1+1" stays that text.
 */
export async function buildXlsx(rows: readonly ExportCell[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = addProspectsSheet(workbook);
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? undefined));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Adds the "Prospects" sheet with its header row, column widths and number formats to a workbook
 * held in memory (buildXlsx) or written as a stream (the large-export writer).
 */
export function addProspectsSheet(workbook: {
  creator: string;
  created: Date;
  addWorksheet: Workbook['addWorksheet'];
}): Worksheet {
  workbook.creator = 'Zigral';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(PROSPECTS_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = EXPORT_COLUMNS.map((column) => ({
    header: column.header,
    width: column.width,
    style: column.type === 'number' ? { numFmt: '0' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  return sheet;
}
