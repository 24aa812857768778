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
import { ApiBody, ApiConsumes, ApiHeader, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
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
const IF_NONE_MATCH = ApiHeader({
  name: 'If-None-Match',
  required: false,
  description: 'The ETag last read; 304 without a body when the entry has not changed since',
});
/** The example matches POST /context's, so "Try it out" reads what that created. */
const JOB_ID = ApiParam({
  name: 'job_id',
  description: "The job's id: 1-128 characters of A-Z, a-z, 0-9, _ . : -",
  example: 'job-2026-11-24-001',
});
const NOT_FOUND = { status: 404, message: 'No context for job_id "job-2026-11-24-001"' };
const CONTENTION = {
  status: 409,
  description: 'Too many concurrent writes to the entry: retry',
  message: 'Too many concurrent writes to job_id "job-2026-11-24-001"; retry the request',
};
const ETAG_HEADER = {
  ETag: { description: 'The entry version, for If-Match', schema: { type: 'string' } },
};

/** The Context Manager: one JSON context per job. */
@ApiTags('context')
@ApiKeyAuth()
@Controller()
export class ContextController {
  constructor(private readonly contexts: ContextService) {}

  /**
   * Creates a job's context entry
   * @remarks The server makes a UUID when `job_id` is absent; 409 when the job already has one.
   */
  @Post('context')
  @ApiResponse({ status: 201, type: ContextEntryDto, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 413, {
    status: 409,
    message: 'A context for job_id "job-2026-11-24-001" already exists',
  })
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

  /** Reads a job's context entry */
  @Get('context/:job_id')
  @JOB_ID
  @IF_NONE_MATCH
  @ApiResponse({ status: 200, type: ContextEntryDto, headers: ETAG_HEADER })
  @ApiResponse({ status: 304, description: 'If-None-Match matches the current ETag' })
  @ApiErrorResponses(400, NOT_FOUND)
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

  /**
   * Replaces a job's context
   * @remarks `context_data` replaces the whole document; `version` goes up by one.
   */
  @Put('context/:job_id')
  @JOB_ID
  @IF_MATCH
  @ApiResponse({ status: 200, type: ContextEntryDto, headers: ETAG_HEADER })
  @ApiErrorResponses(400, NOT_FOUND, CONTENTION, 412, 413)
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

  /**
   * Changes part of a job's context (JSON Merge Patch)
   * @remarks The body is an RFC 7386 merge patch of `context_data`: keys set to null are removed,
   * objects merge, anything else replaces.
   */
  @Patch('context/:job_id')
  @JOB_ID
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
  @ApiErrorResponses(400, NOT_FOUND, CONTENTION, 412, 413)
  async patch(
    @Param('job_id', JobIdPipe) jobId: string,
    @Body(MergePatchPipe) mergePatch: Record<string, unknown>,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContextEntryDto> {
    return withEtag(reply, await this.contexts.patch(jobId, mergePatch, { ifMatch }));
  }

  /** Deletes a job's context entry */
  @Delete('context/:job_id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @JOB_ID
  @IF_MATCH
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiErrorResponses(400, NOT_FOUND, 412)
  async delete(
    @Param('job_id', JobIdPipe) jobId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.contexts.delete(jobId, { ifMatch });
  }

  /** Lists context entries, newest first */
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
