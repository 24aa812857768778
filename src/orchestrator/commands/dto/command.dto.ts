import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/not-blank.validator';
import { JobContextProperty, JobTypeProperty } from '../../jobs/api/dto/job-input';

export const MAX_COMMAND_LENGTH = 4000;

export class CommandDto {
  /**
   * What the user wants, in plain words.
   * @example "Find VPs of Sales at SaaS companies in Germany and draft intro emails"
   */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(MAX_COMMAND_LENGTH)
  @IsNotBlank()
  @IsString()
  command: string;

  /**
   * Input for the job: values its steps may read (sender, offer, icp, csv, …).
   * @example { "sender": "Ana from Acme", "offer": "A 14-day pilot of our forecasting tool" }
   */
  @JobContextProperty()
  context?: Record<string, unknown>;

  /**
   * The job's type, used to find past plans of the same kind. Default: prospecting.
   * @example prospecting
   */
  @JobTypeProperty()
  job_type?: string;

  /**
   * Run the plan even when the command has phrases that would narrow or steer the audience
   * (a company, a list, an exclusion, a place) that the planner did not understand; they are
   * listed in `interpretation.not_understood`. Default false: such a command is refused with
   * 422 command_partly_understood.
   * @example false
   */
  @IsOptional()
  @IsBoolean()
  allow_partial?: boolean;

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
