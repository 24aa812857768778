/**
 * Importing many suppressions: the addresses and domains of a pasted text or a file, sent to
 * POST /suppressions/import in chunks (at most 10,000 values each, the endpoint's limit) with a
 * progress count and each row that was not added, with its reason. `importChunk` is the only
 * tie to the API.
 */

/** The endpoint's limit on values per request. */
export const MAX_IMPORT_CHUNK = 10_000;

/** A row that was not added: its place in the whole list (from 1), value, outcome and why. */
export interface ImportRow {
  row: number;
  value: string;
  outcome: 'already_present' | 'invalid';
  reason: string;
}

export interface ImportProgress {
  done: number;
  total: number;
  added: number;
  alreadyListed: number;
  /** Invalid values, and those of a chunk the service did not take, with the reason. */
  refused: ImportRow[];
  /** Every row not added, in order (already listed and refused). */
  skipped: ImportRow[];
}

/** What POST /suppressions/import answers for one chunk (rows numbered from 1 in the chunk). */
export interface ChunkResult {
  added: number;
  already_present: number;
  invalid: number;
  skipped: ImportRow[];
}

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

/**
 * Sends `values` in chunks of `chunkSize` (≤ 10,000), reporting after each; stops between
 * chunks when `signal` aborts. A chunk that fails (`importChunk` throws) counts its values as
 * refused with the error's words, and the import goes on.
 */
export async function importSuppressions(
  values: string[],
  importChunk: (chunk: string[]) => Promise<ChunkResult>,
  onProgress: (progress: ImportProgress) => void,
  options: { signal?: AbortSignal; chunkSize?: number; describe?: (error: unknown) => string } = {},
): Promise<ImportProgress> {
  const size = Math.max(1, Math.min(options.chunkSize ?? 2_000, MAX_IMPORT_CHUNK));
  const progress: ImportProgress = {
    done: 0,
    total: values.length,
    added: 0,
    alreadyListed: 0,
    refused: [],
    skipped: [],
  };
  const report = () =>
    onProgress({ ...progress, refused: [...progress.refused], skipped: [...progress.skipped] });
  report();
  for (let start = 0; start < values.length; start += size) {
    if (options.signal?.aborted) break;
    const chunk = values.slice(start, start + size);
    let rows: ImportRow[];
    try {
      const result = await importChunk(chunk);
      progress.added += result.added;
      progress.alreadyListed += result.already_present;
      rows = result.skipped.map((row) => ({ ...row, row: row.row + start }));
    } catch (error) {
      const reason = options.describe ? options.describe(error) : String(error);
      rows = chunk.map((value, i) => ({ row: start + i + 1, value, outcome: 'invalid', reason }));
    }
    progress.done += chunk.length;
    progress.skipped.push(...rows);
    progress.refused.push(...rows.filter((row) => row.outcome === 'invalid'));
    report();
  }
  return progress;
}
