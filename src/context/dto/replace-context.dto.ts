import { Transform } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length } from 'class-validator';
import { IsNotBlank } from '../../common/validation/not-blank.validator';
import { ValidationFastPath } from '../../common/validation/fast-path-validation.pipe';
import { isPlainObject } from '../utils/json-merge-patch.util';
import { isObjectWithOnly, isPlainJobType } from './context-body-fast-path';

@ValidationFastPath(replaceContextFastPath)
export class ReplaceContextDto {
  /**
   * The new context: replaces the whole document.
   * @example { "command": "Find VPs of Sales in Germany", "status": "running" }
   */
  // As parsed: class-transformer would drop keys named like Object methods (toString, …).
  @Transform(({ obj }) => (obj as Record<string, unknown>).context_data, { toClassOnly: true })
  @IsObject({ message: 'context_data must be an object' })
  context_data: Record<string, unknown>;

  /**
   * A new job type; unchanged when absent.
   * @example prospecting
   */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @IsNotBlank()
  job_type?: string;
}

const REPLACE_KEYS: ReadonlySet<string> = new Set(['context_data', 'job_type']);

/** The DTO from a body the decorators above certainly accept; undefined otherwise. */
export function replaceContextFastPath(body: unknown): ReplaceContextDto | undefined {
  if (!isObjectWithOnly(body, REPLACE_KEYS)) return undefined;
  const { context_data: contextData, job_type: jobType } = body;
  if (!isPlainObject(contextData)) return undefined;
  if (jobType !== undefined && !isPlainJobType(jobType)) return undefined;
  const dto = new ReplaceContextDto();
  dto.context_data = contextData;
  if (jobType !== undefined) dto.job_type = jobType;
  return dto;
}
