import { ApiProperty } from '@nestjs/swagger';
import type {
  AudienceExclusions,
  AudienceProspect,
  AudienceSource,
  PlanAudience,
} from '../plan-audience.types';

export class AudienceProspectDto implements AudienceProspect {
  /** null for a CSV row not imported yet. @example 0b6f7c2e-9d8a-4f1b-8c3e-5a7d9e1f2b4c */
  @ApiProperty({ type: String, nullable: true })
  id: string | null;
  /** @example "Jonas Becker" */
  name: string;
  /** @example CTO */
  @ApiProperty({ type: String, nullable: true })
  title: string | null;
  /** @example "Cloudwerk GmbH" */
  @ApiProperty({ type: String, nullable: true })
  company: string | null;
  /** @example Germany */
  @ApiProperty({ type: String, nullable: true })
  country: string | null;
  /** @example jonas.becker@cloudwerk.example */
  @ApiProperty({ type: String, nullable: true })
  email: string | null;
  /** A fictional sample prospect (never emailed). @example false */
  is_sample: boolean;
}

/** Prospects left out, by reason; a reason that cannot apply to the plan counts 0. */
export class AudienceExclusionsDto implements AudienceExclusions {
  /** Matching sample prospects, left out because real prospects exist (or, by a sequence, always: it enrols none). @example 12 */
  sample: number;
  /** Matching prospects beyond the search's limit. @example 0 */
  beyond_limit: number;
  /** Matching prospects who opted out: a search never returns them, drafts skip them. @example 1 */
  opted_out: number;
  /** No usable email address: no draft (plans that draft only). @example 1 */
  no_email: number;
  /** The address or its domain is suppressed: no draft (plans that draft only). @example 0 */
  suppressed: number;
  /** No draft for another reason: an address repeated, no usable name (plans that draft only). @example 0 */
  other: number;
  /** CSV rows that would not import (plans that import context.csv only). @example 0 */
  invalid_rows: number;
}

/**
 * Who the plan would work on, computed as its run would: the same search (criteria, limit of
 * 100 by default, order, sample prospects left out once real ones exist), a dry run of the
 * import of context.csv, or the list in the context.
 */
export class PlanAudienceDto implements PlanAudience {
  /** Where the prospects come from: a search, an import of context.csv, or the context's list. @example search */
  @ApiProperty({ enum: ['search', 'import', 'context'] })
  source: AudienceSource;
  /** Prospects the plan starts from. @example 3 */
  count: number;
  /** Prospects matching the search without its limit (`count` for an import or a list). @example 3 */
  total_matching: number;
  /** The first ten, in the order the run takes them. */
  first_10: AudienceProspectDto[];
  excluded: AudienceExclusionsDto;
  /** How many would get a draft (`count` minus the exclusions of drafting; for a sequence, of its enrolment, sample prospects too); null when the plan does not draft. @example 2 */
  @ApiProperty({ type: 'integer', nullable: true })
  recipients: number | null;
  /**
   * Set when a fit-score threshold later narrows the list: the counts come before it.
   * @example "Counted before the fit-score threshold of 70: scoring may leave fewer"
   */
  @ApiProperty({ type: String, nullable: true })
  before_threshold: string | null;
}
