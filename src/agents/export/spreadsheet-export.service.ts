import { Injectable, Logger } from '@nestjs/common';
import type { ExportEntity, ExportFile } from './export.entity';
import { ExportFileStore } from './export-file.store';
import { ExportsService } from './exports.service';
import { toCsv } from './utils/csv.util';
import { downloadFileName, ExportFormat, storedFileName } from './utils/export-file-name.util';
import { EXPORT_HEADERS, ExportCell } from './utils/export-rows.util';
import { buildXlsx } from './utils/xlsx-workbook.util';

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
