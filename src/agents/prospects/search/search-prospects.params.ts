import { applyDecorators } from '@nestjs/common';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsNotBlank } from '../../../common/validation/not-blank.validator';
import { INDUSTRY_FAMILY_NAMES } from '../../../vocabulary/industry-families';
import { MAX_EMPLOYEE_COUNT, SENIORITIES, Seniority } from '../prospect.types';
import { IMPORT_BATCH_NAME } from '../../../vocabulary/import-batch-name';
import { IsNotLessThan } from '../utils/not-less-than.validator';
import { PROSPECT_SORTS, ProspectSort } from './prospect-search.types';

/** How many prospects `prospects.search` returns when the step sets no limit. */
export const DEFAULT_SEARCH_LIMIT = 100;
/**
 * The largest `limit`: a sanity bound, not a cap on real work. Results above
 * PROSPECT_SET_THRESHOLD are stored as a prospect set, never copied into the job state.
 */
export const MAX_SEARCH_LIMIT = 10_000_000;
const MAX_LIST = 50;
const MAX_TEXT = 200;

/**
 * An optional list of up to MAX_LIST non-blank strings of at most MAX_TEXT characters each. The
 * decorators are applied in the order stacked ones would be (bottom first), so the JSON Schema
 * comes out as it does for the fields written out below.
 */
function TextList(description: string) {
  return applyDecorators(
    IsNotBlank({ each: true }),
    MaxLength(MAX_TEXT, { each: true }),
    IsString({ each: true }),
    ArrayMaxSize(MAX_LIST),
    IsOptional(),
    IsArray(),
    JSONSchema({ description }),
  );
}

// The type decorator goes first: for the JSON Schema, the topmost decorator's type wins.
// The fields are the contract the offline planner produces (and the LLM is shown).
export class SearchProspectsParams {
  @TextList(
    'Job titles, e.g. "VP of Sales", "CTO"; a prospect matches a title when each of its words starts a word of the prospect\'s title. With seniorities, a prospect matching a title OR a seniority passes',
  )
  titles?: string[];

  @JSONSchema({ description: `Seniority levels: ${SENIORITIES.join(', ')}` })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsIn(SENIORITIES, { each: true })
  seniorities?: Seniority[];

  @TextList('Departments, e.g. Sales, Marketing, Engineering')
  departments?: string[];

  @TextList(
    'Company industries, matched by family: "Software" also finds SaaS, Computer Software and ' +
      'Software Development companies, "Financial Services" also Fintech, Banking and Insurance. ' +
      `Families: ${INDUSTRY_FAMILY_NAMES.join(', ')}. Any other industry is matched by its words`,
  )
  industries?: string[];

  @TextList('Countries by English name, e.g. Germany, United Kingdom')
  countries?: string[];

  @TextList(
    'Countries to leave out, by English name, e.g. United States for "outside the US"; prospects without a country stay',
  )
  exclude_countries?: string[];

  @TextList(
    'Companies by name (case and extra spaces ignored, otherwise exact: "Acme Corp" does not find "Acme Corp Ltd") or by domain, e.g. "acme.com"',
  )
  companies?: string[];

  @TextList(
    'Companies to leave out, e.g. current customers or competitors, matched as companies; prospects without a company stay',
  )
  exclude_companies?: string[];

  @TextList('Cities, e.g. Berlin, London')
  cities?: string[];

  @JSONSchema({ description: 'Smallest company size, in employees' })
  @IsInt()
  @IsOptional()
  @Min(0)
  @Max(MAX_EMPLOYEE_COUNT)
  employees_min?: number;

  @JSONSchema({ description: 'Largest company size, in employees' })
  @IsInt()
  @IsOptional()
  @Min(0)
  @Max(MAX_EMPLOYEE_COUNT)
  @IsNotLessThan('employees_min')
  employees_max?: number;

  @TextList(
    'Keywords; a prospect passes with any of them in its title, department, tags, company name or industry',
  )
  keywords?: string[];

  @TextList('Tags; a prospect passes with any of them')
  tags?: string[];

  @TextList(
    'Where prospects were first imported from (csv, api, or the source given to an import); any of them',
  )
  sources?: string[];

  @JSONSchema({
    description:
      'Named imports (the batch given to prospects.import_csv or POST /prospects/import); prospects of any of them',
  })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @Matches(IMPORT_BATCH_NAME, { each: true })
  batches?: string[];

  @JSONSchema({
    description:
      'Only prospects not emailed in the last N days (never emailed ones too), e.g. 90 for ' +
      '"not contacted in the last 3 months"; only messages really sent count, not drafts',
  })
  @IsInt()
  @IsOptional()
  @Min(1)
  @Max(36500)
  not_contacted_days?: number;

  @JSONSchema({
    description: 'true: only prospects never sent an email; false: only those sent at least one',
  })
  @IsBoolean()
  @IsOptional()
  never_emailed?: boolean;

  @JSONSchema({
    description:
      'Only prospects whose latest fit score (kept by research.score_fit), 0 to 100, is at least ' +
      'this, e.g. 70 for "scored above 70"; unscored prospects never pass',
  })
  @IsInt()
  @IsOptional()
  @Min(0)
  @Max(100)
  min_score?: number;

  @JSONSchema({
    description:
      'The order: "name" (default), "-score" (best latest fit score first, e.g. for "the 10 ' +
      'best-fitting" with limit 10) or "score" (lowest first); unscored prospects come last',
  })
  @IsIn(PROSPECT_SORTS)
  @IsOptional()
  sort?: ProspectSort;

  @JSONSchema({
    description:
      'The fictional sample prospects loaded on first start: true includes them, false leaves ' +
      'them out. By default they are found only while no other prospect exists',
  })
  @IsBoolean()
  @IsOptional()
  include_sample?: boolean;

  @JSONSchema({
    description:
      `Most prospects to return, 1 to ${MAX_SEARCH_LIMIT} (default ${DEFAULT_SEARCH_LIMIT}); ` +
      'a large result is stored as a prospect set that later steps read in batches',
  })
  @IsInt()
  @IsOptional()
  @Min(1)
  @Max(MAX_SEARCH_LIMIT)
  limit?: number;
}
