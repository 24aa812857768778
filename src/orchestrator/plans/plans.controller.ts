import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorExamples,
  ApiErrorResponses,
  ApiKeyAuth,
} from '../../common/decorators/api-docs.decorators';
import { Client } from '../../common/http/client-identity';
import { JobPlanResponseDto } from '../jobs/api/dto/job-plan-response.dto';
import { PlanPreviewDto } from './dto/plan-preview.dto';
import { PlanPreviewService } from './plan-preview.service';

/** No example: plan ids are the server's (POST /command with `"run": false` answers one). */
const PLAN_ID = ApiParam({
  name: 'plan_id',
  description: 'The `plan_id` of a preview: POST /command or POST /jobs with `"run": false`',
});
const EXAMPLE_PLAN = '7d1e4b2a-3c5f-4e6d-9a8b-1c2d3e4f5a6b';

const NOT_FOUND = ApiErrorExamples(
  {
    status: 404,
    description: 'No such preview, or it expired (PLAN_PREVIEW_TTL_SECONDS): preview again',
  },
  [
    {
      error: 'plan_not_found',
      summary: 'Expired',
      message: `Plan "${EXAMPLE_PLAN}" expired at 2026-11-24T11:00:00.000Z: preview the command again`,
    },
  ],
);

/** Plan previews: read one, and run it as a job. */
@ApiTags('plans')
@ApiKeyAuth()
@Controller('plans')
export class PlansController {
  constructor(private readonly previews: PlanPreviewService) {}

  /** Shows a plan preview */
  @Get(':plan_id')
  @PLAN_ID
  @ApiResponse({ status: 200, type: PlanPreviewDto })
  @NOT_FOUND
  @ApiErrorResponses()
  async get(@Param('plan_id') planId: string): Promise<PlanPreviewDto> {
    return PlanPreviewDto.from(await this.previews.get(planId));
  }

  /**
   * Runs a previewed plan
   * @remarks Creates the job from exactly the plan previewed (its `job_id` is the `plan_id`), once.
   * The audience is computed again first: when its prospects differ from the preview's, nothing
   * runs (409 audience_changed) and the command should be previewed again. A body is optional.
   */
  @Post(':plan_id/run')
  @HttpCode(HttpStatus.CREATED)
  @PLAN_ID
  @ApiResponse({ status: 201, type: JobPlanResponseDto, description: 'The job and its plan' })
  @NOT_FOUND
  @ApiErrorExamples(
    {
      status: 409,
      description:
        'The plan already ran (plan_already_run, details.job_id), or its audience changed since the preview (audience_changed, details.added and details.removed): preview again',
    },
    [
      {
        error: 'audience_changed',
        summary: 'The prospects are not those previewed',
        message:
          'The audience changed since the preview (1 prospects added, 0 removed): preview again, then run the new plan',
        details: { added: 1, removed: 0 },
      },
      {
        error: 'plan_already_run',
        summary: 'The plan ran already',
        message: `Plan "${EXAMPLE_PLAN}" already ran as job "${EXAMPLE_PLAN}": follow it with GET /jobs/${EXAMPLE_PLAN}`,
        details: { job_id: EXAMPLE_PLAN },
      },
    ],
  )
  @ApiErrorResponses(400, { status: 429, queueFull: true })
  async run(
    @Param('plan_id') planId: string,
    @Client() client: string,
  ): Promise<JobPlanResponseDto> {
    return JobPlanResponseDto.from(await this.previews.run(planId, client));
  }
}
