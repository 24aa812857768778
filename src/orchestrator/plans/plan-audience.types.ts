/** Where a plan's prospects come from. */
export type AudienceSource = 'search' | 'import' | 'context';

/** One prospect of a preview's audience, as a person reads it. */
export interface AudienceProspect {
  /** null for a CSV row not imported yet. */
  id: string | null;
  name: string;
  title: string | null;
  company: string | null;
  country: string | null;
  email: string | null;
  is_sample: boolean;
}

/** Prospects left out, by reason. Each count is 0 where the reason cannot apply. */
export interface AudienceExclusions {
  /** Sample prospects that match the search, left out because real prospects exist (or, by a sequence, always: it enrols none). */
  sample: number;
  /** Prospects that match the search beyond its limit. */
  beyond_limit: number;
  /** Matching prospects who opted out (a search never returns them; drafts skip them). */
  opted_out: number;
  /** No usable email address (none, or invalid): no draft. Plans that draft only. */
  no_email: number;
  /** The address or its domain is on the suppression list: no draft. Plans that draft only. */
  suppressed: number;
  /** No draft for another reason (an address repeated, no usable name). Plans that draft only. */
  other: number;
  /** CSV rows that would not import (an import only). */
  invalid_rows: number;
}

/** Who a plan works on, computed as the run would (same search, limit, order, sample rule). */
export interface PlanAudience {
  source: AudienceSource;
  /** Prospects the plan starts from (what its search or import writes to `prospects`). */
  count: number;
  /** Prospects matching the search without its limit; `count` for an import or a list. */
  total_matching: number;
  first_10: AudienceProspect[];
  excluded: AudienceExclusions;
  /** How many would get a draft (count minus the exclusions of drafting); null without drafts. */
  recipients: number | null;
  /** Set when a fit-score threshold later narrows the list: the counts come before it. */
  before_threshold: string | null;
}
