import type { Seniority } from '../prospect.types';

/** A company as an import or the sample data gives it. */
export interface CompanyInput {
  name: string;
  /** Or taken from `websiteUrl`. */
  domain?: string;
  /** Or `https://` + the domain. */
  websiteUrl?: string;
  industry?: string;
  employeeCount?: number;
  city?: string;
  country?: string;
}

/**
 * A prospect as an import or the sample data gives it. `name`, or `firstName` and `lastName`, is
 * required. Seniority and department are derived from the title when absent; city and country
 * default to the company's.
 */
export interface ProspectInput {
  name?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  title?: string;
  seniority?: Seniority;
  department?: string;
  city?: string;
  country?: string;
  linkedinUrl?: string;
  source?: string;
  tags?: string[];
  optedOut?: boolean;
  /** A fictional sample prospect: only the sample data sets it. */
  isSample?: boolean;
  company?: CompanyInput;
}

/** Which duplicate an input was merged into. */
export type DuplicateMatch = 'email' | 'linkedin_url' | 'name_and_company';

/** What happened to one input of `upsertMany`, in input order. */
export type UpsertOutcome =
  | { action: 'inserted'; id: string }
  | { action: 'updated'; id: string; matchedBy: DuplicateMatch }
  | { action: 'skipped'; reason: string };
