// Builders shared by the interpretation check's specs.
import type { ValidatedPlan } from '../agents/plan-validation.util';
import type { Interpretation, InterpretedConstraint } from './interpretation';
import { checkInterpretation } from './interpretation-check.util';

export const planOf = (...steps: [string, Record<string, unknown>][]): ValidatedPlan => ({
  objective: 'x',
  steps: steps.map(([name, params]) => {
    const [agent, action] = name.split('.');
    return {
      agent,
      action,
      params,
      reads: [],
      writes: [],
      sideEffect: false,
      requiresApproval: false,
    };
  }),
});
export const search = (params: Record<string, unknown>) => planOf(['prospects.search', params]);
export const claim = (
  words: string,
  param: string,
  value: string,
  step = 0,
): InterpretedConstraint => ({
  words,
  step,
  param,
  value,
});
export const answerOf = (constraints: InterpretedConstraint[], notUnderstood: unknown[] = []) => ({
  constraints,
  not_understood: notUnderstood,
});
export const check = (input: {
  command: string;
  plan: ValidatedPlan;
  answer: unknown;
  reference?: Interpretation;
}) => {
  const result = checkInterpretation(input);
  return result.ok ? [] : result.issues;
};
