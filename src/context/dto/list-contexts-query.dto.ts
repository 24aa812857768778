import { IsOptional, IsString, Length } from 'class-validator';
import { IsNotBlank } from '../../common/validation/not-blank.validator';
import { PageQueryDto } from '../../common/dto/page-query.dto';

export { MAX_PAGE_SIZE, MAX_SKIP } from '../../common/dto/page-query.dto';

export class ListContextsQueryDto extends PageQueryDto {
  /** Only entries of this job type. @example prospecting */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @IsNotBlank()
  job_type?: string;
}
