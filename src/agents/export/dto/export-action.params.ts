import { IsIn, IsOptional } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { EXPORT_FORMATS, ExportFormat } from '../utils/export-file-name.util';

/** Parameters of `export.spreadsheet`. */
export class SpreadsheetExportParams {
  @JSONSchema({ description: 'Write only this format; both XLSX and CSV when absent' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}

/** `export.google_sheets` takes no parameters: the sheet comes from the configuration. */
export class GoogleSheetsExportParams {}
