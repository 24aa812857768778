/**
 * A list filter of a query string: `?country=Germany,Austria`, `?country=Germany&country=Austria`
 * or both. Items are trimmed and empty ones dropped; no item at all is no filter (undefined).
 * Anything else is returned as is, for validation to reject by name.
 */
export function splitList(value: unknown): unknown {
  if (typeof value !== 'string' && !Array.isArray(value)) return value;
  const raw: unknown[] = Array.isArray(value) ? value : [value];
  if (raw.some((item) => typeof item !== 'string')) return value;
  const items = (raw as string[])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return items.length > 0 ? items : undefined;
}

/** `true`/`false` of a query string as a boolean; anything else as is, for validation to reject. */
export function parseBooleanFlag(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** Plain digits as a number; anything else ("", "1e3", "-1") as is, for validation to reject. */
export function parseInteger(value: unknown): unknown {
  return typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
}

/** Escapes `\`, `%` and `_` for a LIKE pattern with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * An industry name as its words are looked for: lower case, single spaces. It matches an industry
 * holding it as whole words: "software" matches "Software" and "Healthcare Software", "it"
 * matches "IT Services" but not "Hospitality".
 */
export function industryTerm(industry: string): string {
  return industry.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Lower-cased, whitespace-collapsed, deduplicated values of a list filter. */
export function lowerUnique(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.toLowerCase().replace(/\s+/g, ' ').trim()))];
}
