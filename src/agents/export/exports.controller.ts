import {
  BadRequestException,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiError,
  ApiErrorResponses,
  ApiKeyAuth,
  ErrorResponseSpec,
} from '../../common/decorators/api-docs.decorators';
import { DownloadExportQueryDto } from './dto/download-export-query.dto';
import { ExportDto, ExportPageDto } from './dto/export-response.dto';
import { ListExportsQueryDto } from './dto/list-exports-query.dto';
import { ExportsService } from './exports.service';
import { CONTENT_TYPES, contentDisposition } from './utils/export-file-name.util';

const ExportId = () =>
  Param(
    'id',
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') }),
  );

/** No example: export ids are the server's (GET /exports lists them). */
const EXPORT_ID = ApiParam({
  name: 'id',
  format: 'uuid',
  description: "The export's `id`, as GET /exports lists it",
});
const BAD_ID: ErrorResponseSpec = { status: 400, message: 'id must be a UUID' };
const EXPORT_NOT_FOUND: ErrorResponseSpec = {
  status: 404,
  message: 'No export with id "0b6f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f"',
};
const FILE = { schema: { type: 'string', format: 'binary' } };

/** Exports written by the `export` agent, and their files. */
@ApiTags('exports')
@ApiKeyAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** Lists exports, newest first; `job_id` keeps one job's */
  @Get()
  @ApiResponse({ status: 200, type: ExportPageDto })
  @ApiErrorResponses(400)
  async list(@Query() query: ListExportsQueryDto): Promise<ExportPageDto> {
    const page = await this.exports.list({
      jobId: query.job_id,
      skip: query.skip,
      limit: query.limit,
    });
    return { ...page, items: page.items.map((item) => ExportDto.from(item)) };
  }

  /** Reads an export: what it wrote, and where to download its files */
  @Get(':id')
  @EXPORT_ID
  @ApiResponse({ status: 200, type: ExportDto })
  @ApiErrorResponses(BAD_ID, EXPORT_NOT_FOUND)
  async get(@ExportId() id: string): Promise<ExportDto> {
    return ExportDto.from(await this.exports.get(id));
  }

  /**
   * Downloads a file of a spreadsheet export
   * @remarks An attachment named `zigral-<job>-<date>.<format>`. 404 when the export has no file
   * of that format; 410 when the file was removed from EXPORT_DIR.
   */
  @Get(':id/download')
  @EXPORT_ID
  @ApiResponse({
    status: 200,
    description: 'The file, as an attachment',
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="zigral-<job>-<date>.<format>"',
        schema: { type: 'string' },
      },
    },
    content: { [CONTENT_TYPES.xlsx]: FILE, [CONTENT_TYPES.csv]: FILE },
  })
  @ApiError({
    status: 410,
    description: 'The file is no longer on disk (EXPORT_RETENTION_DAYS removed it)',
    message:
      'The files of export "0b6f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f" were removed on 2026-12-10T03:00:00.000Z (EXPORT_RETENTION_DAYS); run the export step again (a new job)',
  })
  @ApiErrorResponses(400, {
    ...EXPORT_NOT_FOUND,
    description: 'No such export, or it wrote no file of that format',
  })
  async download(
    @ExportId() id: string,
    @Query() query: DownloadExportQueryDto,
  ): Promise<StreamableFile> {
    const { file, contentType, fileName } = await this.exports.openDownload(id, query.format);
    return new StreamableFile(file.stream, {
      type: contentType,
      disposition: contentDisposition(fileName),
      length: file.size,
    });
  }
}
