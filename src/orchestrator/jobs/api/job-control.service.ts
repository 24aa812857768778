import { Injectable } from '@nestjs/common';
import { ContextAlreadyExistsException } from '../../../context/exceptions/context.exceptions';
import { JobControl, JobGlance, PlanStepInput } from '../../job-control/job-control';
import { isTerminal } from '../runner/job-state.util';
import { JobRunner } from '../runner/job-runner.service';
import { JobStore } from '../store/job-store';
import { JobSubmissionService } from './job-submission.service';

/** JobControl on the job store, the runner and the submission of explicit plans. */
@Injectable()
export class JobControlService extends JobControl {
  constructor(
    private readonly submissions: JobSubmissionService,
    private readonly store: JobStore,
    private readonly runner: JobRunner,
  ) {
    super();
  }

  async submit(input: {
    jobId?: string;
    objective: string;
    steps: PlanStepInput[];
    context?: Record<string, unknown>;
    jobType?: string;
  }): Promise<{ jobId: string; created: boolean }> {
    try {
      const submitted = await this.submissions.submitPlan({
        jobId: input.jobId,
        plan: { objective: input.objective, steps: input.steps },
        context: input.context,
        jobType: input.jobType,
      });
      return { jobId: submitted.jobId, created: true };
    } catch (error) {
      if (input.jobId && error instanceof ContextAlreadyExistsException) {
        return { jobId: input.jobId, created: false };
      }
      throw error;
    }
  }

  async wakeBy(jobId: string, at: Date): Promise<boolean> {
    const woken = await this.store.wakeBy(jobId, at);
    // This process looks at once; other replicas find it due at their next poll.
    if (woken) this.runner.wake();
    return woken;
  }

  async glance(jobId: string): Promise<JobGlance | undefined> {
    const job = await this.store.get(jobId);
    return (
      job && {
        id: job.id,
        status: job.status,
        currentStep: job.currentStep,
        active: !isTerminal(job.status),
      }
    );
  }
}
