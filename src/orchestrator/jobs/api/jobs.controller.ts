import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiErrorExamples,
  ApiErrorResponses,
  ApiKeyAuth,
} from '../../../common/decorators/api-docs.decorators';
import { Actor, Client } from '../../../common/http/client-identity';
import {
  MAX_INT32,
  ParseSequenceNumberPipe,
} from '../../../common/validation/parse-sequence-number.pipe';
import { JobIdPipe } from '../../../context/dto/job-id';
import { INVALID_PLAN_EXAMPLE, missingInputExample } from '../../planning/plan-refusal-examples';
import { CreateJobDto } from './dto/create-job.dto';
import {
  ApproveJobDto,
  FeedbackDto,
  ListJobsQueryDto,
  RejectJobDto,
  RetryJobDto,
} from './dto/job-actions.dto';
import { JobPlanResponseDto } from './dto/job-plan-response.dto';
import { CheckpointDto, FeedbackResponseDto, JobDto, JobPageDto } from './dto/job-response.dto';
import { CheckpointService } from '../store/checkpoint.service';
import { JobEventsSse } from '../events/job-events-sse';
import { LAST_EVENT_ID_HEADER, parseLastEventId } from '../events/last-event-id.util';
import { ApiDecisionConflict, ApiEventStream, conflict, JOB_ID, NOT_FOUND } from './jobs-api-docs';
import { JobSubmissionService } from './job-submission.service';
import { JobsService } from './jobs.service';
import { PlanPreviewDto } from '../../plans/dto/plan-preview.dto';
import { PlanPreviewService } from '../../plans/plan-preview.service';

/** Jobs: explicit plans, status, live progress, and the human decisions on them. */
@ApiTags('jobs')
@ApiKeyAuth()
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly submissions: JobSubmissionService,
    private readonly jobs: JobsService,
    private readonly checkpoints: CheckpointService,
    private readonly previews: PlanPreviewService,
  ) {}

  /**
   * Runs an explicit plan
   * @remarks An action sequence (a saved plan or a template), validated like an LLM's plan; see
   * GET /agents for the actions and their parameters. With `"run": false` nothing is queued: the
   * answer (200) previews the plan and its prospects; POST /plans/{plan_id}/run runs it.
   */
  @Post()
  @ApiResponse({ status: 201, type: JobPlanResponseDto })
  @ApiResponse({
    status: 200,
    type: PlanPreviewDto,
    description: 'With `"run": false`, the plan previewed (no job)',
  })
  @ApiErrorExamples(
    {
      status: 422,
      description:
        'The plan cannot run (invalid_plan), or lacks only inputs to add to the steps or the context (missing_input); details name each step and field',
    },
    [INVALID_PLAN_EXAMPLE, missingInputExample('explicit')],
  )
  @ApiErrorResponses(400, 413, { status: 429, queueFull: true })
  async create(
    @Body() body: CreateJobDto,
    @Client() client: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobPlanResponseDto | PlanPreviewDto> {
    const input = {
      plan: { objective: body.objective, steps: body.steps },
      context: body.context,
      jobType: body.job_type,
      client,
    };
    if (body.run === false) {
      void reply.status(HttpStatus.OK);
      return PlanPreviewDto.from(await this.previews.previewPlan(input));
    }
    return JobPlanResponseDto.from(await this.submissions.submitPlan(input));
  }

  /** Lists jobs, newest first */
  @Get()
  @ApiResponse({ status: 200, type: JobPageDto })
  @ApiErrorResponses(400)
  async list(@Query() query: ListJobsQueryDto): Promise<JobPageDto> {
    const page = await this.jobs.list(query);
    return {
      items: page.records.map((job) => JobDto.from(job)),
      total: page.total,
      skip: query.skip,
      limit: query.limit,
    };
  }

  /** Reads a job: its steps, their progress, and its LLM usage */
  @Get(':job_id')
  @JOB_ID
  @ApiResponse({ status: 200, type: JobDto })
  @ApiErrorResponses(400, NOT_FOUND)
  async get(@Param('job_id', JobIdPipe) jobId: string): Promise<JobDto> {
    const { job, usage } = await this.jobs.getWithUsage(jobId);
    return JobDto.from(job, usage);
  }

  /**
   * Follows a job's events (Server-Sent Events)
   * @remarks The job's past events, then new ones live; the stream ends when the job does. A
   * client that reconnects with the standard `Last-Event-ID` header (EventSource does it by
   * itself) gets only the events after that id, then live ones: none missed, none twice.
   */
  @Get(':job_id/events')
  @JOB_ID
  @ApiEventStream()
  async events(
    @Param('job_id', JobIdPipe) jobId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const resume = parseLastEventId(request.headers[LAST_EVENT_ID_HEADER]);
    if (!resume.ok) throw new BadRequestException(resume.message);
    const sse = new JobEventsSse(request, reply);
    const { stop, ended } = await this.jobs.followEvents(
      jobId,
      (events) => sse.send(events),
      resume.afterId,
    );
    sse.open(stop, ended);
  }

  /** Cancels a job that has not finished */
  @Post(':job_id/cancel')
  @HttpCode(200)
  @JOB_ID
  @ApiResponse({ status: 200, type: JobDto })
  @ApiErrorResponses(400, NOT_FOUND, conflict('cancel', 'succeeded'))
  async cancel(@Param('job_id', JobIdPipe) jobId: string): Promise<JobDto> {
    return JobDto.from(await this.jobs.cancel(jobId));
  }

  /**
   * Resumes a failed job from its failed step
   * @remarks Without a body, the step runs again as it was. `context` patches the state it
   * resumes from (a checkpoint of the patched state is added, and the context entry's `state`
   * shows it); `params` replace its parameters. The plan from the failed step on is then
   * validated again like a new one: 400 `invalid_params` names bad params, 422 `missing_input`
   * an input still missing, 422 `invalid_plan` anything else; a refused retry changes nothing.
   */
  @Post(':job_id/retry')
  @HttpCode(200)
  @JOB_ID
  @ApiBody({ type: RetryJobDto, required: false })
  @ApiResponse({ status: 200, type: JobDto })
  @ApiErrorExamples(
    {
      status: 422,
      description:
        'An input is still missing (missing_input), or the changed plan cannot run (invalid_plan); the job stays failed',
    },
    [
      missingInputExample('retry'),
      { ...INVALID_PLAN_EXAMPLE, message: 'The job cannot resume with these changes' },
    ],
  )
  @ApiErrorResponses(400, NOT_FOUND, conflict('retry', 'running'))
  async retry(
    @Param('job_id', JobIdPipe) jobId: string,
    @Body() body: RetryJobDto,
  ): Promise<JobDto> {
    return JobDto.from(
      await this.jobs.retry(jobId, { context: body.context, params: body.params }),
    );
  }

  /**
   * Approves the step a job waits on
   * @remarks The step runs with its planned parameters, or with `params` when given (validated
   * like the plan's; 400 `invalid_params` names the problems). Who approved (the API key's
   * label, `anonymous` without API_KEYS) and when are recorded: GET /jobs/{id} shows them as
   * `approval`. Of racing approves and rejects exactly one wins; the others get 409
   * `already_decided` naming who decided and when.
   */
  @Post(':job_id/approve')
  @HttpCode(200)
  @JOB_ID
  @ApiResponse({ status: 200, type: JobDto })
  @ApiDecisionConflict('approve')
  @ApiErrorResponses(400, NOT_FOUND)
  async approve(
    @Param('job_id', JobIdPipe) jobId: string,
    @Body() body: ApproveJobDto,
    @Actor() actor: string,
  ): Promise<JobDto> {
    return JobDto.from(await this.jobs.approve(jobId, body.params, actor));
  }

  /**
   * Rejects the step a job waits on, which cancels the job
   * @remarks Who rejected (the API key's label) and when are recorded like an approval's.
   */
  @Post(':job_id/reject')
  @HttpCode(200)
  @JOB_ID
  @ApiResponse({ status: 200, type: JobDto })
  @ApiDecisionConflict('reject')
  @ApiErrorResponses(400, NOT_FOUND)
  async reject(
    @Param('job_id', JobIdPipe) jobId: string,
    @Body() body: RejectJobDto,
    @Actor() actor: string,
  ): Promise<JobDto> {
    return JobDto.from(await this.jobs.reject(jobId, body.reason, actor));
  }

  /**
   * Rates a job's plan
   * @remarks The planner shows well-rated plans to the LLM as examples for commands of the same job type.
   */
  @Post(':job_id/feedback')
  @JOB_ID
  @ApiResponse({ status: 201, type: FeedbackResponseDto, description: 'All feedback of the job' })
  @ApiErrorResponses(400, NOT_FOUND)
  async feedback(
    @Param('job_id', JobIdPipe) jobId: string,
    @Body() body: FeedbackDto,
  ): Promise<FeedbackResponseDto> {
    return { feedback: await this.jobs.feedback(jobId, body) };
  }

  /** Lists a job's checkpoints: its state after each completed step */
  @Get(':job_id/checkpoints')
  @JOB_ID
  @ApiResponse({ status: 200, type: [CheckpointDto] })
  @ApiErrorResponses(400, NOT_FOUND)
  async listCheckpoints(@Param('job_id', JobIdPipe) jobId: string): Promise<CheckpointDto[]> {
    return (await this.checkpoints.list(jobId)).map((checkpoint) => CheckpointDto.from(checkpoint));
  }

  /** Reads one checkpoint of a job */
  @Get(':job_id/checkpoints/:seq')
  @JOB_ID
  @ApiParam({
    name: 'seq',
    schema: { type: 'integer', minimum: 1, maximum: MAX_INT32, example: 1 },
    description: "The checkpoint's number: 1 for the job's first completed step",
  })
  @ApiResponse({ status: 200, type: CheckpointDto })
  @ApiErrorResponses(400, {
    status: 404,
    message: 'No checkpoint #1 for job "3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55"',
  })
  async getCheckpoint(
    @Param('job_id', JobIdPipe) jobId: string,
    @Param('seq', new ParseSequenceNumberPipe('seq')) seq: number,
  ): Promise<CheckpointDto> {
    return CheckpointDto.from(await this.checkpoints.load(jobId, { seq }));
  }
}
