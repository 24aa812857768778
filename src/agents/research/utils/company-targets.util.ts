import type { ProspectInState } from '../../prospects/prospect.types';

/** A company to research: one per distinct domain. */
export interface CompanyTarget {
  domain: string;
  name?: string;
  /** The page to fetch: the company's website URL, else `https://` + domain. */
  url: string;
  /** Set when the company cannot be researched as given (a malformed domain). */
  error?: string;
}

const HOSTNAME =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The distinct companies of a list of prospects, by domain (lower case, without `www.`), in order
 * of first appearance. A company's domain is its `domain`, else its website URL's host; prospects
 * whose company has neither are counted in `withoutDomain`.
 */
export function companyTargets(prospects: readonly ProspectInState[]): {
  targets: CompanyTarget[];
  withoutDomain: number;
} {
  const byDomain = new Map<string, CompanyTarget>();
  let withoutDomain = 0;
  for (const prospect of prospects) {
    const company = (prospect?.company ?? {}) as ProspectInState['company'];
    const website = typeof company.website_url === 'string' ? company.website_url.trim() : '';
    const domain =
      normaliseDomain(typeof company.domain === 'string' ? company.domain : '') ||
      normaliseDomain(website);
    if (!domain) {
      withoutDomain += 1;
      continue;
    }
    const known = byDomain.get(domain);
    const name = typeof company.name === 'string' ? company.name : undefined;
    if (known) {
      known.name ??= name;
      continue;
    }
    const valid = HOSTNAME.test(domain) || /^\[[0-9a-f:.]+\]$/.test(domain);
    byDomain.set(domain, {
      domain,
      name,
      url: website || `https://${domain}`,
      error: valid || website ? undefined : `Not a domain name: ${domain}`,
    });
  }
  return { targets: [...byDomain.values()], withoutDomain };
}

/** "https://www.Acme.com/about" → "acme.com"; "" when there is no host. */
export function normaliseDomain(value: string): string {
  let text = value.trim().toLowerCase();
  if (!text) return '';
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return '';
    }
  } else {
    text = text.split(/[/?#]/)[0].replace(/:\d+$/, '');
  }
  return text.replace(/\.$/, '').replace(/^www\./, '');
}
