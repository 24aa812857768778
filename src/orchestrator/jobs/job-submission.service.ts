import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ContextService } from '../../context/context.service';
import type { ValidatedPlan } from '../agents/plan-validation.util';
import { LlmRateLimitedException } from '../llm/llm.exceptions';
import { JobUsage, LlmUsageService } from '../llm/llm-usage.service';
import { PlannerService } from '../planning/planner.service';
import type { PlannerKind } from '../planning/plan.types';
import { DEFAULT_JOB_TYPE } from './dto/job-input';
import { PlanStepDto } from './dto/job-plan-response.dto';

/** A job whose plan passed validation and whose context now exists. */
export interface SubmittedJob {
  jobId: string;
  jobType: string;
  plan: ValidatedPlan;
  planner: PlannerKind;
  status: 'queued';
  usage: JobUsage;
  createdAt: Date;
}

/** What the provider's 429 becomes: a body the client handles itself. */
export type RateLimitedOutcome = ReturnType<LlmRateLimitedException['toResponse']>;

/**
 * Turns a command (through a planner) or an explicit plan into a job: the plan is validated
 * first, and only a valid plan is stored, in the job's context entry, ready to run.
 */
@Injectable()
export class JobSubmissionService {
  constructor(
    private readonly planner: PlannerService,
    private readonly contexts: ContextService,
    private readonly usage: LlmUsageService,
  ) {}

  async submitCommand(input: {
    command: string;
    context?: Record<string, unknown>;
    jobType?: string;
  }): Promise<SubmittedJob | RateLimitedOutcome> {
    const jobId = randomUUID();
    const jobType = input.jobType ?? DEFAULT_JOB_TYPE;
    const context = input.context ?? {};
    try {
      const { plan, planner } = await this.planner.plan({
        jobId,
        jobType,
        command: input.command,
        context,
      });
      return await this.store({ jobId, jobType, context, plan, planner, command: input.command });
    } catch (error) {
      if (error instanceof LlmRateLimitedException) return error.toResponse();
      throw error;
    }
  }

  submitPlan(input: {
    plan: { objective: unknown; steps: unknown };
    context?: Record<string, unknown>;
    jobType?: string;
  }): Promise<SubmittedJob> {
    const context = input.context ?? {};
    const plan = this.planner.validateExplicit(input.plan, context);
    return this.store({
      jobId: randomUUID(),
      jobType: input.jobType ?? DEFAULT_JOB_TYPE,
      context,
      plan,
      planner: 'explicit',
    });
  }

  private async store(job: {
    jobId: string;
    jobType: string;
    context: Record<string, unknown>;
    plan: ValidatedPlan;
    planner: PlannerKind;
    command?: string;
  }): Promise<SubmittedJob> {
    const usage = await this.usage.forJob(job.jobId);
    const status = 'queued' as const;
    const entry = await this.contexts.create({
      jobId: job.jobId,
      jobType: job.jobType,
      contextData: {
        ...(job.command === undefined ? {} : { command: job.command }),
        input: job.context,
        plan: { objective: job.plan.objective, steps: job.plan.steps.map(PlanStepDto.from) },
        planner: job.planner,
        status,
        state: job.context,
        steps: [],
        errors: [],
        usage,
      },
    });
    return { ...job, status, usage, createdAt: entry.createdAt };
  }
}
