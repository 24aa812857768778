import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import type { ValidatedPlan } from '../agents/plan-validation.util';
import { DEFAULT_JOB_TYPE } from '../jobs/api/dto/job-input';
import {
  CommandInput,
  JobSubmissionService,
  RateLimitedOutcome,
} from '../jobs/api/job-submission.service';
import type { SubmittedJob } from '../jobs/job.types';
import type { Interpretation } from '../planning/interpretation';
import type { PlannerKind } from '../planning/plan.types';
import { PlannerService } from '../planning/planner.service';
import { PlanAudienceService } from './plan-audience.service';
import { PlanPreviewEntity } from './plan-preview.entity';
import { PlanPreviewsService } from './plan-previews.service';
import {
  AudienceChangedException,
  PlanAlreadyRunException,
  PlanNotFoundException,
} from './plans.exceptions';
import { audienceChange } from './utils/audience-plan.util';

/**
 * Previews (`run: false`): a command is planned, or an explicit plan validated, exactly as for a
 * job, and its audience computed; the plan is stored, and no job, context entry or side effect
 * is made. Running a preview creates the job from the stored plan, unless its audience changed.
 */
@Injectable()
export class PlanPreviewService {
  constructor(
    private readonly config: AppConfig,
    private readonly submissions: JobSubmissionService,
    private readonly planner: PlannerService,
    private readonly audiences: PlanAudienceService,
    private readonly previews: PlanPreviewsService,
  ) {}

  async previewCommand(input: CommandInput): Promise<PlanPreviewEntity | RateLimitedOutcome> {
    const planId = randomUUID();
    const planned = await this.submissions.planCommand(planId, input);
    if ('error' in planned) return planned;
    return this.store({ ...planned, planId, ...input });
  }

  previewPlan(input: {
    plan: { objective: unknown; steps: unknown };
    context?: Record<string, unknown>;
    jobType?: string;
    client?: string;
  }): Promise<PlanPreviewEntity> {
    const { plan, interpretation } = this.planner.validateExplicit(input.plan, input.context ?? {});
    return this.store({
      ...input,
      plan,
      interpretation,
      planner: 'explicit',
      planId: randomUUID(),
    });
  }

  /** The stored preview; 404 plan_not_found when there is none or it expired. */
  async get(planId: string, now = new Date()): Promise<PlanPreviewEntity> {
    const preview = await this.previews.find(planId);
    if (!preview) throw new PlanNotFoundException(planId);
    if (preview.expiresAt <= now) throw new PlanNotFoundException(planId, preview.expiresAt);
    return preview;
  }

  /**
   * Runs the stored plan as a job (its id is the plan's), once: 409 plan_already_run after that,
   * 409 audience_changed when its prospects are not those previewed.
   */
  async run(planId: string, client?: string): Promise<SubmittedJob> {
    const preview = await this.get(planId);
    if (preview.jobId) throw new PlanAlreadyRunException(planId, preview.jobId);
    if (preview.audienceIds) {
      const now = await this.audiences.compute(preview.plan, preview.context);
      const change = audienceChange(preview.audienceIds, now?.ids ?? []);
      if (change.added + change.removed > 0) throw new AudienceChangedException(change);
    }
    // Claimed before the job exists, so two runs at once make one job.
    if (!(await this.previews.markRun(planId, planId))) {
      const current = await this.previews.find(planId);
      throw new PlanAlreadyRunException(planId, current?.jobId ?? planId);
    }
    try {
      return await this.submissions.submitPlanned({
        jobId: planId,
        jobType: preview.jobType,
        context: preview.context,
        plan: preview.plan,
        planner: preview.planner,
        interpretation: preview.interpretation,
        command: preview.command ?? undefined,
        client,
      });
    } catch (error) {
      await this.previews.unmarkRun(planId, planId);
      throw error;
    }
  }

  private async store(input: {
    planId: string;
    plan: ValidatedPlan;
    planner: PlannerKind;
    interpretation: Interpretation;
    context?: Record<string, unknown>;
    jobType?: string;
    command?: string;
    client?: string;
  }): Promise<PlanPreviewEntity> {
    const context = input.context ?? {};
    const computed = await this.audiences.compute(input.plan, context);
    const createdAt = new Date();
    return this.previews.create({
      id: input.planId,
      client: input.client ?? null,
      jobType: input.jobType ?? DEFAULT_JOB_TYPE,
      command: input.command ?? null,
      context,
      plan: input.plan,
      planner: input.planner,
      interpretation: input.interpretation,
      audience: computed?.audience ?? null,
      audienceIds: computed?.ids ?? null,
      jobId: null,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + this.config.jobs.planPreviewTtlMs),
    });
  }
}
