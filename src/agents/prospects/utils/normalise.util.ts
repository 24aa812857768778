/** Trimmed text with inner whitespace collapsed; undefined when nothing is left. */
export function cleanText(value: string | null | undefined): string | undefined {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : undefined;
}

/** Emails compare case-insensitively in practice: stored trimmed and lower case. */
export function normaliseEmail(value: string | null | undefined): string | undefined {
  return cleanText(value)?.toLowerCase();
}

/** A host name of letters, digits and hyphens; one label ("localhost") or several. */
const HOST_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;
/** A host without a scheme needs a dot: a lone word ("unknown", "tbd") is not taken for a host. */
const DOTTED_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const IPV6_HOST = /^\[[0-9a-f:.]+\]$/;

/**
 * A company domain from a domain or a website URL: lower case, without scheme, `www.`, port,
 * path or trailing dot ("https://www.Acme.example/about" → "acme.example"). An http(s) URL gives
 * its host whatever its form ("http://localhost:8080/" → "localhost", "http://[::1]/" → "[::1]"):
 * whether it may be fetched is research's address policy, not the importer's. Text without a
 * scheme must be a dotted name or an IPv4 address.
 */
export function normaliseDomain(value: string | null | undefined): string | undefined {
  const text = cleanText(value)?.toLowerCase();
  if (!text) return undefined;
  if (/^https?:\/\//.test(text)) return webUrlHost(text);
  const host = trimHost(
    text
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
      .replace(/^[^@/]*@/, '')
      .split(/[/?#:]/)[0],
  );
  return DOTTED_HOST.test(host) ? host : undefined;
}

/** The host of an http(s) URL as the URL standard reads it, or undefined when it is none. */
function webUrlHost(url: string): string | undefined {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return undefined;
  }
  const host = trimHost(hostname);
  return HOST_NAME.test(host) || IPV6_HOST.test(host) ? host : undefined;
}

const trimHost = (host: string) => host.replace(/^www\./, '').replace(/\.$/, '');

/** The website of a company: as given, or `https://` + its domain. */
export function websiteUrlOf(
  websiteUrl: string | null | undefined,
  domain: string | undefined,
): string | undefined {
  const url = cleanText(websiteUrl);
  if (url) return /^https?:\/\//i.test(url) ? url : `https://${url}`;
  return domain ? `https://${domain}` : undefined;
}

/**
 * A LinkedIn profile URL in one form, so the same profile exported by two tools dedupes:
 * `https://www.linkedin.com/in/<slug>` (no query, locale or trailing slash, slug lower case).
 * Other URLs are kept trimmed.
 */
export function normaliseLinkedinUrl(value: string | null | undefined): string | undefined {
  const text = cleanText(value);
  if (!text) return undefined;
  const match = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/(in|pub)\/([^/?#]+)/i.exec(
    text,
  );
  if (!match) return text;
  return `https://www.linkedin.com/${match[1].toLowerCase()}/${decodeSlug(match[2])}`;
}

function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug).toLowerCase();
  } catch {
    return slug.toLowerCase();
  }
}

/** A person's name as compared for duplicates: lower case, single spaces. */
export function nameKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A full name from its parts. */
export function fullName(firstName?: string | null, lastName?: string | null): string | undefined {
  return cleanText([firstName, lastName].filter(Boolean).join(' '));
}

/** Tags trimmed, without empties or case-insensitive repeats, each in its first spelling. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const clean = cleanText(tag);
    if (clean && !seen.has(clean.toLowerCase())) seen.set(clean.toLowerCase(), clean);
  }
  return [...seen.values()];
}
