import { Transform } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { JOB_ID_PATTERN, JOB_ID_RULE } from './job-id';

export class CreateContextDto {
  /**
   * The job's id; the server makes a UUID when it is absent.
   * @example job-2026-11-24-001
   */
  @IsOptional()
  @IsString()
  @Matches(JOB_ID_PATTERN, { message: JOB_ID_RULE })
  job_id?: string;

  /**
   * What kind of job this is.
   * @example prospecting
   */
  @IsString()
  @Length(1, 64)
  job_type: string;

  /**
   * The job's context: any JSON object.
   * @example { "command": "Find VPs of Sales in Germany", "status": "queued" }
   */
  // As parsed: class-transformer would drop keys named like Object methods (toString, …).
  @Transform(({ obj }) => (obj as Record<string, unknown>).context_data, { toClassOnly: true })
  @IsObject({ message: 'context_data must be an object' })
  context_data: Record<string, unknown>;
}
