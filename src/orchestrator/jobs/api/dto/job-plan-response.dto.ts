import type { ValidatedStep } from '../../../agents/plan-validation.util';
import type { JobUsage } from '../../../llm/llm-usage.service';
import type { PlannerKind } from '../../../planning/plan.types';
import type { SubmittedJob } from '../../job.types';
import {
  Interpretation,
  InterpretedConstraint,
  NOT_UNDERSTOOD_KINDS,
  NotUnderstoodKind,
  NotUnderstoodPhrase,
} from '../../../planning/interpretation';
import { ApiProperty } from '@nestjs/swagger';

export class PlanStepDto {
  /** @example prospects */
  agent: string;
  /** @example search */
  action: string;
  /** @example { "titles": ["VP of Sales"], "countries": ["Germany"] } */
  params: Record<string, unknown>;
  /** State keys the step reads. @example [] */
  reads: string[];
  /** State keys the step writes. @example ["prospects"] */
  writes: string[];
  /** The step changes the outside world (sends, writes elsewhere). */
  side_effect: boolean;
  /** A human approves the step before it runs. */
  requires_approval: boolean;

  static from(step: ValidatedStep): PlanStepDto {
    return {
      agent: step.agent,
      action: step.action,
      params: step.params,
      reads: step.reads,
      writes: step.writes,
      side_effect: step.sideEffect,
      requires_approval: step.requiresApproval,
    };
  }
}

export class JobUsageDto implements JobUsage {
  /** @example 1 */
  calls: number;
  /** @example 1450 */
  prompt_tokens: number;
  /** @example 180 */
  completion_tokens: number;
  /** @example 1630 */
  total_tokens: number;
  /** USD from the price table; null when the model's price is unknown. @example 0.000326 */
  estimated_cost_usd: number | null;
}

export class InterpretedConstraintDto implements InterpretedConstraint {
  /** The words of the command it came from; null for a plan sent to POST /jobs. @example "VPs of Sales" */
  @ApiProperty({ type: String, nullable: true })
  words: string | null;
  /** Index of the step whose parameter holds it (0 is the first). @example 0 */
  step: number;
  /** The parameter. @example titles */
  param: string;
  /** One value of the parameter, as text. @example "VP of Sales" */
  value: string;
}

export class NotUnderstoodPhraseDto implements NotUnderstoodPhrase {
  /** The words of the command. @example "from our webinar list" */
  words: string;
  /**
   * What they are about; any kind but `other` would narrow or steer the audience, so the
   * command is refused (422 command_partly_understood) unless `allow_partial` is true.
   * @example list
   */
  @ApiProperty({ enum: NOT_UNDERSTOOD_KINDS })
  kind: NotUnderstoodKind;
  /** Why the plan does not honour them. @example "no list, tag, source or import of that name is known" */
  reason: string;
  /** What the user may have meant. @example "Germany?" */
  @ApiProperty({ type: String, nullable: true })
  suggestion: string | null;
}

/** What the planner understood of the command: each constraint with its words, and what it did not. */
export class InterpretationDto implements Interpretation {
  constraints: InterpretedConstraintDto[];
  not_understood: NotUnderstoodPhraseDto[];
}

/** A job with its validated plan, as POST /command and POST /jobs answer. */
export class JobPlanResponseDto {
  /** @example 3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55 */
  job_id: string;
  /** @example prospecting */
  job_type: string;
  /** @example "Find VPs of Sales at SaaS companies in Germany and draft intro emails" */
  objective: string;
  steps: PlanStepDto[];
  /** Who made the plan: llm, offline or explicit (POST /jobs). @example offline */
  planner: PlannerKind;
  interpretation: InterpretationDto;
  /** @example queued */
  status: string;
  usage: JobUsageDto;
  /** ISO-8601. @example 2026-11-24T10:00:00.000Z */
  created_at: string;

  static from(job: SubmittedJob): JobPlanResponseDto {
    return {
      job_id: job.jobId,
      job_type: job.jobType,
      objective: job.plan.objective,
      steps: job.plan.steps.map((step) => PlanStepDto.from(step)),
      planner: job.planner,
      interpretation: job.interpretation,
      status: job.status,
      usage: job.usage,
      created_at: job.createdAt.toISOString(),
    };
  }
}
