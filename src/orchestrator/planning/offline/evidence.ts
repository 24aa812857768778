import type { NotUnderstoodKind } from '../interpretation';
import type { PhraseMatch, Span } from './text-matching';

/** Where a parameter of the plan comes from: "VPs of Sales" → `titles`, "VP of Sales". */
export interface Evidence extends Span {
  param: string;
  value: string | number | boolean;
}

/** A span of the command the planner saw but could not turn into a parameter. */
export interface Unclear extends Span {
  kind: NotUnderstoodKind;
  reason: string;
  suggestion: string | null;
}

/** What a filter parser read: evidence, what it could not map, and every span it used. */
export interface FilterReading {
  evidence: Evidence[];
  unclear: Unclear[];
  spans: Span[];
}

/** The evidence of matches whose value is a list: one per value, each with its match's span. */
export function evidenceOf<T extends string | number | boolean>(
  param: string,
  matches: readonly PhraseMatch<T[]>[],
): Evidence[] {
  return matches.flatMap(({ start, end, value }) =>
    value.map((item) => ({ start, end, param, value: item })),
  );
}

/** Joins readings, in order. */
export function joinReadings(...readings: FilterReading[]): FilterReading {
  return {
    evidence: readings.flatMap((reading) => reading.evidence),
    unclear: readings.flatMap((reading) => reading.unclear),
    spans: readings.flatMap((reading) => reading.spans),
  };
}
