import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { ContextAlreadyExistsException } from '../../../context/exceptions/context.exceptions';
import type { ValidatedPlan } from '../../agents/plan-validation.util';
import { LlmRateLimitedException } from '../../llm/llm.exceptions';
import { JobUsage, LlmUsageService } from '../../llm/llm-usage.service';
import { PlannedCommand, PlannerService } from '../../planning/planner.service';
import type { PlannerKind } from '../../planning/plan.types';
import { assertFullyUnderstood, Interpretation } from '../../planning/interpretation';
import { DEFAULT_JOB_TYPE } from './dto/job-input';
import { contextSteps } from '../runner/job-progress.util';
import { JobRunner } from '../runner/job-runner.service';
import type { JobRecord, SubmittedJob } from '../job.types';
import { QueueFullException } from '../../../common/throttling/queue-full.exception';
import { JobStore } from '../store/job-store';
import { PlanStepDto } from './dto/job-plan-response.dto';

const NO_USAGE: JobUsage = {
  calls: 0,
  prompt_tokens: 0,
  completion_tokens: 0,
  total_tokens: 0,
  estimated_cost_usd: 0,
};

/** A command to plan, with its context and who sent it. */
export interface CommandInput {
  command: string;
  context?: Record<string, unknown>;
  jobType?: string;
  client?: string;
  /** Run even when phrases that would narrow the audience were not understood. */
  allowPartial?: boolean;
}

/** A validated plan with everything its job is created from. */
export interface PlannedJob {
  jobId: string;
  jobType: string;
  context: Record<string, unknown>;
  plan: ValidatedPlan;
  planner: PlannerKind;
  interpretation: Interpretation;
  command?: string;
  client?: string;
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
    private readonly config: AppConfig,
    private readonly planner: PlannerService,
    private readonly usage: LlmUsageService,
    private readonly jobs: JobStore,
    private readonly runner: JobRunner,
  ) {}

  async submitCommand(input: CommandInput): Promise<SubmittedJob | RateLimitedOutcome> {
    // Checked before planning too, so a full queue spends no LLM tokens.
    await this.checkQueue(input.client);
    const jobId = randomUUID();
    const planned = await this.planCommand(jobId, input);
    if ('error' in planned) return planned;
    return this.store({
      ...planned,
      jobId,
      jobType: input.jobType ?? DEFAULT_JOB_TYPE,
      context: input.context ?? {},
      command: input.command,
      client: input.client,
    });
  }

  /**
   * Plans a command without creating its job (a preview: `run: false`); `jobId` is the id its
   * LLM usage is recorded against, and the job's if it runs. 422 command_partly_understood
   * unless `allowPartial`; the provider's 429 becomes a body the client handles.
   */
  async planCommand(
    jobId: string,
    input: CommandInput,
  ): Promise<PlannedCommand | RateLimitedOutcome> {
    try {
      const planned = await this.planner.plan({
        jobId,
        jobType: input.jobType ?? DEFAULT_JOB_TYPE,
        command: input.command,
        context: input.context ?? {},
      });
      assertFullyUnderstood(planned.interpretation, input.allowPartial ?? false);
      return planned;
    } catch (error) {
      if (error instanceof LlmRateLimitedException) return error.toResponse();
      throw error;
    }
  }

  /** An explicit plan as a job; `jobId` chooses the job's id (409 context_exists when taken). */
  submitPlan(input: {
    jobId?: string;
    plan: { objective: unknown; steps: unknown };
    context?: Record<string, unknown>;
    jobType?: string;
    client?: string;
  }): Promise<SubmittedJob> {
    const context = input.context ?? {};
    const { plan, interpretation } = this.planner.validateExplicit(input.plan, context);
    return this.store({
      jobId: input.jobId ?? randomUUID(),
      jobType: input.jobType ?? DEFAULT_JOB_TYPE,
      context,
      plan,
      interpretation,
      planner: 'explicit',
      client: input.client,
    });
  }

  private async checkQueue(client: string | undefined): Promise<void> {
    const limit = this.config.jobs.queueLimitPerClient;
    if (limit > 0 && client && (await this.jobs.activeOfClient(client)) >= limit) {
      throw new QueueFullException(limit);
    }
  }

  /** Creates the job of a plan validated earlier (a preview being run), queue limit first. */
  async submitPlanned(job: PlannedJob): Promise<SubmittedJob> {
    await this.checkQueue(job.client);
    return this.store(job);
  }

  private async store(job: PlannedJob): Promise<SubmittedJob> {
    // Only the LLM planner spends tokens before the job exists.
    const usage = job.planner === 'llm' ? await this.usage.forJob(job.jobId) : NO_USAGE;
    const status = 'queued' as const;
    const now = new Date();
    const record: JobRecord = {
      id: job.jobId,
      jobType: job.jobType,
      status,
      objective: job.plan.objective,
      command: job.command ?? null,
      input: job.context,
      steps: job.plan.steps,
      progress: job.plan.steps.map(() => ({ status: 'pending', attempts: 0 })),
      currentStep: 0,
      leaseOwner: null,
      leaseExpiresAt: null,
      wakeAt: null,
      client: job.client ?? null,
      error: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      startedAt: null,
      finishedAt: null,
    };
    const contextData = {
      ...(job.command === undefined ? {} : { command: job.command }),
      input: job.context,
      plan: { objective: job.plan.objective, steps: job.plan.steps.map(PlanStepDto.from) },
      planner: job.planner,
      interpretation: job.interpretation,
      status,
      state: job.context,
      steps: contextSteps(record),
      errors: [],
      usage,
    };
    const created = await this.jobs.create(
      record,
      {
        jobId: job.jobId,
        jobType: job.jobType,
        contextData,
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      this.config.jobs.queueLimitPerClient,
    );
    if (created === 'id_taken') throw new ContextAlreadyExistsException(job.jobId);
    if (created === 'queue_full')
      throw new QueueFullException(this.config.jobs.queueLimitPerClient);
    this.runner.wake();
    return { ...job, status, usage, createdAt: now };
  }
}
