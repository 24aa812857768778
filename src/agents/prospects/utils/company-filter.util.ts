import { normaliseDomain } from './normalise.util';
import { lowerUnique } from './search-filters.util';

/** How the values of a company filter are looked for. */
export interface CompanyMatchers {
  /** Lower case, single spaces: compared with LOWER(companies.name). */
  names: string[];
  /** Normalised domains ("https://www.Acme.io/" → "acme.io"): compared with companies.domain. */
  domains: string[];
}

/**
 * The names and domains a company filter looks for. Every value is a name; one that reads as a
 * domain or a website ("acme.io", "https://www.acme.io") is also a domain, so "Acme.io" finds
 * the company named so as well as the one at that domain.
 */
export function companyMatchers(values: readonly string[]): CompanyMatchers {
  const names = lowerUnique(values).filter((name) => name.length > 0);
  const domains = new Set<string>();
  for (const value of values) {
    const domain = normaliseDomain(value);
    if (domain) domains.add(domain);
  }
  return { names, domains: [...domains] };
}
