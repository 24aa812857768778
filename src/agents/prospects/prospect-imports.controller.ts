import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  ApiError,
  ApiErrorResponses,
  ApiKeyAuth,
  ErrorResponseSpec,
} from '../../common/decorators/api-docs.decorators';
import { AcceptsUploads, openUploadedFile } from '../../common/http/upload-body';
import { AppConfig } from '../../config/app-config';
import { ImportPreviewDto, ImportPreviewQueryDto } from './dto/import-preview.dto';
import { ImportListDto, ImportStatusDto, ListImportsQueryDto } from './dto/import-status.dto';
import { CsvImportPreviewService } from './import/preview/csv-import-preview.service';
import { ImportProgressService } from './import/progress/import-progress.service';
import { CSV_REQUEST_BODY } from './prospects.controller';
import { importTags } from './utils/import-batch.util';

const ImportId = () =>
  Param(
    'id',
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') }),
  );

const IMPORT_ID = ApiParam({
  name: 'id',
  format: 'uuid',
  description:
    "The import's id: the `import_id` sent with the upload, or `import_id` of its answer",
});
const BAD_ID: ErrorResponseSpec = { status: 400, message: 'id must be a UUID' };
const NOT_FOUND: ErrorResponseSpec = {
  status: 404,
  error: 'import_not_found',
  message: 'No import with id "0b7c6f0e-3f4a-4d1e-9c2b-8a5e6d7f1a2b"',
};

/** CSV imports: what one would do (preview), and the progress of those running or done. */
@ApiTags('prospects')
@ApiKeyAuth()
@Controller('prospects')
export class ProspectImportsController {
  constructor(
    private readonly previews: CsvImportPreviewService,
    private readonly progress: ImportProgressService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Previews a CSV import, writing nothing
   * @remarks The same body and options as POST /prospects/import. Answers the delimiter and
   * encoding found, how each column maps to a field (and the columns not imported), and the first
   * `rows` data rows (default 10, at most 50) as the import would store them, each with its
   * problems. Only the start of the upload is read; the rest is not (the connection closes after
   * the answer). Duplicates are not looked up: a row that matches a stored prospect would merge.
   */
  @Post('import/preview')
  @HttpCode(HttpStatus.OK)
  @AcceptsUploads()
  @ApiOperation({ requestBody: CSV_REQUEST_BODY })
  @ApiResponse({ status: 200, type: ImportPreviewDto })
  @ApiErrorResponses(400)
  @ApiError({
    status: 413,
    description: 'The CSV is larger than IMPORT_MAX_BYTES (by its Content-Length)',
    message: 'The upload is larger than 536870912 bytes (IMPORT_MAX_BYTES)',
  })
  @ApiError({
    status: 415,
    description: 'Neither a text/csv body nor a multipart/form-data file',
    message:
      'Send the CSV as a text/csv body or as a multipart/form-data file in the field "file", not application/json',
  })
  async preview(
    @Req() request: FastifyRequest,
    @Query() query: ImportPreviewQueryDto,
  ): Promise<ImportPreviewDto> {
    const upload = await openUploadedFile(request, this.config.importMaxBytes);
    const preview = await this.previews.preview(upload.file, {
      source: query.source ?? 'csv',
      tags: importTags(query.tags, query.batch) ?? [],
      mapping: query.explicitMapping(upload.fields.mapping),
      rows: query.rows,
    });
    return ImportPreviewDto.from(preview);
  }

  /**
   * Lists the latest CSV imports
   * @remarks Newest first, running or ended, of every replica; `skip` and `limit` page them.
   */
  @Get('imports')
  @ApiResponse({ status: 200, type: ImportListDto })
  @ApiErrorResponses(400)
  async list(@Query() query: ListImportsQueryDto): Promise<ImportListDto> {
    return ImportListDto.from(await this.progress.list(query.skip, query.limit));
  }

  /**
   * Shows a CSV import's progress
   * @remarks Its status and counts so far, saved about every second and before each batch of
   * 2,000 rows. To follow an upload while it streams, send it with `import_id` (a UUID of your
   * own) and poll this. An import whose service stopped shows `interrupted`.
   */
  @Get('imports/:id')
  @IMPORT_ID
  @ApiResponse({ status: 200, type: ImportStatusDto })
  @ApiErrorResponses(BAD_ID, NOT_FOUND)
  async get(@ImportId() id: string): Promise<ImportStatusDto> {
    return ImportStatusDto.from(await this.progress.get(id));
  }

  /**
   * Cancels a running CSV import
   * @remarks It stops before its next batch (each batch of 2,000 rows is one transaction, so
   * only whole batches are written); its upload answers 409 `import_cancelled` with the counts,
   * and its status becomes `cancelled`. Answers the import as it is now (`cancel_requested`).
   * Works from any replica. 409 when the import has already ended.
   */
  @Post('imports/:id/cancel')
  @HttpCode(HttpStatus.OK)
  @IMPORT_ID
  @ApiResponse({ status: 200, type: ImportStatusDto })
  @ApiErrorResponses(BAD_ID, NOT_FOUND, {
    status: 409,
    error: 'import_not_running',
    message: 'The import "0b7c6f0e-3f4a-4d1e-9c2b-8a5e6d7f1a2b" is not running: it is completed',
  })
  async cancel(@ImportId() id: string): Promise<ImportStatusDto> {
    return ImportStatusDto.from(await this.progress.cancel(id));
  }
}
