import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../../common/dto/page-query.dto';
import { SEQUENCE_STATUSES, type SequenceStatus } from '../../sequence.types';

/** Filters of GET /sequences. */
export class ListSequencesQueryDto extends PageQueryDto {
  /** Only sequences in this status: active or paused. @example active */
  @IsOptional()
  @IsIn(SEQUENCE_STATUSES, { message: `status must be one of ${SEQUENCE_STATUSES.join(', ')}` })
  status?: SequenceStatus;
}
