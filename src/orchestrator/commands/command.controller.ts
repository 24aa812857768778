import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ApiError,
  ApiErrorExamples,
  ApiErrorResponses,
  ApiKeyAuth,
} from '../../common/decorators/api-docs.decorators';
import { Client } from '../../common/http/client-identity';
import { CommandRateLimit } from '../../common/throttling/command-rate-limit';
import { JobPlanResponseDto } from '../jobs/api/dto/job-plan-response.dto';
import { JobSubmissionService } from '../jobs/api/job-submission.service';
import { missingInputExample } from '../planning/plan-refusal-examples';
import { PlanPreviewDto } from '../plans/dto/plan-preview.dto';
import { PlanPreviewService } from '../plans/plan-preview.service';
import { CommandDto } from './dto/command.dto';
import { LlmRateLimitedResponseDto } from './dto/llm-rate-limited-response.dto';

/** A sales command in plain words → a validated action plan and its job. */
@ApiTags('orchestrator')
@ApiKeyAuth()
@ApiExtraModels(LlmRateLimitedResponseDto, PlanPreviewDto)
@Controller('command')
export class CommandController {
  constructor(
    private readonly jobs: JobSubmissionService,
    private readonly previews: PlanPreviewService,
  ) {}

  /**
   * Plans a job from a command in plain words and starts it
   * @remarks With OPENAI_API_KEY the LLM plans; without it the offline planner does (prospect
   * searches, research, fit scores, drafts, exports). The plan is validated against the agents
   * before the job is queued; follow it with GET /jobs/{job_id} or its event stream. With
   * `"run": false` nothing is queued: the answer (200) previews the plan (each step in words, the
   * prospects it would work on and those left out), and POST /plans/{plan_id}/run runs it.
   */
  @Post()
  @CommandRateLimit()
  @ApiResponse({ status: 201, type: JobPlanResponseDto, description: 'The job and its plan' })
  @ApiResponse({
    status: 200,
    description:
      'With `"run": false`, the plan previewed (no job; run it with POST /plans/{plan_id}/run). ' +
      "Or the LLM provider's rate limit or quota was hit: handle it and retry later",
    schema: {
      oneOf: [
        { $ref: getSchemaPath(PlanPreviewDto) },
        { $ref: getSchemaPath(LlmRateLimitedResponseDto) },
      ],
    },
  })
  @ApiErrorExamples(
    {
      status: 422,
      description:
        'The offline planner does not understand the command (command_not_understood), its plan cannot run here (invalid_plan), or the plan lacks inputs the context must give (missing_input, whichever planner)',
    },
    [
      {
        error: 'command_not_understood',
        summary: 'The offline planner does not understand the command',
        message:
          'The offline planner does not understand "book a meeting with Anna". Without an LLM, Zigral understands commands that find prospects …',
      },
      missingInputExample('command'),
    ],
  )
  @ApiError({
    status: 502,
    description:
      'The LLM failed, its credentials were rejected, or its plan stayed invalid (invalid_plan)',
    error: 'llm_unavailable',
    message: 'The LLM provider failed (HTTP 503)',
  })
  @ApiError({
    status: 504,
    description: 'The LLM timed out',
    error: 'llm_timeout',
    message: 'The LLM did not answer within OPENAI_TIMEOUT_MS (30000 ms)',
  })
  @ApiErrorResponses(400, 413, { status: 429, commandRateLimit: true, queueFull: true })
  async submit(
    @Body() body: CommandDto,
    @Client() client: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobPlanResponseDto | PlanPreviewDto | LlmRateLimitedResponseDto> {
    const input = {
      command: body.command,
      context: body.context,
      jobType: body.job_type,
      client,
      allowPartial: body.allow_partial,
    };
    if (body.run === false) {
      const preview = await this.previews.previewCommand(input);
      void reply.status(HttpStatus.OK);
      return 'error' in preview ? preview : PlanPreviewDto.from(preview);
    }
    const outcome = await this.jobs.submitCommand(input);
    if ('error' in outcome) {
      void reply.status(HttpStatus.OK);
      return outcome;
    }
    return JobPlanResponseDto.from(outcome);
  }
}
