import { industryFamilyOf } from '../../../vocabulary/industry-family.util';

/** Companies of one industry spelling with one stored family, as grouped in the database. */
export interface StoredIndustryFamily {
  industry: string | null;
  family: string | null;
}

/**
 * The industries whose stored family is not the vocabulary's, by the family key they should have
 * (null: outside the vocabulary): every company before the industry-family column had one, and
 * the spellings a changed vocabulary now files elsewhere. Companies without an industry are
 * left alone: nothing finds them by industry.
 */
export function industryFamilyFixes(
  stored: readonly StoredIndustryFamily[],
): Map<string | null, string[]> {
  const fixes = new Map<string | null, Set<string>>();
  for (const { industry, family } of stored) {
    if (industry === null) continue;
    const wanted = industryFamilyOf(industry)?.key ?? null;
    if (wanted === family) continue;
    fixes.set(wanted, (fixes.get(wanted) ?? new Set()).add(industry));
  }
  return new Map([...fixes].map(([family, industries]) => [family, [...industries]]));
}
