import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/dto/page-query.dto';
import { OUTBOX_STATUSES, type OutboxStatus } from '../outbox-message.entity';

/** Filters of GET /outbox. */
export class ListOutboxQueryDto extends PageQueryDto {
  /** Only the messages of this job. */
  // No @example: Swagger UI would pre-fill it, and a made-up id hides every message.
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,128}$/, {
    message: 'job_id must be 1-128 characters of A-Za-z0-9_.:-',
  })
  job_id?: string;

  /** Only the messages to this prospect (its page: what was drafted and sent to it). */
  // No @example, like job_id.
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,128}$/, {
    message: 'prospect_id must be 1-128 characters of A-Za-z0-9_.:-',
  })
  prospect_id?: string;

  /** Only the touches of this sequence (its launches' first touches and its follow-ups). */
  @IsOptional()
  @IsUUID('all', { message: 'sequence_id must be a UUID' })
  sequence_id?: string;

  /** Only messages in this status. @example draft */
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `status must be one of ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;
}
