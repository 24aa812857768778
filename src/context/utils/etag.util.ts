/**
 * A strong ETag for one version of an entry. The creation time is part of it, so an entry deleted
 * and created again under the same id never matches an ETag of the old one.
 */
export function entryEtag(entry: { version: number; createdAt: Date }): string {
  return `"${entry.createdAt.getTime().toString(36)}-${entry.version}"`;
}

/**
 * Whether an If-Match header (RFC 9110 §13.1.1) is satisfied by the current ETag: `*` matches any
 * existing entry; otherwise one of the listed tags must match with the strong comparison.
 * Weak tags (W/"…") never match for a write.
 */
export function ifMatchSatisfied(header: string | undefined, currentEtag: string): boolean {
  if (header === undefined) return true;
  const value = header.trim();
  if (value === '*') return true;
  const tags = value.match(/(W\/)?"[^"]*"/g) ?? [];
  return tags.some((tag) => !tag.startsWith('W/') && tag === currentEtag);
}

/**
 * Whether If-None-Match (RFC 9110 §13.1.2) matches, so a GET may answer 304: `*`, or any listed
 * tag equal to the current one under the weak comparison (W/ prefixes ignored).
 */
export function ifNoneMatchSatisfied(header: string | undefined, currentEtag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const tags = header.match(/(W\/)?"[^"]*"/g) ?? [];
  return tags.some((tag) => tag.replace(/^W\//, '') === currentEtag);
}
