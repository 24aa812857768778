import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../../common/dto/page-query.dto';
import { JOB_STATUSES, JobStatus } from '../../job.types';
import { JobContextProperty } from './job-input';

export class ListJobsQueryDto extends PageQueryDto {
  /** Only jobs in this status. */
  @IsOptional()
  @IsIn(JOB_STATUSES, { message: `status must be one of ${JOB_STATUSES.join(', ')}` })
  status?: JobStatus;
}

export class ApproveJobDto {
  /**
   * Edited parameters for the pending step (validated like the plan's); unchanged when absent.
   * The example edits the message of a `core.review` step.
   * @example { "message": "Checked: the list is ready for the export" }
   */
  // As parsed: class-transformer would drop keys named like Object methods.
  @Transform(({ obj }) => (obj as Record<string, unknown>).params, { toClassOnly: true })
  @IsOptional()
  @IsObject({ message: 'params must be an object' })
  params?: Record<string, unknown>;
}

/**
 * What a retry changes; an empty body (or none) resumes the job as it was. The example repairs a
 * `research.score_fit` step that failed on the ICP in the job state.
 */
export class RetryJobDto {
  /**
   * A JSON merge patch (RFC 7386) on the job state the failed step resumes from: keys set are
   * added or replaced (objects merge), keys set to null are removed.
   * @example { "icp": { "titles": ["VP of Sales"], "seniorities": ["vp"] } }
   */
  @JobContextProperty()
  context?: Record<string, unknown>;

  /**
   * New parameters for the failed step, replacing the planned ones (validated like the plan's).
   * @example { "threshold": 60 }
   */
  // As parsed: class-transformer would drop keys named like Object methods.
  @Transform(({ obj }) => (obj as Record<string, unknown>).params, { toClassOnly: true })
  @IsOptional()
  @IsObject({ message: 'params must be an object' })
  params?: Record<string, unknown>;
}

export class RejectJobDto {
  /** @example The list is not ready yet */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class FeedbackDto {
  /** 1 (poor) to 5 (great). @example 5 */
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  /** @example Exactly the right people */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
