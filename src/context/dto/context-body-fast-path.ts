import { NOT_BLANK } from '../../common/validation/not-blank.validator';
import { isPlainObject } from '../utils/json-merge-patch.util';
import { JOB_ID_PATTERN } from './job-id';

/** Longest job_type (the DTOs' @Length(1, 64)). */
export const JOB_TYPE_MAX_LENGTH = 64;

/** Characters class-validator's @Length counts differently from String.length. */
const COUNTED_DIFFERENTLY = /[\uD800-\uDFFF]|\uFE0E|\uFE0F/;

/** A job_type @IsString() @Length(1, 64) @IsNotBlank() certainly accepts. */
export function isPlainJobType(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= JOB_TYPE_MAX_LENGTH &&
    !COUNTED_DIFFERENTLY.test(value) &&
    NOT_BLANK.test(value)
  );
}

/** A job_id @IsString() @Matches(JOB_ID_PATTERN) accepts. */
export function isJobId(value: unknown): value is string {
  return typeof value === 'string' && JOB_ID_PATTERN.test(value);
}

/** A JSON object with no key outside `allowed` (what forbidNonWhitelisted lets through). */
export function isObjectWithOnly(
  value: unknown,
  allowed: ReadonlySet<string>,
): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) if (!allowed.has(key)) return false;
  return true;
}
