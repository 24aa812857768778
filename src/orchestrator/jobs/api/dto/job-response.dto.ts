import { ApiProperty } from '@nestjs/swagger';
import type { JobUsage } from '../../../llm/llm-usage.service';
import { latestDecision } from '../../runner/job-approval.util';
import type { Checkpoint, JobRecord, JobStatus } from '../../job.types';
import { JobUsageDto, PlanStepDto } from './job-plan-response.dto';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export class JobStepDto extends PlanStepDto {
  /** @example 0 */
  index: number;
  /**
   * pending, running, waiting_approval, waiting (a repeating step parked until the job's
   * wake_at, when it runs again), succeeded, failed or cancelled. @example succeeded
   */
  status: string;
  /** @example 1 */
  attempts: number;
  started_at?: string;
  finished_at?: string;
  /** What the step did. @example Found 42 prospects */
  summary?: string;
  /** State keys it wrote. @example ["prospects"] */
  output_keys?: string[];
  error?: string;
  /** approved or rejected, for steps that need approval. */
  approval?: string;
  /** Who approved or rejected it: the API key's label (`anonymous` without API_KEYS). @example ops-alice */
  decided_by?: string;
  /** When it was approved or rejected, ISO-8601. @example 2026-11-24T10:05:00.000Z */
  decided_at?: string;
  /** What the step will do, while it waits for approval. */
  preview?: Record<string, unknown>;
}

/** A human decision on a step that needs approval. */
export class JobApprovalDto {
  /** The step decided. @example 1 */
  step: number;
  @ApiProperty({ enum: ['approved', 'rejected'], example: 'approved' })
  decision: 'approved' | 'rejected';
  /**
   * Who decided: the label of their API key (API_KEYS `label:key`, else `key-<position>`),
   * `anonymous` without API_KEYS; null for a decision stored before approvers were recorded.
   */
  @ApiProperty({ type: String, nullable: true, example: 'ops-alice' })
  by: string | null;
  /** When, ISO-8601 (null like `by`). */
  @ApiProperty({ type: String, nullable: true, example: '2026-11-24T10:05:00.000Z' })
  at: string | null;
}

/** A job as GET /jobs/{id} shows it. */
export class JobDto {
  /** @example 3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55 */
  job_id: string;
  /** @example prospecting */
  job_type: string;
  /** @example "Find VPs of Sales in Germany" */
  objective: string;
  /**
   * The command the job was planned from (POST /command); null for an explicit plan (POST /jobs)
   * and for jobs older than this field. @example "Find VPs of Sales at German SaaS companies"
   */
  @ApiProperty({ type: String, nullable: true })
  command: string | null;
  /** @example running */
  status: JobStatus;
  /** Index of the step running or next to run. @example 1 */
  current_step: number;
  steps: JobStepDto[];
  /**
   * While the job is `waiting` (parked by a `core.wait` step or a repeating step such as
   * `sequences.run`, holding no runner): when it runs again. @example 2026-12-07T09:00:00.000Z
   */
  wake_at: string | null;
  /** Why the job failed or was stopped. */
  error: string | null;
  /** The latest approval decision on the job's steps; null when none was decided. */
  @ApiProperty({ type: JobApprovalDto, nullable: true })
  approval: JobApprovalDto | null;
  /** LLM tokens and estimated cost of the job (GET /jobs/{id} only). */
  usage?: JobUsageDto;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;

  static from(job: JobRecord, usage?: JobUsage): JobDto {
    return {
      job_id: job.id,
      job_type: job.jobType,
      objective: job.objective,
      command: job.command ?? null,
      status: job.status,
      current_step: job.currentStep,
      steps: job.steps.map((step, index) => {
        const progress = job.progress[index];
        return {
          index,
          ...PlanStepDto.from(step),
          status: progress.status,
          attempts: progress.attempts,
          started_at: progress.startedAt,
          finished_at: progress.finishedAt,
          summary: progress.summary,
          output_keys: progress.outputKeys,
          error: progress.error,
          approval: progress.approval,
          decided_by: progress.decidedBy,
          decided_at: progress.decidedAt,
          preview: progress.preview,
        };
      }),
      wake_at: iso(job.wakeAt),
      error: job.error,
      approval: latestDecision(job) ?? null,
      usage,
      created_at: job.createdAt.toISOString(),
      updated_at: job.updatedAt.toISOString(),
      started_at: iso(job.startedAt),
      finished_at: iso(job.finishedAt),
    };
  }
}

export class JobPageDto {
  items: JobDto[];
  /** @example 12 */
  total: number;
  /** @example 0 */
  skip: number;
  /** @example 20 */
  limit: number;
}

export class CheckpointDto {
  /** @example 2 */
  seq: number;
  /**
   * The step whose completion it records; a retry that patches the state adds one for the step
   * before the failed one (-1 when that was the first). @example 1
   */
  step_index: number;
  /** The job state after that step. */
  state: Record<string, unknown>;
  created_at: string;

  static from(checkpoint: Checkpoint): CheckpointDto {
    return {
      seq: checkpoint.seq,
      step_index: checkpoint.stepIndex,
      state: checkpoint.state,
      created_at: checkpoint.createdAt.toISOString(),
    };
  }
}

/** A rating of a job's plan, as stored in its context. */
export class FeedbackEntryDto {
  /** @example 5 */
  rating: number;
  /** @example Exactly the right people */
  comment?: string;
  /** ISO-8601. @example 2026-11-24T10:05:00.000Z */
  at: string;
}

/** All feedback of a job, oldest first. */
export class FeedbackResponseDto {
  feedback: FeedbackEntryDto[];
}
