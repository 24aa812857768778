import { Workbook } from 'exceljs';
import { EXPORT_HEADERS, ExportCell } from './export-rows.util';
import { buildXlsx, PROSPECTS_SHEET } from './xlsx-workbook.util';

async function read(buffer: Buffer) {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.getWorksheet(PROSPECTS_SHEET)!;
}

const row = (overrides: Record<string, ExportCell>): ExportCell[] =>
  EXPORT_HEADERS.map((header) => overrides[header] ?? null);

describe('buildXlsx', () => {
  it('writes a bold, frozen header and the rows, numbers as numbers', async () => {
    const sheet = await read(
      await buildXlsx([row({ Name: 'Ana', Score: 85, Employees: 120 }), row({ Name: 'Bo' })]),
    );
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADERS]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThan(10);
    const score = EXPORT_HEADERS.indexOf('Score') + 1;
    expect(sheet.getRow(2).getCell(1).value).toBe('Ana');
    expect(sheet.getRow(2).getCell(score).value).toBe(85);
    expect(sheet.getRow(3).getCell(score).value).toBeNull();
    expect(sheet.rowCount).toBe(3);
  });

  it('keeps text that looks like a formula as plain text', async () => {
    const sheet = await read(
      await buildXlsx([row({ Name: '=HYPERLINK("http://x")', Title: '+1' })]),
    );
    const cell = sheet.getRow(2).getCell(1);
    expect(cell.value).toBe('=HYPERLINK("http://x")');
    expect(cell.formula).toBeUndefined();
    expect(sheet.getRow(2).getCell(2).value).toBe('+1');
  });
});
