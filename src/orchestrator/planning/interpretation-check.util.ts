import type { PlanIssue, ValidatedPlan, ValidatedStep } from '../agents/plan-validation.util';
import {
  constraintValues,
  InterpretedConstraint,
  Interpretation,
  narrowsAudience,
  paramAt,
} from './interpretation';
import { readInterpretation } from './interpretation-read.util';
import {
  commandContains,
  isNegated,
  normaliseText,
  wordsOverlap,
} from './interpretation-text.util';

const SEARCH = 'prospects.search';
const SEQUENCE = 'sequences.create';

export type InterpretationCheck =
  { ok: true; interpretation: Interpretation } | { ok: false; issues: PlanIssue[] };

/** Parameters that leave prospects out, the only ones negated words ("not in", "except") may map to. */
const LEAVES_OUT = /^(?:exclude_.+|never_emailed|not_contacted_days|include_sample)$/;
/** Parameters that leave out what they name: only negated words may map to them. */
const EXCLUDES = /^exclude_/;

/**
 * Checks the interpretation an LLM gave with its (validated) plan against the command and the
 * plan: every constraint quotes words of the command and is held by the params it names, negated
 * words map to a parameter that leaves out (and only they do), every value that narrows the
 * audience is claimed by a constraint, and every phrase of the reference interpretation (the
 * offline planner's, when it understood the command) is a constraint or listed as not understood.
 * The issues go back to the model in the repair round.
 */
export function checkInterpretation(input: {
  command: string;
  plan: ValidatedPlan;
  answer: unknown;
  reference?: Interpretation;
}): InterpretationCheck {
  const read = readInterpretation(input.answer);
  if ('issues' in read) return { ok: false, issues: read.issues };
  const { interpretation } = read;
  const issues = [
    ...interpretation.constraints.flatMap((constraint, index) =>
      constraintIssues({ command: input.command, plan: input.plan, constraint, index }),
    ),
    ...inventedIssues({ plan: input.plan, constraints: interpretation.constraints }),
    ...droppedIssues({ command: input.command, interpretation, reference: input.reference }),
  ];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, interpretation };
}

/** What is wrong with one constraint: words not the user's, a value not held, or inverted. */
export function constraintIssues(input: {
  command: string;
  plan: ValidatedPlan;
  constraint: InterpretedConstraint;
  index: number;
}): PlanIssue[] {
  const { command, constraint } = input;
  const words = constraint.words ?? '';
  const path = `interpretation.constraints[${input.index}]`;
  const issues: PlanIssue[] = [];
  if (!commandContains({ command, words })) {
    issues.push({
      path,
      message: `"${words}" is not in the command: quote the user's exact words`,
    });
  }
  const step = input.plan.steps[constraint.step];
  if (!step) {
    issues.push({ path, message: `step ${constraint.step} is not a step of the plan` });
  } else if (!holds(step, constraint)) {
    issues.push({
      path,
      message: `claims steps[${constraint.step}].params.${constraint.param} holds "${constraint.value}" for "${words}", but it does not: honour it in the params, or list the words in not_understood`,
    });
  }
  if (step && `${step.agent}.${step.action}` === SEARCH) {
    const negated = isNegated({ command, words });
    const inverted = negated ? !LEAVES_OUT.test(constraint.param) : EXCLUDES.test(constraint.param);
    if (inverted)
      issues.push({ path, message: invertedMessage({ words, param: constraint.param, negated }) });
  }
  return issues;
}

/** Values that narrow the audience and that no constraint claims: the model added them. */
export function inventedIssues(input: {
  plan: ValidatedPlan;
  constraints: InterpretedConstraint[];
}): PlanIssue[] {
  return input.plan.steps.flatMap((step, index) =>
    narrowingValues(step).flatMap(({ param, value, effect }) => {
      const claimed = input.constraints.some(
        (constraint) =>
          constraint.step === index &&
          constraint.param === param &&
          sameValue(step.params[param], constraint.value, value),
      );
      if (claimed) return [];
      return [
        {
          path: `steps[${index}].params.${param}`,
          message: `"${value}" ${effect}, but no constraint quotes the words asking for it: remove it unless the user said so`,
        },
      ];
    }),
  );
}

/** Phrases of the reference that the model neither honours nor lists as not understood. */
export function droppedIssues(input: {
  command: string;
  interpretation: Interpretation;
  reference?: Interpretation;
}): PlanIssue[] {
  if (!input.reference) return [];
  const phrases = referencePhrases(input.reference);
  const { constraints, not_understood: notUnderstood } = input.interpretation;
  return phrases.flatMap((phrase) => {
    const negated = isNegated({ command: input.command, words: phrase });
    const honoured = constraints.some(
      (constraint) =>
        wordsOverlap(phrase, constraint.words ?? '') &&
        sameNumbers(phrase, constraint.words ?? '') &&
        (!negated || LEAVES_OUT.test(constraint.param)),
    );
    const listed = notUnderstood.some((item) => wordsOverlap(phrase, item.words));
    if (honoured || listed) return [];
    const hint = negated ? ' (it leaves something out: map it to an exclude_ parameter)' : '';
    return [
      {
        path: 'interpretation',
        message: `the command says "${phrase}", which no constraint honours and not_understood does not list${hint}: honour it, or list it in not_understood; never drop it`,
      },
    ];
  });
}

/**
 * Whether the words of a constraint say every number of a phrase: "20 heads" (a limit) is not
 * honoured by "heads of marketing", nor "7 business days" by "after 3 business days".
 */
function sameNumbers(phrase: string, words: string): boolean {
  const numbers = new Set(words.match(/\d+/g) ?? []);
  return (phrase.match(/\d+/g) ?? []).every((number) => numbers.has(number));
}

function referencePhrases(reference: Interpretation): string[] {
  const phrases = [
    ...reference.constraints.map((constraint) => constraint.words),
    ...reference.not_understood.filter(narrowsAudience).map((item) => item.words),
  ].filter((words): words is string => typeof words === 'string' && words.trim().length > 0);
  const seen = new Set<string>();
  return phrases.filter((words) => {
    const key = normaliseText(words);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The values of a step that narrow (or pick) the audience, or schedule a follow-up (each wait of
 * a sequence), each of which a constraint must claim.
 */
function narrowingValues(step: ValidatedStep): { param: string; value: string; effect: string }[] {
  const label = `${step.agent}.${step.action}`;
  if (label === SEQUENCE) return waitValues(step.params);
  const params = Object.entries(step.params).filter(([param, value]) => {
    if (label === 'research.score_fit') return param === 'threshold';
    if (label !== SEARCH || param === 'include_sample') return false;
    // A limit nobody asked for changes the audience too (1,000 widens the default 100).
    return param !== 'sort' || value !== 'name';
  });
  return params.flatMap(([param, value]) =>
    constraintValues(value).map((text) => ({
      param,
      value: text,
      effect: 'narrows the prospects',
    })),
  );
}

/** The waits of a sequence's steps, as `steps.1.days` and its value. */
function waitValues(
  params: Record<string, unknown>,
): { param: string; value: string; effect: string }[] {
  const steps = Array.isArray(params.steps) ? (params.steps as unknown[]) : [];
  return steps.flatMap((item, index) =>
    (['days', 'business_days'] as const).flatMap((unit) => {
      const count = (item as Record<string, unknown> | null)?.[unit];
      return typeof count === 'number'
        ? [
            {
              param: `steps.${index}.${unit}`,
              value: String(count),
              effect: 'schedules a follow-up',
            },
          ]
        : [];
    }),
  );
}

/**
 * Whether the step's params hold the constraint's value; `icp.countries` looks inside `icp`,
 * `steps.1.days` inside the list `steps`.
 */
function holds(step: ValidatedStep, constraint: InterpretedConstraint): boolean {
  const value = paramAt(step.params, constraint.param);
  return constraintValues(value).some((held) => sameValue(value, constraint.value, held));
}

/** List items match case-insensitively and whatever the spacing; scalars as written. */
function sameValue(param: unknown, claimed: string, held: string): boolean {
  if (Array.isArray(param)) return normaliseText(claimed) === normaliseText(held);
  return claimed.trim() === held;
}

function invertedMessage(input: { words: string; param: string; negated: boolean }): string {
  return input.negated
    ? `"${input.words}" says to leave something out, but ${input.param} keeps only what it names: use the exclude_ parameter (exclude_countries, exclude_companies), never_emailed or not_contacted_days, or list the words in not_understood`
    : `"${input.words}" does not say to leave anything out, but ${input.param} leaves it out: quote the words that do, or use the parameter that keeps it`;
}
