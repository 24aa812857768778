import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrorResponses, ApiKeyAuth } from '../common/decorators/api-docs.decorators';
import { ContextService } from './context.service';
import type { ContextEntry } from './context.types';
import { ContextEntryDto, ContextPageDto } from './dto/context-entry.dto';
import { CreateContextDto } from './dto/create-context.dto';
import { JobIdPipe } from './dto/job-id';
import { ListContextsQueryDto } from './dto/list-contexts-query.dto';
import { MergePatchPipe } from './dto/merge-patch.pipe';
import { ReplaceContextDto } from './dto/replace-context.dto';
import { ifNoneMatchSatisfied } from './utils/etag.util';

const IF_MATCH = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The ETag last read; the write fails with 412 when the entry has changed since',
});
const ETAG_HEADER = {
  ETag: { description: 'The entry version, for If-Match', schema: { type: 'string' } },
};

/** The Context Manager: one JSON context per job. */
@ApiTags('context')
@ApiKeyAuth()
@Controller()
export class ContextController {
  constructor(private readonly contexts: ContextService) {}

  @Post('context')
  @ApiResponse({ status: 201, type: ContextEntryDto, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 409, 413)
  async create(
    @Body() body: CreateContextDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContextEntryDto> {
    const entry = await this.contexts.create({
      jobId: body.job_id,
      jobType: body.job_type,
      contextData: body.context_data,
    });
    return withEtag(reply, entry);
  }

  @Get('context/:job_id')
  @ApiResponse({ status: 200, type: ContextEntryDto, headers: ETAG_HEADER })
  @ApiResponse({ status: 304, description: 'If-None-Match matches the current ETag' })
  @ApiErrorResponses(400, 404)
  async get(
    @Param('job_id', JobIdPipe) jobId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContextEntryDto | undefined> {
    const entry = await this.contexts.get(jobId);
    if (ifNoneMatchSatisfied(ifNoneMatch, entry.etag)) {
      reply.status(HttpStatus.NOT_MODIFIED).header('ETag', entry.etag);
      return undefined;
    }
    return withEtag(reply, entry);
  }

  @Put('context/:job_id')
  @IF_MATCH
  @ApiResponse({ status: 200, type: ContextEntryDto, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 409, 412, 413)
  async replace(
    @Param('job_id', JobIdPipe) jobId: string,
    @Body() body: ReplaceContextDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContextEntryDto> {
    const entry = await this.contexts.replace(
      jobId,
      { contextData: body.context_data, jobType: body.job_type },
      { ifMatch },
    );
    return withEtag(reply, entry);
  }

  @Patch('context/:job_id')
  @IF_MATCH
  @ApiConsumes('application/merge-patch+json', 'application/json')
  @ApiBody({
    description: 'A JSON Merge Patch (RFC 7386) of context_data: keys set to null are removed',
    schema: {
      type: 'object',
      additionalProperties: true,
      example: { status: 'running', draft: null },
    },
  })
  @ApiResponse({ status: 200, type: ContextEntryDto, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 409, 412, 413)
  async patch(
    @Param('job_id', JobIdPipe) jobId: string,
    @Body(MergePatchPipe) mergePatch: Record<string, unknown>,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContextEntryDto> {
    return withEtag(reply, await this.contexts.patch(jobId, mergePatch, { ifMatch }));
  }

  @Delete('context/:job_id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @IF_MATCH
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiErrorResponses(400, 404, 412)
  async delete(
    @Param('job_id', JobIdPipe) jobId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.contexts.delete(jobId, { ifMatch });
  }

  @Get('contexts')
  @ApiResponse({ status: 200, type: ContextPageDto })
  @ApiErrorResponses(400)
  async list(@Query() query: ListContextsQueryDto): Promise<ContextPageDto> {
    const page = await this.contexts.list({
      skip: query.skip,
      limit: query.limit,
      jobType: query.job_type,
    });
    return ContextPageDto.from(page);
  }
}

function withEtag(reply: FastifyReply, entry: ContextEntry): ContextEntryDto {
  reply.header('ETag', entry.etag);
  return ContextEntryDto.from(entry);
}
