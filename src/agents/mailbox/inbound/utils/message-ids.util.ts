/** Message-IDs in a header value (`<a@x> <b@y>`), without <>, in order; bare ids split on spaces. */
export function parseMessageIds(value: string | null): string[] {
  if (!value) return [];
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((match) => match[1]);
  if (bracketed.length > 0) return bracketed;
  return value
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id.includes('@'));
}

/** The first Message-ID in a header value, without <>, or null. */
export function firstMessageId(value: string | null): string | null {
  return parseMessageIds(value)[0] ?? null;
}
