import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { SENIORITIES, type Seniority } from '../../prospects/prospect.types';
import { IsNotBlank } from '../../../common/validation/not-blank.validator';

/** The default of `threshold`: prospects scoring at least this are kept. */
export const DEFAULT_FIT_THRESHOLD = 50;

const MAX_LIST = 50;

/**
 * An ideal customer profile: who a good prospect is. Every criterion is optional; each one given
 * counts towards the score. The same shape is accepted in the job state as `icp`.
 */
export class IcpParams {
  @JSONSchema({ description: 'Job titles that fit, e.g. "VP of Sales", "CTO"' })
  // The type decorator goes first: for the JSON Schema, the topmost decorator's type wins.
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @IsNotBlank({ each: true })
  titles?: string[];

  @JSONSchema({ description: `Seniority levels that fit: ${SENIORITIES.join(', ')}` })
  @IsArray()
  @IsOptional()
  @IsIn(SENIORITIES, { each: true })
  seniorities?: Seniority[];

  @JSONSchema({
    description:
      'Industries of the company that fit, matched by family as prospects.search matches them: ' +
      '"Software" fits SaaS and Computer Software companies',
  })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @IsNotBlank({ each: true })
  industries?: string[];

  @JSONSchema({ description: 'Countries that fit, e.g. "Germany"' })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @IsNotBlank({ each: true })
  countries?: string[];

  @JSONSchema({ description: 'Smallest company size (employees) that fits' })
  @IsInt()
  @IsOptional()
  @Min(0)
  employees_min?: number;

  @JSONSchema({ description: 'Largest company size (employees) that fits' })
  @IsInt()
  @IsOptional()
  @Min(0)
  employees_max?: number;

  @JSONSchema({
    description:
      'Words that signal a fit when found in the title, department, tags, company name or industry',
  })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @IsNotBlank({ each: true })
  keywords?: string[];
}

export class ScoreFitParams {
  @JSONSchema({
    description:
      'The ideal customer profile. Merged over the job state\'s "icp", criterion by criterion: a criterion given here wins',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => IcpParams)
  icp?: IcpParams;

  @JSONSchema({
    description: `Keep prospects scoring at least this, 0 to 100 (default ${DEFAULT_FIT_THRESHOLD})`,
  })
  @IsInt()
  @IsOptional()
  @Min(0)
  @Max(100)
  threshold?: number;
}
