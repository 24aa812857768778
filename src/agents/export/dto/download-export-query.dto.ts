import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from '../utils/export-file-name.util';

/** Query of GET /exports/{id}/download. */
export class DownloadExportQueryDto {
  /** xlsx or csv; the first format the export wrote when absent. @example xlsx */
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;
}
