import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorResponses, ApiKeyAuth } from '../../../common/decorators/api-docs.decorators';
import { ErrorResponseDto } from '../../../common/dto/error-response.dto';
import { Client } from '../../../common/http/client-identity';
import { JobIdPipe } from '../../../context/dto/job-id';
import { CreateJobDto } from './dto/create-job.dto';
import { ApproveJobDto, FeedbackDto, ListJobsQueryDto, RejectJobDto } from './dto/job-actions.dto';
import { JobPlanResponseDto } from './dto/job-plan-response.dto';
import { CheckpointDto, JobDto, JobPageDto } from './dto/job-response.dto';
import { CheckpointService } from '../store/checkpoint.service';
import { JobEventsSse } from '../events/job-events-sse';
import { JobSubmissionService } from './job-submission.service';
import { JobsService } from './jobs.service';

/** Jobs: explicit plans, status, live progress, and the human decisions on them. */
@ApiTags('jobs')
@ApiKeyAuth()
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly submissions: JobSubmissionService,
    private readonly jobs: JobsService,
    private readonly checkpoints: CheckpointService,
  ) {}

  /** Runs an explicit action sequence (a saved plan or a template), validated like an LLM's. */
  @Post()
  @ApiResponse({ status: 201, type: JobPlanResponseDto })
  @ApiResponse({
    status: 422,
    type: ErrorResponseDto,
    description: 'The plan cannot run (invalid_plan); details name each step and field',
  })
  @ApiErrorResponses(400, 413)
  async create(@Body() body: CreateJobDto, @Client() client: string): Promise<JobPlanResponseDto> {
    const job = await this.submissions.submitPlan({
      plan: { objective: body.objective, steps: body.steps },
      context: body.context,
      jobType: body.job_type,
      client,
    });
    return JobPlanResponseDto.from(job);
  }

  /** Jobs, newest first. */
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

  @Get(':job_id')
  @ApiResponse({ status: 200, type: JobDto })
  @ApiErrorResponses(400, 404)
  async get(@Param('job_id', JobIdPipe) jobId: string): Promise<JobDto> {
    const { job, usage } = await this.jobs.getWithUsage(jobId);
    return JobDto.from(job, usage);
  }

  /** Server-Sent Events: the job's past events, then new ones live; ends when the job does. */
  @Get(':job_id/events')
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'The event stream (text/event-stream)' })
  @ApiErrorResponses(400, 404)
  async events(
    @Param('job_id', JobIdPipe) jobId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const sse = new JobEventsSse(request, reply);
    const stop = await this.jobs.followEvents(jobId, (events) => sse.send(events));
    sse.open(stop);
  }

  @Post(':job_id/cancel')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: JobDto })
  @ApiErrorResponses(400, 404, 409)
  async cancel(@Param('job_id', JobIdPipe) jobId: string): Promise<JobDto> {
    return JobDto.from(await this.jobs.cancel(jobId));
  }

  /** A failed job resumes from its failed step. */
  @Post(':job_id/retry')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: JobDto })
  @ApiErrorResponses(400, 404, 409)
  async retry(@Param('job_id', JobIdPipe) jobId: string): Promise<JobDto> {
    return JobDto.from(await this.jobs.retry(jobId));
  }

  @Post(':job_id/approve')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: JobDto })
  @ApiErrorResponses(400, 404, 409)
  async approve(
    @Param('job_id', JobIdPipe) jobId: string,
    @Body() body: ApproveJobDto,
  ): Promise<JobDto> {
    return JobDto.from(await this.jobs.approve(jobId, body.params));
  }

  @Post(':job_id/reject')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: JobDto })
  @ApiErrorResponses(400, 404, 409)
  async reject(
    @Param('job_id', JobIdPipe) jobId: string,
    @Body() body: RejectJobDto,
  ): Promise<JobDto> {
    return JobDto.from(await this.jobs.reject(jobId, body.reason));
  }

  /** Rates the job's plan; the planner shows well-rated plans to the LLM as examples. */
  @Post(':job_id/feedback')
  @ApiResponse({ status: 201, description: 'All feedback of the job' })
  @ApiErrorResponses(400, 404)
  async feedback(@Param('job_id', JobIdPipe) jobId: string, @Body() body: FeedbackDto) {
    return { feedback: await this.jobs.feedback(jobId, body) };
  }

  @Get(':job_id/checkpoints')
  @ApiResponse({ status: 200, type: [CheckpointDto] })
  @ApiErrorResponses(400, 404)
  async listCheckpoints(@Param('job_id', JobIdPipe) jobId: string): Promise<CheckpointDto[]> {
    return (await this.checkpoints.list(jobId)).map((checkpoint) => CheckpointDto.from(checkpoint));
  }

  @Get(':job_id/checkpoints/:seq')
  @ApiResponse({ status: 200, type: CheckpointDto })
  @ApiErrorResponses(400, 404)
  async getCheckpoint(
    @Param('job_id', JobIdPipe) jobId: string,
    @Param('seq', new ParseIntPipe({ errorHttpStatusCode: 400 })) seq: number,
  ): Promise<CheckpointDto> {
    return CheckpointDto.from(await this.checkpoints.load(jobId, { seq }));
  }
}
