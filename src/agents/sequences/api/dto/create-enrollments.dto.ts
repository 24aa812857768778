import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { ListProspectsQueryDto } from '../../../prospects/dto/list-prospects-query.dto';
import { IsIdList, IsOneOf } from '../validators/sequence-input.validators';

/** The most prospects one call enrols: listed ids, or the prospects a filter finds. */
export const MAX_ENROLLMENTS_PER_CALL = 1000;

/**
 * The filters of GET /prospects (the same names and values, lists as JSON arrays), without
 * paging or order: every prospect they find is enrolled.
 */
export class EnrollmentFilterDto extends OmitType(ListProspectsQueryDto, [
  'skip',
  'limit',
  'sort',
  'toCriteria',
] as const) {}

/** Whom to enrol: prospect ids, or a prospect search. */
export class CreateEnrollmentsDto {
  @ApiPropertyOptional({
    description: `Prospect ids, as GET /prospects lists them: 1 to ${MAX_ENROLLMENTS_PER_CALL}; an id repeated counts once. Give this or \`filter\`.`,
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    minItems: 1,
    maxItems: MAX_ENROLLMENTS_PER_CALL,
  })
  @IsOneOf(['prospect_ids', 'filter'])
  @IsIdList(MAX_ENROLLMENTS_PER_CALL)
  prospect_ids?: string[];

  /**
   * A prospect search with the filters of GET /prospects: every prospect it finds, at most
   * 1,000 (a search finding more is refused with 422 `too_many_prospects`). Give this or
   * `prospect_ids`.
   */
  @ValidateIf((dto: CreateEnrollmentsDto) => dto.filter !== undefined)
  @IsObject({ message: 'filter must be an object of GET /prospects filters' })
  @ValidateNested()
  @Type(() => EnrollmentFilterDto)
  filter?: EnrollmentFilterDto;
}
