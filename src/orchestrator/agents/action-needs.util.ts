import { isPlainObject } from '../../context/utils/json-merge-patch.util';
import type { ActionNeed, InputSource } from './agent.types';

/**
 * The needs of an action that a step does not meet: none of a need's sources is there, neither
 * among the step's parameters (given and not empty) nor among the state keys available before
 * the step. Pure; `params` are the step's parameters as sent.
 */
export function unmetNeeds(input: {
  needs: readonly ActionNeed[];
  params: unknown;
  available: ReadonlySet<string>;
}): ActionNeed[] {
  const params = isPlainObject(input.params) ? input.params : {};
  return input.needs.filter(
    (need) =>
      !need.anyOf.some((source) => {
        const { place, name } = parseSource(source);
        return place === 'params' ? isGiven(params[name]) : input.available.has(name);
      }),
  );
}

/**
 * Whether a parameter counts as given: not null, a blank string, or a list or object holding
 * nothing given (an ICP of empty lists is no ICP).
 */
export function isGiven(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.some(isGiven);
  if (typeof value === 'object') return Object.values(value).some(isGiven);
  return true;
}

/**
 * The refusal of an unmet need, naming what to add and where:
 * `research.score_fit needs an ideal customer profile: add params.icp to the step or "icp" to the context`.
 */
export function unmetNeedMessage(label: string, need: ActionNeed): string {
  const where = need.anyOf.map((source) => {
    const { place, name } = parseSource(source);
    return place === 'params' ? `params.${name} to the step` : `"${name}" to the context`;
  });
  return `${label} needs ${need.what}: add ${where.join(' or ')}`;
}

/** `params.icp` → params, icp; `state.icp` → state, icp. */
export function parseSource(source: InputSource): { place: 'params' | 'state'; name: string } {
  const dot = source.indexOf('.');
  return { place: source.slice(0, dot) as 'params' | 'state', name: source.slice(dot + 1) };
}
