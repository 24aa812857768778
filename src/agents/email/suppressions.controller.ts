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
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiKeyAuth } from '../../common/decorators/api-docs.decorators';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { CreateSuppressionDto, SuppressionDto, SuppressionPageDto } from './dto/suppression.dto';
import { SuppressionsService } from './suppressions.service';

/** Addresses and domains never emailed; checked right before every send. */
@ApiTags('email')
@ApiKeyAuth()
@Controller('suppressions')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionsService) {}

  /** Adds an email address or a domain; 400 for anything else, 409 when it is already listed. */
  @Post()
  @ApiResponse({ status: 201, type: SuppressionDto })
  @ApiErrorResponses(400, 409, 413)
  async add(@Body() body: CreateSuppressionDto): Promise<SuppressionDto> {
    return SuppressionDto.from(await this.suppressions.add(body.value));
  }

  @Get()
  @ApiResponse({ status: 200, type: SuppressionPageDto })
  @ApiErrorResponses(400)
  async list(@Query() query: PageQueryDto): Promise<SuppressionPageDto> {
    return SuppressionPageDto.from(
      await this.suppressions.list({ skip: query.skip, limit: query.limit }),
    );
  }

  /** Removes an address or a domain from the list. */
  @Delete(':value')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiErrorResponses(404)
  async remove(@Param('value') value: string): Promise<void> {
    await this.suppressions.remove(value);
  }
}
