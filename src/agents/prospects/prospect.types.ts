/**
 * The largest company size taken anywhere (filters, plans, imports): above every real employer,
 * and well inside the 32-bit integer column Postgres checks (SQLite would store any number).
 */
export const MAX_EMPLOYEE_COUNT = 10_000_000;

/** Seniority levels, as the offline planner and the search use them. */
export const SENIORITIES = [
  'founder',
  'c_level',
  'vp',
  'director',
  'manager',
  'senior',
  'entry',
] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** A prospect's company, as agents pass it through the job state. */
export interface CompanyInState {
  name: string;
  domain?: string;
  website_url?: string;
  industry?: string;
  employee_count?: number;
  city?: string;
  country?: string;
}

/**
 * A prospect as agents pass it through the job state (`state.prospects` is a list of these):
 * what prospects.search and prospects.import_csv write, what research.score_fit reads and writes
 * back (adding `score` and `reasons`), and what email.draft and export.spreadsheet read.
 */
export interface ProspectInState {
  id: string;
  name: string;
  email?: string;
  title?: string;
  seniority?: Seniority;
  department?: string;
  city?: string;
  country?: string;
  linkedin_url?: string;
  tags?: string[];
  /** A fictional sample prospect (present only when true): never emailed. */
  sample?: true;
  company: CompanyInState;
  /** 0–100, set by research.score_fit (or the latest one kept, from prospects.search). */
  score?: number;
  /** Why the score, one line each, set by research.score_fit (or kept, as `score`). */
  reasons?: string[];
}

/** A company summary as research.company_summary writes it (`state.companies`). */
export interface CompanySummaryInState {
  domain: string;
  name?: string;
  website_url?: string;
  title?: string;
  description?: string;
  summary?: string;
  /** Why there is no summary, when the fetch failed. */
  error?: string;
}
