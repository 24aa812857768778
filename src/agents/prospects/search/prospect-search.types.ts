import type { ProspectEntity } from '../prospect.entity';
import type { Seniority } from '../prospect.types';

/**
 * What to search for. Lists are alternatives (any of them), fields all apply together, except
 * `titles` and `seniorities`: when both are given a prospect passes with any title OR any
 * seniority ("VPs of Sales and other executives"). Text compares case-insensitively.
 */
export interface ProspectSearchCriteria {
  /** Each title's words, in any order, at the start of words of the prospect's title. */
  titles?: string[];
  seniorities?: Seniority[];
  departments?: string[];
  /**
   * Industries by family of the industry vocabulary ("Software" finds "SaaS"); one outside it by
   * whole words of the company's industry ("robotics" ⊂ "Industrial Robotics").
   */
  industries?: string[];
  countries?: string[];
  /** None of these countries; a prospect without a country passes. */
  excludeCountries?: string[];
  cities?: string[];
  /**
   * Companies: a value matches a company whose name equals it (case and whitespace ignored) or,
   * when it reads as a domain or website ("acme.com"), whose domain is that.
   */
  companies?: string[];
  /** None of these companies (matched as `companies`); a prospect without a company passes. */
  excludeCompanies?: string[];
  employeesMin?: number;
  employeesMax?: number;
  /** Any one of them in the title, department, tags, company name or industry. */
  keywords?: string[];
  /** Free text: each word in the name, email, title or company name. */
  q?: string;
  /** Any one of these tags. */
  tags?: string[];
  /** Any one of these sources (`csv`, `api`, `apollo-2026-11`, …). */
  sources?: string[];
  /** Any one of these named imports (their rows carry the tag `import:<name>`). */
  batches?: string[];
  /**
   * No email sent in the last N days (never emailed passes too). Only a message really sent
   * counts: drafted, approved or queued ones do not.
   */
  notContactedDays?: number;
  /** true: never sent an email; false: sent at least one. */
  neverEmailed?: boolean;
  optedOut?: boolean;
  /** The latest fit score (research.score_fit) at least this; unscored prospects never pass. */
  minScore?: number;
  /**
   * Sample prospects: true includes them, false leaves them out; absent, they are left out once
   * any other prospect exists (see shouldExcludeSamples).
   */
  includeSample?: boolean;
}

/** The orders of a search: by name (the default), or by the latest fit score, unscored last. */
export const PROSPECT_SORTS = ['name', 'score', '-score'] as const;
export type ProspectSort = (typeof PROSPECT_SORTS)[number];

export interface PageRequest {
  skip: number;
  limit: number;
  /** `name` when absent. */
  sort?: ProspectSort;
  /**
   * Count the matches only up to PROSPECTS_COUNT_BOUND (GET /prospects); absent or false, the
   * total is exact (an agent's search, a plan's audience).
   */
  boundedTotal?: boolean;
}

/** One page of matches, in the order asked for. */
export interface ProspectPage {
  items: ProspectEntity[];
  /** How many match; with `totalIsLowerBound`, at least this many. */
  total: number;
  /** More than `total` match: a bounded count stopped there (see PageRequest.boundedTotal). */
  totalIsLowerBound: boolean;
  skip: number;
  limit: number;
  /** Sample prospects were left out of this search. */
  sampleExcluded: boolean;
}
