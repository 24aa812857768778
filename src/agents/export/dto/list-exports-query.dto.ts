import { IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/dto/page-query.dto';
import { JOB_ID_PATTERN, JOB_ID_RULE } from '../../../context/dto/job-id';

/** Filters of GET /exports. */
export class ListExportsQueryDto extends PageQueryDto {
  /** Only the exports of this job. */
  // No @example: Swagger UI would pre-fill it, and a made-up id hides every export.
  @IsOptional()
  @Matches(JOB_ID_PATTERN, { message: JOB_ID_RULE })
  job_id?: string;
}
