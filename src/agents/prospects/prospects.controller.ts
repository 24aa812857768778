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
} from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiErrorResponses, ApiKeyAuth } from '../../common/decorators/api-docs.decorators';
import { ErrorResponseDto } from '../../common/dto/error-response.dto';
import { AcceptsUploads, openUploadedFile } from '../../common/http/upload-body';
import { AppConfig } from '../../config/app-config';
import { ImportProspectsQueryDto } from './dto/import-prospects-query.dto';
import { ImportResultDto } from './dto/import-result.dto';
import { ListProspectsQueryDto } from './dto/list-prospects-query.dto';
import { ProspectDto, ProspectPageDto } from './dto/prospect-response.dto';
import { UpdateProspectDto } from './dto/update-prospect.dto';
import { ProspectCsvImportService } from './import/prospect-csv-import.service';
import { ProspectsService } from './prospects.service';

const ProspectId = () =>
  Param(
    'id',
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') }),
  );

/** The body of POST /prospects/import in OpenAPI terms: the CSV itself, or a form with the file. */
const CSV_REQUEST_BODY = {
  required: true,
  description:
    'A CSV with a header row (UTF-8, optional BOM). Column names of Sales Navigator, Apollo and HubSpot exports, or plain ones (name, email, title, company, website, country, …)',
  content: {
    'text/csv': {
      schema: { type: 'string' as const },
      example:
        'First Name,Last Name,Email,Title,Company,Website\nAnna,Beispiel,anna@nordlicht.example,VP Sales,Nordlicht GmbH,nordlicht.example\n',
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
    private readonly importer: ProspectCsvImportService,
    private readonly config: AppConfig,
  ) {}

  /** Prospects matching the filters, ordered by name. */
  @Get()
  @ApiResponse({ status: 200, type: ProspectPageDto })
  @ApiErrorResponses(400)
  async search(@Query() query: ListProspectsQueryDto): Promise<ProspectPageDto> {
    const page = await this.prospects.search(query.toCriteria(), {
      skip: query.skip,
      limit: query.limit,
    });
    return ProspectPageDto.from(page);
  }

  /**
   * Imports prospects from a CSV: the body itself (`text/csv`) or a multipart file in the field
   * `file`. Headers of LinkedIn Sales Navigator, Apollo and HubSpot exports are recognised
   * without mapping, also with a company or person prefix ("Company Industry", "Contact Email");
   * `mapping` says which field a column fills where the guess is wrong or finds none. The answer
   * lists the columns not imported (`unmapped_columns`) and the mapping used. Duplicates merge
   * (email, then LinkedIn URL, then name + company domain), within the file too. Rows are written
   * as they stream in, in transactions of 2,000.
   */
  @Post('import')
  @HttpCode(HttpStatus.OK)
  @AcceptsUploads()
  @ApiOperation({ requestBody: CSV_REQUEST_BODY })
  @ApiResponse({ status: 200, type: ImportResultDto })
  @ApiErrorResponses(400)
  @ApiResponse({
    status: 413,
    description: 'The CSV is larger than IMPORT_MAX_BYTES',
    type: ErrorResponseDto,
  })
  @ApiResponse({
    status: 415,
    description: 'Neither a text/csv body nor a multipart/form-data file',
    type: ErrorResponseDto,
  })
  async import(
    @Req() request: FastifyRequest,
    @Query() query: ImportProspectsQueryDto,
  ): Promise<ImportResultDto> {
    const upload = await openUploadedFile(request, this.config.importMaxBytes);
    const result = await this.importer.import(upload.file, {
      source: query.source ?? 'csv',
      tags: query.tags,
      mapping: query.explicitMapping(upload.fields.mapping),
    });
    return ImportResultDto.from(result);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: ProspectDto })
  @ApiErrorResponses(400, 404)
  async get(@ProspectId() id: string): Promise<ProspectDto> {
    return ProspectDto.from(await this.prospects.get(id));
  }

  /** Corrects a prospect's fields; 409 when the email or LinkedIn URL belongs to another prospect. */
  @Patch(':id')
  @ApiResponse({ status: 200, type: ProspectDto })
  @ApiErrorResponses(400, 404, 409, 413)
  async update(@ProspectId() id: string, @Body() body: UpdateProspectDto): Promise<ProspectDto> {
    return ProspectDto.from(await this.prospects.update(id, body.toChanges()));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiErrorResponses(400, 404)
  async delete(@ProspectId() id: string): Promise<void> {
    await this.prospects.delete(id);
  }

  /** Marks the prospect as never to be emailed again; calling it again changes nothing. */
  @Post(':id/opt-out')
  @HttpCode(HttpStatus.OK)
  @ApiResponse({ status: 200, type: ProspectDto })
  @ApiErrorResponses(400, 404)
  async optOut(@ProspectId() id: string): Promise<ProspectDto> {
    return ProspectDto.from(await this.prospects.optOut(id));
  }
}
