/**
 * Importing many suppressions: the addresses and domains of a pasted text or a file, added one
 * by one with a progress count. `addOne` is the only tie to the API, so the loop can later be
 * replaced by the bulk endpoint without touching the page.
 */
export interface ImportProgress {
  done: number;
  total: number;
  added: number;
  alreadyListed: number;
  refused: { value: string; reason: string }[];
}

export type AddOutcome =
  { kind: 'added' } | { kind: 'already' } | { kind: 'refused'; reason: string };

/**
 * The distinct values of a text: one per line, or separated by commas, semicolons or spaces
 * (a one-column CSV works too); a header line such as "email" or "value" is left out.
 */
export function parseSuppressionList(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[\s,;]+/)) {
    const value = raw
      .trim()
      .replace(/^["']|["']$/g, '')
      .toLowerCase();
    if (!value || ['email', 'emails', 'domain', 'domains', 'value', 'address'].includes(value)) {
      continue;
    }
    seen.add(value);
  }
  return [...seen];
}

/** Adds `values` one at a time, reporting after each; stops early when `signal` aborts. */
export async function importSuppressions(
  values: string[],
  addOne: (value: string) => Promise<AddOutcome>,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportProgress> {
  const progress: ImportProgress = {
    done: 0,
    total: values.length,
    added: 0,
    alreadyListed: 0,
    refused: [],
  };
  onProgress({ ...progress });
  for (const value of values) {
    if (signal?.aborted) break;
    const outcome = await addOne(value);
    progress.done += 1;
    if (outcome.kind === 'added') progress.added += 1;
    else if (outcome.kind === 'already') progress.alreadyListed += 1;
    else progress.refused = [...progress.refused, { value, reason: outcome.reason }];
    onProgress({ ...progress, refused: [...progress.refused] });
  }
  return progress;
}
