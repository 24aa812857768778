import { Injectable, Logger } from '@nestjs/common';
import type { ExportEntity, ExportFile } from './export.entity';
import { ExportFileStore, TemporaryExportFile } from './export-file.store';
import { ExportsService } from './exports.service';
import { toCsv } from './utils/csv.util';
import { downloadFileName, ExportFormat, storedFileName } from './utils/export-file-name.util';
import { EXPORT_HEADERS, ExportCell } from './utils/export-rows.util';
import { buildXlsx } from './utils/xlsx-workbook.util';
import { spreadsheetStreamWriter, SpreadsheetStreamWriter } from './spreadsheet-stream-writers';

/** Writes the rows of an export to XLSX and CSV files under EXPORT_DIR (no rows: the header only). */
@Injectable()
export class SpreadsheetExportService {
  private readonly logger = new Logger(SpreadsheetExportService.name);

  constructor(
    private readonly exports: ExportsService,
    private readonly files: ExportFileStore,
  ) {}

  /**
   * Writes the files of a step. A re-run under the same idempotency key keeps the export (its
   * id, name and date) and replaces its files.
   */
  async export(input: {
    jobId: string;
    idempotencyKey: string;
    rows: ExportCell[][];
    formats: readonly ExportFormat[];
  }): Promise<ExportEntity> {
    const record = await this.exports.begin({ ...input, kind: 'spreadsheet' });
    const { rows } = input;
    const files: ExportFile[] = [];
    for (const format of input.formats) {
      files.push(await this.writeFile(record, format, rows));
    }
    for (const old of record.files) {
      if (!input.formats.includes(old.format)) await this.files.remove(old.stored_name);
    }
    const done = await this.exports.finish(record, { files, rowCount: rows.length });
    this.logger.log(
      { jobId: input.jobId, exportId: done.id, rows: rows.length, formats: input.formats },
      'Spreadsheet export written',
    );
    return done;
  }

  /**
   * `export` for rows that come in batches (a prospect set): every format is written as the
   * batches come, so no more than one batch is held; the files replace the old ones at the end.
   */
  async exportStream(input: {
    jobId: string;
    idempotencyKey: string;
    batches: AsyncIterable<ExportCell[][]>;
    formats: readonly ExportFormat[];
  }): Promise<ExportEntity> {
    const record = await this.exports.begin({ ...input, kind: 'spreadsheet' });
    const open: {
      format: ExportFormat;
      file: TemporaryExportFile;
      writer: SpreadsheetStreamWriter;
    }[] = [];
    let rowCount = 0;
    try {
      for (const format of input.formats) {
        const file = await this.files.temporary(storedFileName(record.id, format));
        open.push({ format, file, writer: spreadsheetStreamWriter(format, file.path) });
      }
      for await (const rows of input.batches) {
        for (const { writer } of open) await writer.add(rows);
        rowCount += rows.length;
      }
      for (const { writer } of open) await writer.finish();
    } catch (error) {
      for (const { writer, file } of open) {
        writer.abort();
        await file.discard();
      }
      throw error;
    }
    const files: ExportFile[] = [];
    for (const { format, file } of open) {
      const bytes = await file.commit();
      const storedName = storedFileName(record.id, format);
      const fileName = downloadFileName({ jobId: record.jobId, date: record.createdAt, format });
      files.push({ format, file_name: fileName, stored_name: storedName, bytes });
    }
    for (const old of record.files) {
      if (!input.formats.includes(old.format)) await this.files.remove(old.stored_name);
    }
    const done = await this.exports.finish(record, { files, rowCount });
    this.logger.log(
      { jobId: input.jobId, exportId: done.id, rows: rowCount, formats: input.formats },
      'Spreadsheet export written, streamed',
    );
    return done;
  }

  private async writeFile(
    record: ExportEntity,
    format: ExportFormat,
    rows: ExportCell[][],
  ): Promise<ExportFile> {
    const data = format === 'xlsx' ? await buildXlsx(rows) : toCsv(EXPORT_HEADERS, rows);
    const storedName = storedFileName(record.id, format);
    const bytes = await this.files.write(storedName, data);
    const fileName = downloadFileName({ jobId: record.jobId, date: record.createdAt, format });
    return { format, file_name: fileName, stored_name: storedName, bytes };
  }
}
