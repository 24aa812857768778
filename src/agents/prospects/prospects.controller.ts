import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import {
  ApiError,
  ApiErrorResponses,
  ApiKeyAuth,
  ErrorResponseSpec,
} from '../../common/decorators/api-docs.decorators';
import { AcceptsUploads, openUploadedFile } from '../../common/http/upload-body';
import { AppConfig } from '../../config/app-config';
import { ImportProspectsQueryDto } from './dto/import-prospects-query.dto';
import { ImportResultDto } from './dto/import-result.dto';
import { ListProspectsQueryDto } from './dto/list-prospects-query.dto';
import { ProspectDto, ProspectPageDto } from './dto/prospect-response.dto';
import { SampleRemovalDto } from './dto/sample-removal.dto';
import { UpdateProspectDto } from './dto/update-prospect.dto';
import { TrackedCsvImportService } from './import/progress/tracked-csv-import.service';
import { importTags } from './utils/import-batch.util';
import { ProspectsService } from './prospects.service';
import { SampleDataService } from './sample-data/sample-data.service';

const ProspectId = () =>
  Param(
    'id',
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') }),
  );

/** No example: prospect ids are the server's (GET /prospects lists them). */
const PROSPECT_ID = ApiParam({
  name: 'id',
  format: 'uuid',
  description: "The prospect's `id`, as GET /prospects lists it",
});
const BAD_ID: ErrorResponseSpec = { status: 400, message: 'id must be a UUID' };
const NOT_FOUND: ErrorResponseSpec = {
  status: 404,
  message: 'No prospect with id "3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55"',
};

/** The body of POST /prospects/import in OpenAPI terms: the CSV itself, or a form with the file. */
export const CSV_REQUEST_BODY = {
  required: true,
  description:
    'A CSV with a header row (UTF-8, optional BOM). Column names of Sales Navigator, Apollo and HubSpot exports, or plain ones (name, email, title, company, website, country, …)',
  content: {
    'text/csv': {
      schema: { type: 'string' as const },
      example:
        'First Name,Last Name,Email,Title,Company,Company Industry,Website,Notes\nAnna,Beispiel,anna@nordlicht.example,VP Sales,Nordlicht GmbH,SaaS,nordlicht.example,met at the webinar\n',
    },
    'multipart/form-data': {
      schema: {
        type: 'object' as const,
        required: ['file'],
        properties: {
          mapping: {
            type: 'string' as const,
            description:
              'The mapping (see the query parameter `mapping`), instead of the query; it must come before the file',
          },
          file: { type: 'string' as const, format: 'binary' },
        },
      },
    },
  },
};

/** The prospect database: search, read, correct, delete, opt out. */
@ApiTags('prospects')
@ApiKeyAuth()
@Controller('prospects')
export class ProspectsController {
  constructor(
    private readonly prospects: ProspectsService,
    private readonly importer: TrackedCsvImportService,
    private readonly samples: SampleDataService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Searches prospects, ordered by name or by fit score
   * @remarks Every filter given applies; a list filter matches any of its values, given by
   * repeating the parameter (`?country=Germany&country=Austria`) or comma-separated
   * (`?country=Germany,Austria`). The fictional sample prospects (`sample: true`) are found
   * while no other prospect exists, then left out unless `include_sample=true`
   * (`sample_excluded` says when). `min_score` and `sort=-score` use the latest fit score
   * research.score_fit kept on each prospect (`fit`). The examples together find sample
   * prospects of a fresh installation (SEED_SAMPLE_DATA). `total` is exact up to
   * PROSPECTS_COUNT_BOUND (1,000; 5,000 with `q`) matches; a search matching more answers that
   * bound with `total_is_lower_bound: true`, without counting further.
   */
  @Get()
  @ApiResponse({ status: 200, type: ProspectPageDto })
  @ApiErrorResponses(400)
  async search(@Query() query: ListProspectsQueryDto): Promise<ProspectPageDto> {
    const page = await this.prospects.search(query.toCriteria(), {
      skip: query.skip,
      limit: query.limit,
      sort: query.sort,
      boundedTotal: true,
    });
    return ProspectPageDto.from(page);
  }

  /**
   * Imports prospects from a CSV
   * @remarks The CSV is the body itself (`text/csv`) or a multipart file in the field `file`.
   * Headers of LinkedIn Sales Navigator, Apollo and HubSpot exports are recognised without
   * mapping, also with a company or person prefix ("Company Industry", "Contact Email");
   * `mapping` says which field a column fills where the guess is wrong or finds none. The answer
   * lists the columns not imported (`unmapped_columns`) and the mapping used. Duplicates merge
   * (email, then LinkedIn URL, then name + company domain), within the file too. Rows are written
   * as they stream in, in transactions of 2,000. Each import is recorded under an id (`import_id`
   * of the answer and the `Import-Id` header): send your own UUID as `import_id` to follow it with
   * GET /prospects/imports/{id} while it streams, or to cancel it (409 `import_cancelled` then).
   */
  @Post('import')
  @HttpCode(HttpStatus.OK)
  @AcceptsUploads()
  @ApiOperation({ requestBody: CSV_REQUEST_BODY })
  @ApiResponse({ status: 200, type: ImportResultDto })
  @ApiErrorResponses(400)
  @ApiError({
    status: 413,
    description: 'The CSV is larger than IMPORT_MAX_BYTES',
    message: 'The upload is larger than 536870912 bytes (IMPORT_MAX_BYTES)',
  })
  @ApiError({
    status: 409,
    error: 'import_cancelled',
    description:
      'The import was cancelled (POST /prospects/imports/{id}/cancel); `details` counts what was written, whole batches only. Or `import_id_taken`: an import with this `import_id` exists already',
    message:
      'The import was cancelled after 5210 rows: 4000 inserted and 0 updated (whole batches only), the rest not written',
  })
  @ApiError({
    status: 415,
    description: 'Neither a text/csv body nor a multipart/form-data file',
    message:
      'Send the CSV as a text/csv body or as a multipart/form-data file in the field "file", not application/json',
  })
  async import(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: ImportProspectsQueryDto,
  ): Promise<ImportResultDto> {
    // Chosen before the upload is read, so that every answer, an error too, names it.
    const importId = query.import_id ?? randomUUID();
    reply.header('Import-Id', importId);
    const upload = await openUploadedFile(request, this.config.importMaxBytes);
    const result = await this.importer.import(
      upload.file,
      {
        source: query.source ?? 'csv',
        tags: importTags(query.tags, query.batch),
        mapping: query.explicitMapping(upload.fields.mapping),
      },
      importId,
    );
    return ImportResultDto.from(result);
  }

  /**
   * Deletes the sample data
   * @remarks Every fictional sample prospect (`sample: true`), and the sample companies no other
   * prospect is at. Calling it again removes nothing. The sample data loads again on a start
   * that finds no prospect at all, unless SEED_SAMPLE_DATA=false.
   */
  // Declared before DELETE /prospects/{id}; Fastify's router also prefers the static path.
  @Delete('sample')
  @ApiResponse({ status: 200, type: SampleRemovalDto })
  @ApiErrorResponses()
  async deleteSamples(): Promise<SampleRemovalDto> {
    return SampleRemovalDto.from(await this.samples.removeAll());
  }

  /** Reads a prospect */
  @Get(':id')
  @PROSPECT_ID
  @ApiResponse({ status: 200, type: ProspectDto })
  @ApiErrorResponses(BAD_ID, NOT_FOUND)
  async get(@ProspectId() id: string): Promise<ProspectDto> {
    return ProspectDto.from(await this.prospects.get(id));
  }

  /**
   * Corrects a prospect's fields
   * @remarks Fields left out stay as they are; 409 when the email or LinkedIn URL belongs to
   * another prospect.
   */
  @Patch(':id')
  @PROSPECT_ID
  @ApiResponse({ status: 200, type: ProspectDto })
  @ApiErrorResponses(400, NOT_FOUND, 413, {
    status: 409,
    message: 'email already belongs to prospect "7d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6"',
  })
  async update(@ProspectId() id: string, @Body() body: UpdateProspectDto): Promise<ProspectDto> {
    return ProspectDto.from(await this.prospects.update(id, body.toChanges()));
  }

  /** Deletes a prospect */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @PROSPECT_ID
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiErrorResponses(BAD_ID, NOT_FOUND)
  async delete(@ProspectId() id: string): Promise<void> {
    await this.prospects.delete(id);
  }

  /**
   * Opts a prospect out of all email
   * @remarks The prospect is never emailed again; calling it again changes nothing.
   */
  @Post(':id/opt-out')
  @HttpCode(HttpStatus.OK)
  @PROSPECT_ID
  @ApiResponse({ status: 200, type: ProspectDto })
  @ApiErrorResponses(BAD_ID, NOT_FOUND)
  async optOut(@ProspectId() id: string): Promise<ProspectDto> {
    return ProspectDto.from(await this.prospects.optOut(id));
  }
}
