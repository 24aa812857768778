import { Body, Controller, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiKeyAuth } from '../../common/decorators/api-docs.decorators';
import { ErrorResponseDto } from '../../common/dto/error-response.dto';
import { CreateJobDto } from './dto/create-job.dto';
import { JobPlanResponseDto } from './dto/job-plan-response.dto';
import { JobSubmissionService } from './job-submission.service';

/** Jobs from an explicit action sequence (a saved plan or a template). */
@ApiTags('jobs')
@ApiKeyAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobSubmissionService) {}

  @Post()
  @ApiResponse({ status: 201, type: JobPlanResponseDto })
  @ApiResponse({
    status: 422,
    type: ErrorResponseDto,
    description: 'The plan cannot run (invalid_plan); details name each step and field',
  })
  @ApiErrorResponses(400, 413)
  async create(@Body() body: CreateJobDto): Promise<JobPlanResponseDto> {
    const job = await this.jobs.submitPlan({
      plan: { objective: body.objective, steps: body.steps },
      context: body.context,
      jobType: body.job_type,
    });
    return JobPlanResponseDto.from(job);
  }
}
