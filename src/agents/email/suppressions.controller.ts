import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiKeyAuth } from '../../common/decorators/api-docs.decorators';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import {
  CreateSuppressionDto,
  ImportSuppressionsDto,
  SuppressionDto,
  SuppressionImportDto,
  SuppressionPageDto,
} from './dto/suppression.dto';
import { SuppressionsService } from './suppressions.service';

/** Addresses and domains never emailed; checked right before every send. */
@ApiTags('email')
@ApiKeyAuth()
@Controller('suppressions')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionsService) {}

  /**
   * Adds an email address or a domain to the suppression list
   * @remarks 400 for anything else, 409 when it is already listed.
   */
  @Post()
  @ApiResponse({ status: 201, type: SuppressionDto })
  @ApiErrorResponses(400, 413, {
    status: 409,
    message: '"acme.example" is already on the suppression list',
  })
  async add(@Body() body: CreateSuppressionDto): Promise<SuppressionDto> {
    return SuppressionDto.from(await this.suppressions.add(body.value));
  }

  /**
   * Adds many email addresses and domains at once
   * @remarks Up to 10000 values (e.g. the lines of a file), each taken like POST /suppressions.
   * Never a 409: the answer counts the values added, already present (listed before, or
   * repeating an earlier row) and invalid, and lists each row not added with its reason.
   */
  @Post('import')
  @HttpCode(HttpStatus.OK)
  @ApiResponse({ status: 200, type: SuppressionImportDto })
  @ApiErrorResponses(
    { status: 400, message: 'values must hold at most 10000 values: split the list' },
    413,
  )
  async import(@Body() body: ImportSuppressionsDto): Promise<SuppressionImportDto> {
    return SuppressionImportDto.from(await this.suppressions.importMany(body.values));
  }

  /** Lists the suppression list, newest first */
  @Get()
  @ApiResponse({ status: 200, type: SuppressionPageDto })
  @ApiErrorResponses(400)
  async list(@Query() query: PageQueryDto): Promise<SuppressionPageDto> {
    return SuppressionPageDto.from(
      await this.suppressions.list({ skip: query.skip, limit: query.limit }),
    );
  }

  /** Removes an address or a domain from the suppression list */
  @Delete(':value')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam({
    name: 'value',
    description: 'The address or domain, as listed',
    example: 'acme.example',
  })
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiErrorResponses({ status: 404, message: '"acme.example" is not on the suppression list' })
  async remove(@Param('value') value: string): Promise<void> {
    await this.suppressions.remove(value);
  }
}
