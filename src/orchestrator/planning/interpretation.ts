import { HttpStatus } from '@nestjs/common';
import { CodedHttpException } from '../../common/http/coded-http.exception';

/**
 * One constraint a plan honours, with the words of the command it came from: "VPs of Sales" →
 * step 0, `titles`, "VP of Sales". `value` is one value as the parameter holds it, written as
 * text ("70" for `min_score: 70`, "true" for `never_emailed: true`); a list parameter has one
 * constraint per value. `words` is null for plans the client sent itself (`POST /jobs`).
 */
export interface InterpretedConstraint {
  words: string | null;
  step: number;
  param: string;
  value: string;
}

/**
 * What a phrase the planner did not turn into anything is about. `company`, `list` (a list, tag,
 * source or import), `exclusion`, `place` and `filter` (any other narrowing, e.g. "no reply
 * yet") would narrow or steer the audience; `other` is a meaningful word that changes nothing.
 */
export const NOT_UNDERSTOOD_KINDS = [
  'company',
  'list',
  'exclusion',
  'place',
  'filter',
  'other',
] as const;
export type NotUnderstoodKind = (typeof NOT_UNDERSTOOD_KINDS)[number];

/** Words of the command that no parameter of the plan reflects. */
export interface NotUnderstoodPhrase {
  words: string;
  kind: NotUnderstoodKind;
  /** Why it was not honoured, in plain words. */
  reason: string;
  /** What the user may have meant: "Germany?" for "Germny". */
  suggestion: string | null;
}

/** What a planner understood of a command, and what it did not. */
export interface Interpretation {
  constraints: InterpretedConstraint[];
  not_understood: NotUnderstoodPhrase[];
}

/** A phrase that would narrow or steer the audience: dropping it would widen the plan. */
export function narrowsAudience(phrase: NotUnderstoodPhrase): boolean {
  return phrase.kind !== 'other';
}

/**
 * 422 `command_partly_understood`: the command has phrases that would narrow or steer the
 * audience and that the plan does not honour. `details` lists each; `allow_partial: true` runs
 * the plan without them.
 */
export class CommandPartlyUnderstoodException extends CodedHttpException {
  constructor(phrases: NotUnderstoodPhrase[]) {
    const named = phrases
      .map((phrase) =>
        phrase.suggestion
          ? `"${phrase.words}" (did you mean ${phrase.suggestion})`
          : `"${phrase.words}"`,
      )
      .join(', ');
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'command_partly_understood',
      `The plan would not honour ${named}: rephrase the command, or send "allow_partial": true to run it without ${phrases.length === 1 ? 'that phrase' : 'those phrases'}`,
      phrases,
    );
  }
}

/** Refuses an interpretation with narrowing phrases left out, unless the client allows it. */
export function assertFullyUnderstood(interpretation: Interpretation, allowPartial: boolean): void {
  if (allowPartial) return;
  const narrowing = interpretation.not_understood.filter(narrowsAudience);
  if (narrowing.length > 0) throw new CommandPartlyUnderstoodException(narrowing);
}

/**
 * The interpretation of a plan the client wrote itself: each parameter value of each step as a
 * constraint without words. Empty lists, absent values and `limit` defaults are left out.
 */
export function explicitInterpretation(
  steps: readonly { params: Record<string, unknown> }[],
): Interpretation {
  const constraints = steps.flatMap((step, index) =>
    Object.entries(step.params).flatMap(([param, value]) =>
      constraintValues(value).map((text) => ({ words: null, step: index, param, value: text })),
    ),
  );
  return { constraints, not_understood: [] };
}

/** A parameter value as the texts constraints name: one per list item, objects as JSON. */
export function constraintValues(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(constraintValues);
  if (typeof value === 'object') return [JSON.stringify(value)];
  return [String(value as string | number | boolean)];
}

/**
 * The value of a step's parameter a constraint names: `titles`, or a dotted path into objects and
 * lists (`icp.countries`, `steps.1.business_days`).
 */
export function paramAt(params: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => {
    if (Array.isArray(at)) return /^\d+$/.test(key) ? at[Number(key)] : undefined;
    return typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  }, params);
}
