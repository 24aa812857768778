import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

export class ListContextsQueryDto {
  /** How many entries to skip. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  skip: number = 0;

  /** Page size, at most 100. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;

  /** Only entries of this job type. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  job_type?: string;
}
