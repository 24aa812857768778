import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import type { Seniority } from '../../prospects/prospect.types';
import { IcpParams } from '../dto/score-fit.params';

/** An ideal customer profile with only the criteria that are set (no empty lists). */
export interface Icp {
  titles?: string[];
  seniorities?: Seniority[];
  industries?: string[];
  countries?: string[];
  employees_min?: number;
  employees_max?: number;
  keywords?: string[];
}

export type IcpResolution = { ok: true; icp: Icp } | { ok: false; reason: string };

const CRITERIA = [
  'titles',
  'seniorities',
  'industries',
  'countries',
  'employees_min',
  'employees_max',
  'keywords',
] as const;

export const NO_ICP_MESSAGE =
  "research.score_fit needs an ideal customer profile: give it in the step's params.icp or put " +
  '"icp" in the job context (titles, seniorities, industries, countries, employees_min, ' +
  'employees_max, keywords)';

/**
 * The ICP a scoring step uses: the job state's `icp` with the step's `params.icp` merged over it,
 * criterion by criterion (a criterion the step gives wins; an empty list counts as not given).
 * The state's copy is validated like the parameters; keys it has beyond the criteria are ignored.
 */
export function resolveIcp(input: { params?: IcpParams; state?: unknown }): IcpResolution {
  let fromState: Icp = {};
  if (input.state !== undefined && input.state !== null) {
    const checked = validateStateIcp(input.state);
    if (!checked.ok) return checked;
    fromState = checked.icp;
  }
  const icp = { ...fromState, ...compactIcp(input.params ?? {}) };
  if (Object.keys(icp).length === 0) return { ok: false, reason: NO_ICP_MESSAGE };
  if (
    icp.employees_min !== undefined &&
    icp.employees_max !== undefined &&
    icp.employees_min > icp.employees_max
  ) {
    return {
      ok: false,
      reason: `The ICP's employees_min (${icp.employees_min}) is above its employees_max (${icp.employees_max})`,
    };
  }
  return { ok: true, icp };
}

function validateStateIcp(raw: unknown): IcpResolution {
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, reason: 'The job state\'s "icp" must be an object' };
  }
  const known = Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).filter(([key]) =>
      (CRITERIA as readonly string[]).includes(key),
    ),
  );
  const instance = plainToInstance(IcpParams, known);
  const errors = validateSync(instance);
  if (errors.length > 0) {
    return { ok: false, reason: `The job state's "icp" is invalid: ${describe(errors)}` };
  }
  return { ok: true, icp: compactIcp(instance) };
}

function compactIcp(icp: IcpParams): Icp {
  const result: Record<string, unknown> = {};
  for (const key of CRITERIA) {
    const value = icp[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      const items = value.map((item) => item.trim()).filter((item) => item.length > 0);
      if (items.length > 0) result[key] = items;
    } else {
      result[key] = value;
    }
  }
  return result as Icp;
}

function describe(errors: ValidationError[]): string {
  return errors
    .flatMap((error) => Object.values(error.constraints ?? {}).map((message) => `icp.${message}`))
    .join('; ');
}
