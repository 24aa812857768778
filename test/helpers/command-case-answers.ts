import type {
  Interpretation,
  InterpretedConstraint,
} from '../../src/orchestrator/planning/interpretation';
import type { CommandCase } from '../../src/orchestrator/planning/offline/command-table.fixture';

export type { CommandCase };

/** An LLM answer: a plan in the strict output's shape, with its interpretation. */
export interface CaseAnswer {
  objective: string;
  steps: { agent: string; action: string; params: Record<string, unknown> }[];
  interpretation: Interpretation;
}

const NUMBERS = new Set([
  'employees_min',
  'employees_max',
  'not_contacted_days',
  'min_score',
  'limit',
  'threshold',
]);
const BOOLEANS = new Set(['never_emailed', 'include_sample']);
const SCALARS = new Set([...NUMBERS, ...BOOLEANS, 'sort']);

/** The interpretation a faithful planner gives: the case's honours and refusals. */
export function caseInterpretation(testCase: CommandCase): Interpretation {
  return {
    constraints: (testCase.honours ?? []).map((honour) => ({
      words: honour.words,
      step: honour.step ?? 0,
      param: honour.param,
      value: String(honour.value),
    })),
    not_understood: (testCase.refuses ?? []).map((refusal) => ({
      words: refusal.words,
      kind: refusal.kind,
      reason: 'Zigral has no parameter for this',
      suggestion: refusal.suggestion ?? null,
    })),
  };
}

/** The answer of a model that does exactly what the command says. */
export function faithfulAnswer(testCase: CommandCase): CaseAnswer {
  const interpretation = caseInterpretation(testCase);
  return {
    objective: testCase.command,
    steps: stepsOf(testCase.actions ?? ['prospects.search'], interpretation.constraints),
    interpretation,
  };
}

/**
 * The honour the dropping answers leave out: the first whose words no other honour shares (a
 * phrase still honoured by another value, "the 10 best-fitting" for sort and limit, is not dropped).
 */
export function droppedHonour(testCase: CommandCase): number {
  const honours = testCase.honours ?? [];
  const unique = honours.findIndex(
    (honour) => honours.filter((other) => other.words === honour.words).length === 1,
  );
  return Math.max(unique, 0);
}

/** Drops one honoured value from the params, while the interpretation still claims it. */
export function claimedDropAnswer(testCase: CommandCase): CaseAnswer {
  return { ...silentDropAnswer(testCase), interpretation: caseInterpretation(testCase) };
}

/** Drops one honoured value from the params and from the interpretation: silently. */
export function silentDropAnswer(testCase: CommandCase): CaseAnswer {
  const dropped = droppedHonour(testCase);
  const honours = (testCase.honours ?? []).filter((_, index) => index !== dropped);
  return faithfulAnswer({ ...testCase, honours });
}

/** Adds a country nobody asked for to the search, claimed by no constraint. */
export function inventingAnswer(testCase: CommandCase): CaseAnswer {
  const answer = faithfulAnswer(testCase);
  const search = answer.steps[0];
  const countries = (search.params.countries as string[] | undefined) ?? [];
  const invented = countries.includes('Germany') ? 'France' : 'Germany';
  search.params = { ...search.params, countries: [...countries, invented] };
  return answer;
}

/** The country inventingAnswer adds. */
export function inventedCountry(testCase: CommandCase): string {
  return (inventingAnswer(testCase).steps[0].params.countries as string[]).at(-1)!;
}

/** Turns each exclusion of the case into its inclusion (exclude_countries → countries), if any. */
export function invertingAnswer(testCase: CommandCase): CaseAnswer | undefined {
  const honours = testCase.honours ?? [];
  if (!honours.some((honour) => honour.param.startsWith('exclude_'))) return undefined;
  return faithfulAnswer({
    ...testCase,
    honours: honours.map((honour) => ({ ...honour, param: honour.param.replace(/^exclude_/, '') })),
  });
}

function stepsOf(actions: string[], constraints: InterpretedConstraint[]): CaseAnswer['steps'] {
  return actions.map((name, index) => {
    const [agent, action] = name.split('.');
    const params: Record<string, unknown> = {};
    for (const constraint of constraints.filter((item) => item.step === index)) {
      const value = typed(constraint.param, constraint.value);
      params[constraint.param] = SCALARS.has(constraint.param)
        ? value
        : [...((params[constraint.param] as unknown[] | undefined) ?? []), value];
    }
    return { agent, action, params };
  });
}

function typed(param: string, value: string): unknown {
  if (NUMBERS.has(param)) return Number(value);
  if (BOOLEANS.has(param)) return value === 'true';
  return value;
}
