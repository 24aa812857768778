/**
 * Editing a previewed plan's parameters in a form: numbers, texts, yes/no and lists (one item a
 * line) can be changed; other values (objects, lists of objects) stay as planned.
 */
import { paramEntries } from './plan-describe';

export type FieldKind = 'number' | 'text' | 'boolean' | 'list' | 'fixed';

export interface ParamField {
  key: string;
  kind: FieldKind;
}

/** A form's values: text for numbers, texts and lists; a flag for yes/no. */
export type ParamDraft = Record<string, string | boolean>;

export interface EditableStep {
  agent: string;
  action: string;
  params: Record<string, unknown>;
}

/** A parameter's label, as the plan's description names it. */
export function paramLabel(key: string): string {
  if (key === 'employees_min') return 'Company size, at least (employees)';
  if (key === 'employees_max') return 'Company size, at most (employees)';
  return paramEntries({ [key]: 'x' })[0]?.label ?? key;
}

const isScalar = (value: unknown) => typeof value === 'string' || typeof value === 'number';

export function fieldKind(value: unknown): FieldKind {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value) && value.every(isScalar)) return 'list';
  return 'fixed';
}

export function paramFields(params: Record<string, unknown>): ParamField[] {
  return Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => ({ key, kind: fieldKind(value) }));
}

/** The form's starting values. */
export function toDraft(params: Record<string, unknown>): ParamDraft {
  const draft: ParamDraft = {};
  for (const { key, kind } of paramFields(params)) {
    const value = params[key];
    if (kind === 'boolean') draft[key] = value === true;
    else if (kind === 'list') draft[key] = (value as unknown[]).map(String).join('\n');
    else if (kind === 'number' || kind === 'text') draft[key] = String(value as string | number);
  }
  return draft;
}

export interface DraftResult {
  params: Record<string, unknown>;
  /** Problems by parameter key, in words. */
  errors: Record<string, string>;
}

/** The parameters the form describes; values it cannot edit are kept as they were. */
export function fromDraft(original: Record<string, unknown>, draft: ParamDraft): DraftResult {
  const params: Record<string, unknown> = { ...original };
  const errors: Record<string, string> = {};
  for (const { key, kind } of paramFields(original)) {
    const value = draft[key];
    if (value === undefined || kind === 'fixed') continue;
    if (kind === 'boolean') {
      params[key] = value === true;
    } else if (kind === 'number') {
      const text = String(value).trim();
      const number = Number(text);
      if (text === '') delete params[key];
      else if (!Number.isFinite(number)) errors[key] = 'Enter a number.';
      else params[key] = number;
    } else if (kind === 'text') {
      const text = String(value).trim();
      if (text === '') delete params[key];
      else params[key] = text;
    } else {
      const numbers = (original[key] as unknown[]).every((item) => typeof item === 'number');
      const items = String(value)
        .split('\n')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      if (numbers && items.some((item) => !Number.isFinite(Number(item)))) {
        errors[key] = 'Enter one number a line.';
      } else {
        params[key] = numbers ? items.map(Number) : items;
      }
    }
  }
  return { params, errors };
}

/** Whether the form changes anything. */
export function draftChanges(original: Record<string, unknown>, draft: ParamDraft): boolean {
  const { params, errors } = fromDraft(original, draft);
  return Object.keys(errors).length > 0 || JSON.stringify(params) !== JSON.stringify(original);
}

export interface EditedPlanBody {
  objective: string;
  job_type: string;
  steps: EditableStep[];
  context?: Record<string, unknown>;
  run: false;
}

/**
 * The body of POST /jobs that previews the edited plan again (run: false): the service validates
 * it and counts its audience; the user then runs that preview.
 */
export function editedPlanBody(input: {
  objective: string;
  jobType: string;
  steps: EditableStep[];
  context?: Record<string, unknown>;
}): EditedPlanBody {
  const body: EditedPlanBody = {
    objective: input.objective,
    job_type: input.jobType,
    steps: input.steps.map(({ agent, action, params }) => ({ agent, action, params })),
    run: false,
  };
  if (input.context && Object.keys(input.context).length > 0) body.context = input.context;
  return body;
}

/** The command's context from the optional fields: only those filled in. */
export function commandContext(fields: Record<string, string>): Record<string, string> {
  const context: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value.trim() !== '') context[key] = value.trim();
  }
  return context;
}
