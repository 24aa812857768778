import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length } from 'class-validator';
import { IsNotBlank } from '../../../../common/validation/not-blank.validator';
import { MaxJsonSize } from '../../../../common/validation/max-json-size.validator';

/** Largest `context` a command or job may bring (JSON bytes). */
export const MAX_JOB_CONTEXT_BYTES = 64 * 1024;

export const DEFAULT_JOB_TYPE = 'prospecting';

/** `context`: an optional JSON object of bounded size, taken as parsed. */
export function JobContextProperty() {
  return applyDecorators(
    // As parsed: class-transformer would drop keys named like Object methods (toString, …).
    Transform(({ obj }) => (obj as Record<string, unknown>).context, { toClassOnly: true }),
    IsOptional(),
    IsObject({ message: 'context must be an object' }),
    MaxJsonSize(MAX_JOB_CONTEXT_BYTES),
  );
}

/** `job_type`: optional, as the Context Manager limits it. */
export function JobTypeProperty() {
  return applyDecorators(IsOptional(), IsString(), Length(1, 64), IsNotBlank());
}
