import { IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/dto/page-query.dto';
import { JOB_ID_PATTERN, JOB_ID_RULE } from '../../../context/dto/job-id';

/** Filters of GET /exports. */
export class ListExportsQueryDto extends PageQueryDto {
  /** Only the exports of this job. @example 3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55 */
  @IsOptional()
  @Matches(JOB_ID_PATTERN, { message: JOB_ID_RULE })
  job_id?: string;
}
