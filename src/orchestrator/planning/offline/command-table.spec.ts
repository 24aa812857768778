import { narrowsAudience, paramAt } from '../interpretation';
import type { Plan } from '../plan.types';
import { COMMAND_TABLE, CommandCase } from './command-table.fixture';
import { planOffline } from './offline-planner';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const overlaps = (a: string, b: string) =>
  collapse(a).includes(collapse(b)) || collapse(b).includes(collapse(a));
const actionsOf = (plan: Plan) => plan.steps.map((step) => `${step.agent}.${step.action}`);

function holds(plan: Plan, step: number, param: string, value: string): boolean {
  const params = plan.steps[step]?.params;
  const held = params ? paramAt(params, param) : undefined;
  if (Array.isArray(held)) return held.some((item) => collapse(String(item)) === collapse(value));
  return held !== undefined && String(held as string) === value;
}

function planned({ command, context }: CommandCase) {
  const result = planOffline({ command, contextKeys: context ?? [] });
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
}

describe('the command table, offline', () => {
  it('has at least 60 commands', () => {
    expect(COMMAND_TABLE.length).toBeGreaterThanOrEqual(60);
  });

  describe.each(COMMAND_TABLE.map((entry) => [entry.command, entry] as const))(
    '%s',
    (command, entry) => {
      it('honours each constraint, in the plan and the interpretation', () => {
        const { plan, interpretation } = planned(entry);
        for (const { param, value, words, step = 0 } of entry.honours ?? []) {
          expect({ param, value, inPlan: holds(plan, step, param, value) }).toEqual({
            param,
            value,
            inPlan: true,
          });
          const claimed = interpretation.constraints.some(
            (c) =>
              c.step === step &&
              c.param === param &&
              collapse(c.value) === collapse(value) &&
              overlaps(c.words ?? '', words),
          );
          expect({ param, value, words, claimed }).toEqual({ param, value, words, claimed: true });
        }
      });

      it('never writes what the command rules out', () => {
        const { plan } = planned(entry);
        for (const { param, value, step = 0 } of entry.never ?? []) {
          expect({ param, value, inPlan: holds(plan, step, param, value) }).toEqual({
            param,
            value,
            inPlan: false,
          });
        }
      });

      it('refuses what it did not understand, and only that', () => {
        const narrowing = planned(entry).interpretation.not_understood.filter(narrowsAudience);
        const refuses = entry.refuses ?? [];
        for (const { words, kind, suggestion } of refuses) {
          const found = narrowing.find(
            (phrase) => phrase.kind === kind && overlaps(phrase.words, words),
          );
          expect({ words, kind, found: found !== undefined }).toEqual({ words, kind, found: true });
          if (suggestion) expect(found?.suggestion).toBe(suggestion);
        }
        if (refuses.length === 0) expect(narrowing).toEqual([]);
      });

      it('plans the actions asked for, and not the others', () => {
        const actions = actionsOf(planned(entry).plan);
        for (const action of entry.actions ?? []) expect(actions).toContain(action);
        for (const action of entry.withoutActions ?? []) expect(actions).not.toContain(action);
      });

      it('quotes the command, and invents no search value', () => {
        const { plan, interpretation } = planned(entry);
        for (const constraint of interpretation.constraints) {
          expect(collapse(command)).toContain(collapse(constraint.words ?? '∅'));
        }
        for (const phrase of interpretation.not_understood) {
          expect(collapse(command)).toContain(collapse(phrase.words));
        }
        const search = plan.steps.findIndex((step) => step.action === 'search');
        const params = search < 0 ? {} : plan.steps[search].params;
        for (const [param, held] of Object.entries(params)) {
          for (const value of Array.isArray(held) ? held : [held]) {
            const claimed = interpretation.constraints.some(
              (c) =>
                c.step === search &&
                c.param === param &&
                collapse(c.value) === collapse(String(value)),
            );
            expect({ param, value, claimed }).toEqual({ param, value, claimed: true });
          }
        }
      });
    },
  );
});
