import type { ValidatedStep } from '../../../agents/plan-validation.util';
import type { JobUsage } from '../../../llm/llm-usage.service';
import type { PlannerKind } from '../../../planning/plan.types';
import type { SubmittedJob } from '../../job.types';

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
      status: job.status,
      usage: job.usage,
      created_at: job.createdAt.toISOString(),
    };
  }
}
