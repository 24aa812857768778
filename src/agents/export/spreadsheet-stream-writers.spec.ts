import { Workbook } from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spreadsheetStreamWriter } from './spreadsheet-stream-writers';
import { EXPORT_HEADERS, ExportCell } from './utils/export-rows.util';
import { PROSPECTS_SHEET } from './utils/xlsx-workbook.util';

const BATCH = 2000;
const BATCHES = 10;

/** A batch of rows, every cell text of some length, as an export's are. */
const batch = (first: number): ExportCell[][] =>
  Array.from({ length: BATCH }, (_, i) =>
    EXPORT_HEADERS.map((header) => `${header} of prospect ${first + i}, at Company ${i % 97}`),
  );

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zigral-stream-writers-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the XLSX stream writer', () => {
  it('waits for the zip to take in each batch, so memory holds about one batch', async () => {
    const path = join(dir, 'prospects.xlsx');
    const writer = spreadsheetStreamWriter('xlsx', path);
    const backlog: number[] = [];
    for (let i = 0; i < BATCHES; i++) {
      await writer.add(batch(i * BATCH));
      backlog.push(writer.bufferedBytes());
    }
    await writer.finish();
    // A batch is about 1.3 MB of sheet XML: without waiting, the backlog grows batch by batch.
    expect(Math.max(...backlog)).toBeLessThan(256 * 1024);

    const workbook = new Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet(PROSPECTS_SHEET)!;
    expect(sheet.rowCount).toBe(1 + BATCH * BATCHES);
    expect(sheet.getRow(BATCH * BATCHES + 1).getCell(1).value).toBe(
      `${EXPORT_HEADERS[0]} of prospect ${BATCH * BATCHES - 1}, at Company ${(BATCH - 1) % 97}`,
    );
  });
});
