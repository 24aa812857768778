import { HttpStatus, Injectable } from '@nestjs/common';
import { ContextService } from '../../../context/context.service';
import { validateParams } from '../../agents/action-params.util';
import { AgentRegistry } from '../../agents/agent-registry.service';
import { JobUsage, LlmUsageService } from '../../llm/llm-usage.service';
import { planRefusal } from '../../planning/planning.exceptions';
import {
  JobEventsListener,
  JobEventsService,
  JOB_FINISHED,
  JOB_RETRIED,
} from '../events/job-events.service';
import { contextSteps, withStep } from '../runner/job-progress.util';
import { canApply, COMMAND_FROM, isTerminal, JobCommand } from '../runner/job-state.util';
import { hasRetryChanges, planRetry, RetryChanges } from '../runner/job-retry.util';
import { JobRunner } from '../runner/job-runner.service';
import type { JobRecord, JobStatus } from '../job.types';
import { conflictingDecision } from '../runner/job-approval.util';
import {
  InvalidEditedParamsException,
  JobAlreadyDecidedException,
  JobNotFoundException,
  JobStateConflictException,
} from '../jobs.exceptions';
import { JobStore, JobWrite } from '../store/job-store';

/** What humans and clients do with jobs: read them, cancel, retry, approve, reject, rate. */
@Injectable()
export class JobsService {
  constructor(
    private readonly store: JobStore,
    private readonly runner: JobRunner,
    private readonly events: JobEventsService,
    private readonly registry: AgentRegistry,
    private readonly contexts: ContextService,
    private readonly usage: LlmUsageService,
  ) {}

  async get(jobId: string): Promise<JobRecord> {
    const job = await this.store.get(jobId);
    if (!job) throw new JobNotFoundException(jobId);
    return job;
  }

  /** The job and its LLM usage (tokens, estimated cost). */
  async getWithUsage(jobId: string): Promise<{ job: JobRecord; usage: JobUsage }> {
    const job = await this.get(jobId);
    return { job, usage: await this.usage.forJob(jobId) };
  }

  list(query: { status?: JobStatus; skip: number; limit: number }) {
    return this.store.list(query);
  }

  async cancel(jobId: string): Promise<JobRecord> {
    const job = await this.transition(jobId, 'cancel', (current) => ({
      set: {
        status: 'cancelled',
        finishedAt: new Date(),
        leaseOwner: null,
        leaseExpiresAt: null,
        wakeAt: null,
      },
      context: { status: 'cancelled' },
      events: [{ type: JOB_FINISHED, data: { status: 'cancelled', from: current.status } }],
    }));
    this.runner.abort(jobId);
    return job;
  }

  /**
   * A failed job resumes from its failed step; with `changes`, from a patched state and/or with
   * edited params, after the rest of its plan validated again (nothing changes when it does not).
   */
  async retry(jobId: string, changes?: RetryChanges): Promise<JobRecord> {
    const repair =
      changes && hasRetryChanges(changes) ? await this.planRepair(jobId, changes) : undefined;
    const job = await this.transition(jobId, 'retry', (current) => {
      const index = current.currentStep;
      const steps = repair?.steps ?? current.steps;
      const progress = withStep(current.progress, index, {
        status: 'pending',
        attempts: 0,
        error: undefined,
        finishedAt: undefined,
        ...(repair?.approvalAgain
          ? { approval: undefined, decidedBy: undefined, decidedAt: undefined, preview: undefined }
          : {}),
      });
      const state = repair?.state;
      return {
        // The repair was planned on this version: a change meanwhile is a conflict.
        expect: repair && { version: repair.version },
        set: {
          status: 'queued',
          error: null,
          finishedAt: null,
          progress,
          ...(repair && { steps }),
        },
        // The runner resumes from the latest checkpoint: the patched state becomes it.
        checkpoint: state && { stepIndex: index - 1, state },
        context: {
          status: 'queued',
          steps: contextSteps({ steps, progress }),
          ...(state && { state }),
        },
        events: [{ type: JOB_RETRIED, data: { step: index, ...repair?.event } }],
      };
    });
    this.runner.wake();
    return job;
  }

  /** The changes of a retry checked against the job as it stands; a coded 4xx when refused. */
  private async planRepair(jobId: string, changes: RetryChanges) {
    const current = await this.get(jobId);
    if (!canApply('retry', current.status)) {
      throw new JobStateConflictException(jobId, current.status, 'retry');
    }
    const state = (await this.store.checkpoint(jobId))?.state ?? current.input;
    const plan = planRetry({ job: current, state, changes, catalog: this.registry });
    if (!plan.ok) {
      if (plan.problem === 'params') throw new InvalidEditedParamsException(plan.issues);
      throw planRefusal({
        issues: plan.issues,
        source: 'retry',
        invalid: {
          status: HttpStatus.UNPROCESSABLE_ENTITY,
          message: 'The job cannot resume with these changes',
        },
      });
    }
    const event = {
      ...(plan.state && { context_keys: Object.keys(changes.context ?? {}) }),
      ...(changes.params !== undefined && { params: plan.steps[current.currentStep].params }),
    };
    return { ...plan, version: current.version, event };
  }

  /**
   * Approves the pending step, optionally with edited params, recording `actor` (an API-key
   * label) and the time; exactly one of racing approves and rejects wins, the others get a 409
   * naming the decision.
   */
  async approve(
    jobId: string,
    params: Record<string, unknown> | undefined,
    actor: string,
  ): Promise<JobRecord> {
    const pending = await this.get(jobId);
    const step = pending.steps[pending.currentStep];
    if (params !== undefined && step) {
      const action = this.registry.findAction(step.agent, step.action);
      const checked = action ? validateParams(action.paramsType, params) : undefined;
      if (checked && !checked.ok) throw new InvalidEditedParamsException(checked.issues);
    }
    const job = await this.transition(jobId, 'approve', (current) => {
      const index = current.currentStep;
      const steps =
        params === undefined
          ? current.steps
          : current.steps.map((entry, i) => (i === index ? { ...entry, params } : entry));
      const progress = withStep(current.progress, index, {
        status: 'pending',
        approval: 'approved',
        decidedBy: actor,
        decidedAt: new Date().toISOString(),
      });
      return {
        expect: { version: pending.version },
        set: { status: 'queued', steps, progress },
        context: { status: 'queued', steps: contextSteps({ steps, progress }) },
        events: [
          { type: 'approved', data: { step: index, params: steps[index].params, by: actor } },
        ],
      };
    });
    this.runner.wake();
    return job;
  }

  /** Rejects the pending step (which cancels the job), recording `actor` and the time. */
  async reject(jobId: string, reason: string | undefined, actor: string): Promise<JobRecord> {
    return this.transition(jobId, 'reject', (current) => {
      const index = current.currentStep;
      const progress = withStep(current.progress, index, {
        status: 'cancelled',
        approval: 'rejected',
        decidedBy: actor,
        decidedAt: new Date().toISOString(),
        error: reason,
      });
      return {
        set: {
          status: 'cancelled',
          progress,
          finishedAt: new Date(),
          error: `Step ${index} rejected${reason ? `: ${reason}` : ''}`,
        },
        context: { status: 'cancelled', steps: contextSteps({ steps: current.steps, progress }) },
        events: [
          { type: 'rejected', data: { step: index, reason, by: actor } },
          { type: JOB_FINISHED, data: { status: 'cancelled' } },
        ],
      };
    });
  }

  /** Stores feedback in the job's context, where the planner reads it. */
  async feedback(jobId: string, input: { rating: number; comment?: string }) {
    await this.get(jobId);
    const entry = { rating: input.rating, comment: input.comment, at: new Date().toISOString() };
    const updated = await this.contexts.update(jobId, {}, (current) => {
      const previous = current.contextData.feedback;
      const feedback = [...(Array.isArray(previous) ? previous : []), entry];
      return { jobType: current.jobType, contextData: { ...current.contextData, feedback } };
    });
    return updated.contextData.feedback as (typeof entry)[];
  }

  /**
   * Hands the job's events after `afterId` (0: all), then its live ones, to `listener` (see
   * JobEventsService.follow). Every job has at least its `job_created` event, so only an empty
   * past needs the job looked up (not found: nothing was handed over, and the caller answers
   * 404). `ended`: a finished job had nothing after `afterId` (a client that resumes after its
   * last event): there is nothing to wait for.
   */
  async followEvents(
    jobId: string,
    listener: JobEventsListener,
    afterId = 0,
  ): Promise<{ stop: () => void; ended: boolean }> {
    let handed = false;
    const stop = await this.events.follow(
      jobId,
      (events) => {
        handed = true;
        listener(events);
      },
      afterId,
    );
    if (handed) return { stop, ended: false };
    const job = await this.store.get(jobId);
    if (!job) {
      stop();
      throw new JobNotFoundException(jobId);
    }
    // Read again once finished: an event committed meanwhile may still be on its way here.
    const ended =
      !handed && isTerminal(job.status) && (await this.store.events(jobId, afterId)).length === 0;
    if (ended) stop();
    return { stop, ended };
  }

  private async transition(
    jobId: string,
    command: JobCommand,
    change: (
      current: JobRecord,
    ) => Omit<JobWrite, 'jobId' | 'expect'> & { expect?: JobWrite['expect'] },
  ): Promise<JobRecord> {
    const current = await this.get(jobId);
    if (!canApply(command, current.status)) throw stateConflict(current, command);
    const { expect, ...write } = change(current);
    const result = await this.store.write({
      ...write,
      jobId,
      expect: { statuses: COMMAND_FROM[command], ...expect },
    });
    if (!result) {
      // Another request changed the job first.
      throw stateConflict(await this.get(jobId), command);
    }
    this.events.publish(result.events, result.precededBy);
    return result.job;
  }
}

/** The 409 of a command the job's status refuses; an approve or reject names the decision first. */
function stateConflict(job: JobRecord, command: JobCommand): Error {
  const decision =
    command === 'approve' || command === 'reject' ? conflictingDecision(job) : undefined;
  return decision
    ? new JobAlreadyDecidedException(job.id, job.status, command, decision)
    : new JobStateConflictException(job.id, job.status, command);
}
