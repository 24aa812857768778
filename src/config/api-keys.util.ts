/** One accepted API key and the label that names whoever uses it (in approvals and logs). */
export interface ApiKey {
  label: string;
  key: string;
}

/** Shortest key accepted: shorter ones are guessable, or scrubbed from logs by accident. */
export const MIN_API_KEY_LENGTH = 16;
/** A label written before its key as `label:key`. */
export const API_KEY_LABEL_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;

export type ParsedApiKeys = { ok: true; keys: ApiKey[] } | { ok: false; problems: string[] };

/**
 * Reads API_KEYS: comma-separated entries `label:key` or `key`. A key without a label is named
 * `key-<position>` (1-based), never after anything of the key. Problems name the entry by its
 * position and never echo a key: a short or spaced key, a bad label, a label or key used twice.
 */
export function parseApiKeys(value: string | undefined): ParsedApiKeys {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const problems: string[] = [];
  const keys: ApiKey[] = [];
  entries.forEach((entry, index) => {
    const position = index + 1;
    const { label, key, labelProblem } = splitEntry(entry, position);
    if (labelProblem) problems.push(labelProblem);
    if (key.length < MIN_API_KEY_LENGTH || /\s/.test(key)) {
      problems.push(
        `entry ${position}: the key must be at least ${MIN_API_KEY_LENGTH} characters without spaces`,
      );
    }
    keys.push({ label, key });
  });
  problems.push(...duplicates(keys));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, keys };
}

function splitEntry(
  entry: string,
  position: number,
): { label: string; key: string; labelProblem?: string } {
  const colon = entry.indexOf(':');
  if (colon < 0) return { label: `key-${position}`, key: entry };
  const label = entry.slice(0, colon).trim();
  const key = entry.slice(colon + 1).trim();
  if (API_KEY_LABEL_PATTERN.test(label)) return { label, key };
  return {
    label: `key-${position}`,
    key,
    labelProblem: `entry ${position}: the label before ":" must be 1-40 characters of A-Za-z0-9_.-`,
  };
}

function duplicates(keys: readonly ApiKey[]): string[] {
  const problems: string[] = [];
  const labels = new Map<string, number>();
  const secrets = new Map<string, number>();
  keys.forEach(({ label, key }, index) => {
    const position = index + 1;
    const labelAt = labels.get(label);
    if (labelAt !== undefined) {
      problems.push(`entries ${labelAt} and ${position} have the same label "${label}"`);
    } else labels.set(label, position);
    const keyAt = secrets.get(key);
    if (keyAt !== undefined) problems.push(`entries ${keyAt} and ${position} have the same key`);
    else secrets.set(key, position);
  });
  return problems;
}
