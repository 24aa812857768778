import { isPlainObject } from '../../context/utils/json-merge-patch.util';
import type { PlanIssue } from '../agents/plan-validation.util';
import {
  InterpretedConstraint,
  Interpretation,
  NOT_UNDERSTOOD_KINDS,
  NotUnderstoodKind,
  NotUnderstoodPhrase,
} from './interpretation';

/** An interpretation as the model wrote it, or what is wrong with its shape. */
export type InterpretationRead = { interpretation: Interpretation } | { issues: PlanIssue[] };

const PATH = 'interpretation';
const MISSING =
  'missing: answer with { constraints: [{ words, step, param, value }], not_understood: [{ words, kind, reason, suggestion }] }';

/**
 * Reads the `interpretation` of an LLM answer: every constraint with the user's words (a
 * non-empty string), its step, param and value (numbers and booleans are taken as text), and
 * every not_understood phrase with a known kind (a missing suggestion becomes null).
 */
export function readInterpretation(answer: unknown): InterpretationRead {
  if (!isPlainObject(answer)) return { issues: [{ path: PATH, message: MISSING }] };
  const { constraints, not_understood: notUnderstood } = answer;
  if (!Array.isArray(constraints) || !Array.isArray(notUnderstood)) {
    return { issues: [{ path: PATH, message: MISSING }] };
  }
  const issues: PlanIssue[] = [];
  const read = <T>(item: T | PlanIssue): item is T => {
    if (isIssue(item)) issues.push(item);
    return !isIssue(item);
  };
  const interpretation: Interpretation = {
    constraints: constraints.map(readConstraint).filter(read<InterpretedConstraint>),
    not_understood: notUnderstood.map(readPhrase).filter(read<NotUnderstoodPhrase>),
  };
  return issues.length > 0 ? { issues } : { interpretation };
}

function readConstraint(raw: unknown, index: number): InterpretedConstraint | PlanIssue {
  const path = `${PATH}.constraints[${index}]`;
  const item = isPlainObject(raw) ? raw : {};
  const value =
    typeof item.value === 'number' || typeof item.value === 'boolean'
      ? String(item.value)
      : item.value;
  if (!isText(item.words)) return { path, message: "words must be the user's exact words" };
  if (!Number.isInteger(item.step)) return { path, message: 'step must be the index of a step' };
  if (!isText(item.param)) return { path, message: 'param must name a parameter of the step' };
  if (!isText(value)) return { path, message: 'value must be one value of the parameter, as text' };
  return { words: item.words, step: item.step as number, param: item.param, value };
}

function readPhrase(raw: unknown, index: number): NotUnderstoodPhrase | PlanIssue {
  const path = `${PATH}.not_understood[${index}]`;
  const item = isPlainObject(raw) ? raw : {};
  const suggestion = item.suggestion ?? null;
  if (!isText(item.words)) return { path, message: "words must be the user's exact words" };
  if (!NOT_UNDERSTOOD_KINDS.includes(item.kind as NotUnderstoodKind)) {
    return { path, message: `kind must be one of ${NOT_UNDERSTOOD_KINDS.join(', ')}` };
  }
  if (!isText(item.reason)) return { path, message: 'reason must say why it is not honoured' };
  if (suggestion !== null && typeof suggestion !== 'string') {
    return { path, message: 'suggestion must be text or null' };
  }
  return {
    words: item.words,
    kind: item.kind as NotUnderstoodKind,
    reason: item.reason,
    suggestion,
  };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function isIssue(item: unknown): item is PlanIssue {
  return isPlainObject(item) && typeof item.path === 'string' && typeof item.message === 'string';
}
