import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
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
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/dto/page-query.dto';
import { MAX_EMPLOYEE_COUNT, SENIORITIES, Seniority } from '../prospect.types';
import {
  PROSPECT_SORTS,
  type ProspectSearchCriteria,
  type ProspectSort,
} from '../search/prospect-search.types';
import { IMPORT_BATCH_NAME } from '../../../vocabulary/import-batch-name';
import { IsNotLessThan } from '../utils/not-less-than.validator';
import { parseBooleanFlag, parseInteger, splitList } from '../utils/search-filters.util';

/** The most values one list filter takes. */
export const MAX_FILTER_VALUES = 50;
const MAX_FILTER_LENGTH = 200;
/** A century: the longest "not contacted in the last N days". */
const MAX_DAYS = 36_500;
/** Why `no_reply` is refused. */
export const NO_REPLY_REFUSAL = 'no_reply needs the mailbox (not built yet)';

/** A list filter: comma-separated, or the parameter repeated. */
function ListFilter(name: string) {
  return (target: object, key: string) => {
    Transform(({ value }) => splitList(value))(target, key);
    IsOptional()(target, key);
    IsArray({ message: `${name} must be a string or a list of strings` })(target, key);
    ArrayMaxSize(MAX_FILTER_VALUES, {
      message: `${name} takes at most ${MAX_FILTER_VALUES} values`,
    })(target, key);
    IsString({ each: true, message: `${name} must be a string or a list of strings` })(target, key);
    MaxLength(MAX_FILTER_LENGTH, {
      each: true,
      message: `each value of ${name} must be at most ${MAX_FILTER_LENGTH} characters`,
    })(target, key);
  };
}

/**
 * Filters of GET /prospects. List filters take the parameter repeated (`?country=Germany&country=Austria`,
 * as the OpenAPI document declares them) or comma-separated values (`?country=Germany,Austria`), and
 * match any of them; different filters all apply. A title and a seniority are alternatives:
 * with both, a prospect matching either passes. Text compares case-insensitively.
 */
export class ListProspectsQueryDto extends PageQueryDto {
  /**
   * Titles: every word of one, in any order, starts a word of the prospect's title ("VP Sales"
   * finds "VP of Sales", "Vice President, Sales" and "SVP Sales").
   * @example ["VP Sales"]
   */
  @ListFilter('title')
  title?: string[];

  /**
   * Seniority levels: founder, c_level, vp, director, manager, senior, entry.
   * @example ["vp","director"]
   */
  @Transform(({ value }) => splitList(value))
  @IsOptional()
  @IsArray({ message: 'seniority must be a string or a list of strings' })
  @IsIn(SENIORITIES, { each: true, message: `seniority must be one of ${SENIORITIES.join(', ')}` })
  seniority?: Seniority[];

  /** Departments: Sales, Marketing, Engineering, … @example ["Sales"] */
  @ListFilter('department')
  department?: string[];

  /**
   * Industries, matched by family: "Software" (or "SaaS") finds "SaaS", "Computer Software" and
   * "Software Development"; an industry outside the vocabulary is found by its words ("Robotics"
   * finds "Industrial Robotics").
   * @example ["Software"]
   */
  @ListFilter('industry')
  industry?: string[];

  /** Countries by English name. @example ["Germany","Austria","Switzerland"] */
  @ListFilter('country')
  country?: string[];

  /**
   * Countries to leave out, by English name; a prospect without a country stays.
   * @example ["United States"]
   */
  @ListFilter('exclude_country')
  exclude_country?: string[];

  /** Cities. @example ["Berlin"] */
  @ListFilter('city')
  city?: string[];

  /**
   * Companies: by name, compared case-insensitively with whitespace collapsed ("acme  corp" finds
   * "Acme Corp", but not "Acme Corp Ltd"), or by domain or website ("acme.com",
   * "https://www.acme.com").
   * @example ["Juniperra Digital AG","yarrowixsolutions.example"]
   */
  @ListFilter('company')
  company?: string[];

  /**
   * Companies to leave out, matched as `company`; a prospect without a company stays.
   * @example ["Driftwell Data AG"]
   */
  @ListFilter('exclude_company')
  exclude_company?: string[];

  /**
   * Smallest company size, in employees.
   * @example 50
   */
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @Transform(({ value }) => parseInteger(value))
  @Max(MAX_EMPLOYEE_COUNT)
  @Min(0)
  @IsInt({ message: 'employees_min must be a whole number' })
  employees_min?: number;

  /**
   * Largest company size, in employees.
   * @example 500
   */
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @Transform(({ value }) => parseInteger(value))
  @IsNotLessThan('employees_min')
  @Max(MAX_EMPLOYEE_COUNT)
  @Min(0)
  @IsInt({ message: 'employees_max must be a whole number' })
  employees_max?: number;

  /**
   * Free text: each word appears in the name, email, title or company name.
   * @example sales
   */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FILTER_LENGTH)
  q?: string;

  /** Tags: a prospect with any of them (every sample prospect has `sample`). @example ["sample"] */
  @ListFilter('tag')
  tag?: string[];

  /**
   * Sources: where the prospect was first imported from (`csv`, `api`, or the `source` of an
   * import; every sample prospect has `sample`).
   * @example ["sample"]
   */
  @ListFilter('source')
  source?: string[];

  /**
   * Named imports (the `batch` of POST /prospects/import or of prospects.import_csv): prospects
   * in any of them. Their rows carry the tag `import:<name>`. (No example: a fresh installation
   * has no named import.)
   */
  @ListFilter('batch')
  @Matches(IMPORT_BATCH_NAME, {
    each: true,
    message: 'each batch must be 1-64 letters, digits, _ . : or -',
  })
  batch?: string[];

  /**
   * Only prospects not emailed in the last N days, N ≥ 1 (never emailed ones too). Only a message
   * really sent counts: drafted, approved or queued ones do not.
   * @example 90
   */
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @Transform(({ value }) => parseInteger(value))
  @Max(MAX_DAYS, { message: `not_contacted_days must be at most ${MAX_DAYS}` })
  @Min(1, { message: 'not_contacted_days must be at least 1' })
  @IsInt({ message: 'not_contacted_days must be a whole number' })
  not_contacted_days?: number;

  /**
   * Only prospects never sent an email (true), or only those sent one (false); both when absent.
   * @example true
   */
  @IsOptional()
  @Transform(({ value }) => parseBooleanFlag(value))
  @IsBoolean({ message: 'never_emailed must be true or false' })
  never_emailed?: boolean;

  /** "No reply yet" needs the mailbox, which is not built: refused by name until it is. */
  @ApiHideProperty()
  @ValidateIf((_, value) => value !== undefined)
  @IsIn([], { message: NO_REPLY_REFUSAL })
  no_reply?: unknown;

  /** Only opted-out prospects (true) or only the others (false); both when absent. */
  @IsOptional()
  @Transform(({ value }) => parseBooleanFlag(value))
  @IsBoolean({ message: 'opted_out must be true or false' })
  opted_out?: boolean;

  /**
   * Only prospects whose latest fit score (research.score_fit) is at least this, 0–100; an
   * unscored prospect never passes.
   */
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @Transform(({ value }) => parseInteger(value))
  @Max(100)
  @Min(0)
  @IsInt({ message: 'min_score must be a whole number' })
  min_score?: number;

  /**
   * The order: `name` (the default), `-score` (best latest fit score first) or `score` (lowest
   * first); by score, unscored prospects come last and equal scores by name.
   */
  @IsOptional()
  @IsIn(PROSPECT_SORTS, { message: `sort must be one of ${PROSPECT_SORTS.join(', ')}` })
  sort?: ProspectSort;

  /**
   * The fictional sample prospects: true includes them, false leaves them out. By default they
   * are found only while no other prospect exists (a fresh installation's demo); once one does,
   * they are left out.
   */
  @IsOptional()
  @Transform(({ value }) => parseBooleanFlag(value))
  @IsBoolean({ message: 'include_sample must be true or false' })
  include_sample?: boolean;

  /** The filters as the service takes them. */
  toCriteria(): ProspectSearchCriteria {
    return toSearchCriteria(this);
  }
}

/**
 * The filters of GET /prospects without paging and order: what a body's `filter` takes where
 * other routes select prospects the same way (POST /sequences/{id}/enrollments).
 */
export type ProspectFilters = Omit<
  ListProspectsQueryDto,
  'skip' | 'limit' | 'sort' | 'no_reply' | 'toCriteria'
>;

/** Filters as the search service takes them. */
export function toSearchCriteria(filters: ProspectFilters): ProspectSearchCriteria {
  return {
    titles: filters.title,
    seniorities: filters.seniority,
    departments: filters.department,
    industries: filters.industry,
    countries: filters.country,
    excludeCountries: filters.exclude_country,
    cities: filters.city,
    companies: filters.company,
    excludeCompanies: filters.exclude_company,
    employeesMin: filters.employees_min,
    employeesMax: filters.employees_max,
    q: filters.q?.trim() || undefined,
    tags: filters.tag,
    sources: filters.source,
    batches: filters.batch,
    notContactedDays: filters.not_contacted_days,
    neverEmailed: filters.never_emailed,
    optedOut: filters.opted_out,
    includeSample: filters.include_sample,
    minScore: filters.min_score,
  };
}
