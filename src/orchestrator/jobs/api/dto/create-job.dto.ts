import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../../common/validation/not-blank.validator';
import { JobContextProperty, JobTypeProperty } from './job-input';

/** One step of an explicit plan; checked against the registry like an LLM's. */
export class PlanStepInputDto {
  /** @example prospects */
  agent: string;
  /** @example search */
  action: string;
  /** The action's parameters (see GET /agents for each schema). @example { "titles": ["VP of Sales"], "countries": ["Germany"] } */
  params?: Record<string, unknown>;
}

export class CreateJobDto {
  /**
   * What the job achieves.
   * @example "Find VPs of Sales in Germany"
   */
  @IsString()
  @MaxLength(1000)
  @IsNotBlank()
  objective: string;

  /** The action sequence, run in order. */
  // As parsed: each step is validated against the agent registry, which reports every problem.
  @Transform(({ obj }) => (obj as Record<string, unknown>).steps, { toClassOnly: true })
  @IsArray({ message: 'steps must be an array' })
  steps: PlanStepInputDto[];

  /**
   * Values the steps may read from the job state from the start.
   * @example { "sender": "Ana from Acme", "offer": "A 14-day pilot" }
   */
  @JobContextProperty()
  context?: Record<string, unknown>;

  /** @example prospecting */
  @JobTypeProperty()
  job_type?: string;

  /**
   * false: only plan, and answer (200) the plan with the prospects it would work on, to run with
   * POST /plans/{plan_id}/run: no job is created and nothing runs (no search results stored, no
   * fetch, no score, no draft, no send). Default true.
   * @example true
   */
  @IsOptional()
  @IsBoolean()
  run?: boolean;
}
