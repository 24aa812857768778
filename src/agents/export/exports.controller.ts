import {
  BadRequestException,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiKeyAuth } from '../../common/decorators/api-docs.decorators';
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

/** Exports written by the `export` agent, and their files. */
@ApiTags('exports')
@ApiKeyAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** Exports, newest first; `job_id` keeps one job's. */
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

  @Get(':id')
  @ApiResponse({ status: 200, type: ExportDto })
  @ApiErrorResponses(400, 404)
  async get(@ExportId() id: string): Promise<ExportDto> {
    return ExportDto.from(await this.exports.get(id));
  }

  /**
   * Downloads a file of a spreadsheet export as an attachment named
   * `zigral-<job>-<date>.<format>`. 404 when the export has no file of that format; 410 when
   * the file was removed from EXPORT_DIR.
   */
  @Get(':id/download')
  @ApiProduces(CONTENT_TYPES.xlsx, CONTENT_TYPES.csv)
  @ApiResponse({
    status: 200,
    description: 'The file',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({ status: 410, description: 'The file is no longer on disk' })
  @ApiErrorResponses(400, 404)
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
