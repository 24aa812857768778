import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/dto/page-query.dto';
import { OUTBOX_STATUSES, type OutboxStatus } from '../outbox-message.entity';

/** Filters of GET /outbox. */
export class ListOutboxQueryDto extends PageQueryDto {
  /** Only the messages of this job. @example 3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55 */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,128}$/, {
    message: 'job_id must be 1-128 characters of A-Za-z0-9_.:-',
  })
  job_id?: string;

  /** Only messages in this status. @example draft */
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `status must be one of ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;
}
