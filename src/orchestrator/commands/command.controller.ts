import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrorResponses, ApiKeyAuth } from '../../common/decorators/api-docs.decorators';
import { ErrorResponseDto } from '../../common/dto/error-response.dto';
import { Client } from '../../common/http/client-identity';
import { CommandRateLimit } from '../../common/throttling/command-rate-limit';
import { JobPlanResponseDto } from '../jobs/api/dto/job-plan-response.dto';
import { JobSubmissionService } from '../jobs/api/job-submission.service';
import { CommandDto } from './dto/command.dto';
import { LlmRateLimitedResponseDto } from './dto/llm-rate-limited-response.dto';

/** A sales command in plain words → a validated action plan and its job. */
@ApiTags('orchestrator')
@ApiKeyAuth()
@ApiExtraModels(LlmRateLimitedResponseDto)
@Controller('command')
export class CommandController {
  constructor(private readonly jobs: JobSubmissionService) {}

  @Post()
  @CommandRateLimit()
  @ApiResponse({ status: 201, type: JobPlanResponseDto, description: 'The job and its plan' })
  @ApiResponse({
    status: 200,
    description: "The LLM provider's rate limit or quota was hit: handle it and retry later",
    schema: { $ref: getSchemaPath(LlmRateLimitedResponseDto) },
  })
  @ApiResponse({
    status: 422,
    type: ErrorResponseDto,
    description: 'The offline planner does not understand the command (command_not_understood)',
  })
  @ApiResponse({
    status: 502,
    type: ErrorResponseDto,
    description:
      'The LLM failed, its credentials were rejected, or its plan stayed invalid (invalid_plan)',
  })
  @ApiResponse({ status: 504, type: ErrorResponseDto, description: 'The LLM timed out' })
  @ApiErrorResponses(400, 413)
  async submit(
    @Body() body: CommandDto,
    @Client() client: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobPlanResponseDto | LlmRateLimitedResponseDto> {
    const outcome = await this.jobs.submitCommand({
      command: body.command,
      context: body.context,
      jobType: body.job_type,
      client,
    });
    if ('error' in outcome) {
      void reply.status(HttpStatus.OK);
      return outcome;
    }
    return JobPlanResponseDto.from(outcome);
  }
}
