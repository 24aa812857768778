import { IsISO8601, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../../../../common/dto/page-query.dto';
import { DATE_TIME_PATTERN } from '../../../../common/validation/date-time.util';
import { INBOUND_KINDS, type InboundKind } from '../../intake/inbound-kinds';

/** Filters of GET /replies. */
export class ListRepliesQueryDto extends PageQueryDto {
  /** Only messages of this kind. @example reply */
  @IsOptional()
  @IsIn(INBOUND_KINDS, { message: `kind must be one of ${INBOUND_KINDS.join(', ')}` })
  kind?: InboundKind;

  /** Only replies the intent classifier labelled so (e.g. `interested`). */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_]{1,32}$/, { message: 'intent must be 1-32 characters of a-z0-9_' })
  intent?: string;

  /** Only messages about this sequence's enrollments. */
  // No @example on ids: Swagger UI would pre-fill it, and a made-up id hides every reply.
  @IsOptional()
  @IsUUID('all', { message: 'sequence_id must be a UUID' })
  sequence_id?: string;

  /** Only messages about this enrollment. */
  @IsOptional()
  @IsUUID('all', { message: 'enrollment_id must be a UUID' })
  enrollment_id?: string;

  /** Only answers to this job's emails (a job's send step, not a sequence). */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,128}$/, {
    message: 'job_id must be 1-128 characters of A-Za-z0-9_.:-',
  })
  job_id?: string;

  /** Only messages from or about this prospect. */
  @IsOptional()
  @IsUUID('all', { message: 'prospect_id must be a UUID' })
  prospect_id?: string;

  /** Only messages received at or after this time (ISO-8601). @example 2026-03-01T00:00:00Z */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO-8601 date and time' })
  @Matches(DATE_TIME_PATTERN, { message: 'since must be an ISO-8601 date and time' })
  since?: string;
}
