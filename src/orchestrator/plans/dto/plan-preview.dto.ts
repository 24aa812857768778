import { ApiProperty } from '@nestjs/swagger';
import type { PlannerKind } from '../../planning/plan.types';
import { InterpretationDto, PlanStepDto } from '../../jobs/api/dto/job-plan-response.dto';
import type { PlanPreviewEntity } from '../plan-preview.entity';
import { describeStep } from '../utils/step-description.util';
import { PlanAudienceDto } from './plan-audience.dto';

export class PreviewStepDto extends PlanStepDto {
  /** What the step does, in words. @example "Find prospects: title CTO; country Germany; up to 100, by name" */
  description: string;
}

/** A plan that has not run: what it would do, and to whom. Run it with POST /plans/{plan_id}/run. */
export class PlanPreviewDto {
  /** Run it with POST /plans/{plan_id}/run; the job gets this id. @example 7d1e4b2a-3c5f-4e6d-9a8b-1c2d3e4f5a6b */
  plan_id: string;
  /** @example prospecting */
  job_type: string;
  /** @example "Find CTOs in Germany and draft intro emails" */
  objective: string;
  /** Who made the plan: llm, offline or explicit (POST /jobs). @example offline */
  planner: PlannerKind;
  steps: PreviewStepDto[];
  interpretation: InterpretationDto;
  /** Who the plan would work on; null when no step touches prospects. */
  @ApiProperty({ type: () => PlanAudienceDto, nullable: true })
  audience: PlanAudienceDto | null;
  /**
   * The job that ran the plan (its id is the plan's); null until POST /plans/{plan_id}/run.
   * Named apart from a job's `job_id`, so a preview is never taken for a job.
   */
  @ApiProperty({ type: String, nullable: true })
  run_job_id: string | null;
  /** ISO-8601. @example 2026-11-24T10:00:00.000Z */
  created_at: string;
  /** After this, the plan cannot run (PLAN_PREVIEW_TTL_SECONDS, default one hour). @example 2026-11-24T11:00:00.000Z */
  expires_at: string;

  static from(preview: PlanPreviewEntity): PlanPreviewDto {
    return {
      plan_id: preview.id,
      job_type: preview.jobType,
      objective: preview.plan.objective,
      planner: preview.planner,
      steps: preview.plan.steps.map((step) => ({
        ...PlanStepDto.from(step),
        description: describeStep(step),
      })),
      interpretation: preview.interpretation,
      audience: preview.audience,
      run_job_id: preview.jobId,
      created_at: preview.createdAt.toISOString(),
      expires_at: preview.expiresAt.toISOString(),
    };
  }
}
