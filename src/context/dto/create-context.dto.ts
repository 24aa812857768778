import { Transform } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsNotBlank } from '../../common/validation/not-blank.validator';
import { ValidationFastPath } from '../../common/validation/fast-path-validation.pipe';
import { isPlainObject } from '../utils/json-merge-patch.util';
import { isJobId, isObjectWithOnly, isPlainJobType } from './context-body-fast-path';
import { JOB_ID_PATTERN, JOB_ID_RULE } from './job-id';

@ValidationFastPath(createContextFastPath)
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
  @IsNotBlank()
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

const CREATE_KEYS: ReadonlySet<string> = new Set(['job_id', 'job_type', 'context_data']);

/** The DTO from a body the decorators above certainly accept; undefined otherwise. */
export function createContextFastPath(body: unknown): CreateContextDto | undefined {
  if (!isObjectWithOnly(body, CREATE_KEYS)) return undefined;
  const { job_id: jobId, job_type: jobType, context_data: contextData } = body;
  if (jobId !== undefined && !isJobId(jobId)) return undefined;
  if (!isPlainJobType(jobType) || !isPlainObject(contextData)) return undefined;
  const dto = new CreateContextDto();
  if (jobId !== undefined) dto.job_id = jobId;
  dto.job_type = jobType;
  dto.context_data = contextData;
  return dto;
}
