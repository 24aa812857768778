import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../../common/dto/page-query.dto';
import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '../../sequence.types';

/** Filters of GET /sequences/{id}/enrollments. */
export class ListEnrollmentsQueryDto extends PageQueryDto {
  /**
   * Only enrollments in this status: active, paused, finished, replied, bounced, unsubscribed,
   * suppressed or stopped.
   * @example active
   */
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES, {
    message: `status must be one of ${ENROLLMENT_STATUSES.join(', ')}`,
  })
  status?: EnrollmentStatus;
}
