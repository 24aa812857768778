/** Trimmed text with inner whitespace collapsed; undefined when nothing is left. */
export function cleanText(value: string | null | undefined): string | undefined {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : undefined;
}

/** Emails compare case-insensitively in practice: stored trimmed and lower case. */
export function normaliseEmail(value: string | null | undefined): string | undefined {
  return cleanText(value)?.toLowerCase();
}

/**
 * A company domain from a domain or a website URL: lower case, without scheme, `www.`, port,
 * path or trailing dot ("https://www.Acme.example/about" → "acme.example").
 */
export function normaliseDomain(value: string | null | undefined): string | undefined {
  const text = cleanText(value)?.toLowerCase();
  if (!text) return undefined;
  const host = text
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .split(/[/?#:]/)[0]
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : undefined;
}

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
