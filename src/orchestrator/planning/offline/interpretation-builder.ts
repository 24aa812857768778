import {
  InterpretedConstraint,
  Interpretation,
  NotUnderstoodKind,
  NotUnderstoodPhrase,
  paramAt,
} from '../interpretation';
import type { PlanStep } from '../plan.types';
import { Evidence, Unclear } from './evidence';
import { NormalisedCommand, wordsOf } from './text-matching';

// Evidence for any other parameter belongs to the search step.
const STEP_OF_PARAM: Record<string, string> = {
  threshold: 'research.score_fit',
  tone: 'email.draft',
};
const KIND_OF_PARAM: Record<string, NotUnderstoodKind> = {
  companies: 'company',
  exclude_companies: 'exclusion',
  exclude_countries: 'exclusion',
  tags: 'list',
  batches: 'list',
  sources: 'list',
  countries: 'place',
  cities: 'place',
};
const UNUSED =
  'The plan has no step that applies it (the prospects come from the context or a CSV, not a search).';

// A sequence's definition: `steps.1.business_days`, `settings.window.start`.
const SEQUENCE_PARAM = /^(?:steps|settings)\./;

function stepIndex(steps: readonly PlanStep[], param: string): number {
  const name =
    STEP_OF_PARAM[param] ?? (SEQUENCE_PARAM.test(param) ? 'sequences.create' : 'prospects.search');
  return steps.findIndex((step) => `${step.agent}.${step.action}` === name);
}

function holds(step: PlanStep | undefined, param: string, value: string): boolean {
  const held = step ? paramAt(step.params, param) : undefined;
  const values = Array.isArray(held) ? held : held === undefined ? [] : [held];
  return values.some((item) => String(item).toLowerCase() === value.toLowerCase());
}

/**
 * What the plan honours and what it does not, in the user's words: each evidence whose value a
 * step holds is a constraint (one per value); evidence no step holds and every unclear phrase are
 * not understood.
 */
export function buildInterpretation(input: {
  command: NormalisedCommand;
  steps: readonly PlanStep[];
  evidence: readonly Evidence[];
  unclear: readonly Unclear[];
}): Interpretation {
  const constraints: InterpretedConstraint[] = [];
  // With where each starts, to list them in the command's order.
  const notUnderstood: (NotUnderstoodPhrase & { at: number })[] = [];
  const words = (span: { start: number; end: number }) => wordsOf(input.command, span);
  for (const item of [...input.evidence].sort((a, b) => a.start - b.start)) {
    const step = stepIndex(input.steps, item.param);
    const value = String(item.value);
    const known = (c: InterpretedConstraint) =>
      c.step === step && c.param === item.param && c.value.toLowerCase() === value.toLowerCase();
    if (holds(input.steps[step], item.param, value)) {
      if (!constraints.some(known))
        constraints.push({ words: words(item), step, param: item.param, value });
    } else if (!constraints.some(known)) {
      notUnderstood.push({
        at: item.start,
        words: words(item),
        kind: KIND_OF_PARAM[item.param] ?? 'filter',
        reason: UNUSED,
        suggestion: null,
      });
    }
  }
  for (const item of input.unclear) {
    notUnderstood.push({
      at: item.start,
      words: words(item),
      kind: item.kind,
      reason: item.reason,
      suggestion: item.suggestion,
    });
  }
  const inOrder = notUnderstood.sort((a, b) => a.at - b.at).map(({ at: _at, ...phrase }) => phrase);
  return { constraints, not_understood: dedupe(inOrder) };
}

function dedupe(phrases: NotUnderstoodPhrase[]): NotUnderstoodPhrase[] {
  return phrases.filter(
    (phrase, index) => phrases.findIndex((other) => other.words === phrase.words) === index,
  );
}
