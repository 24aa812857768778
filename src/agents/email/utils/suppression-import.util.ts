import type { SuppressionKind } from '../suppression.entity';
import { parseSuppressionValue } from './suppression.util';

/** What became of one row of an import. */
export type ImportOutcome = 'added' | 'already_present' | 'invalid';

/** A row of an import that was not added, and why. */
export interface ImportRowResult {
  /** Its place in the list, from 1. */
  row: number;
  value: string;
  outcome: Exclude<ImportOutcome, 'added'>;
  reason: string;
}

/** An import's rows sorted out before the database is asked which values it already holds. */
export interface SortedImport {
  /** The valid values, once each, in the order first given. */
  valid: { row: number; value: string; kind: SuppressionKind }[];
  /** Invalid rows, and rows repeating an earlier one. */
  skipped: ImportRowResult[];
}

/** Parses each row like POST /suppressions; a value given twice is added once. */
export function sortImportRows(raws: readonly string[]): SortedImport {
  const firstRow = new Map<string, number>();
  const valid: SortedImport['valid'] = [];
  const skipped: ImportRowResult[] = [];
  raws.forEach((raw, index) => {
    const row = index + 1;
    const parsed = parseSuppressionValue(raw);
    if (!parsed.ok) {
      skipped.push({ row, value: raw.slice(0, 320), outcome: 'invalid', reason: parsed.message });
      return;
    }
    const first = firstRow.get(parsed.value);
    if (first !== undefined) {
      const reason = `repeats row ${first}`;
      skipped.push({ row, value: parsed.value, outcome: 'already_present', reason });
      return;
    }
    firstRow.set(parsed.value, row);
    valid.push({ row, value: parsed.value, kind: parsed.kind });
  });
  return { valid, skipped };
}
