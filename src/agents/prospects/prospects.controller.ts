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
} from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiKeyAuth } from '../../common/decorators/api-docs.decorators';
import { ListProspectsQueryDto } from './dto/list-prospects-query.dto';
import { ProspectDto, ProspectPageDto } from './dto/prospect-response.dto';
import { UpdateProspectDto } from './dto/update-prospect.dto';
import { ProspectsService } from './prospects.service';

const ProspectId = () =>
  Param(
    'id',
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') }),
  );

/** The prospect database: search, read, correct, delete, opt out. */
@ApiTags('prospects')
@ApiKeyAuth()
@Controller('prospects')
export class ProspectsController {
  constructor(private readonly prospects: ProspectsService) {}

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
