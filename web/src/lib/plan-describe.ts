/** Plan steps in words: what a step will do, with which filters, and whether it waits for a human. */
export interface StepLike {
  agent: string;
  action: string;
  params?: Record<string, unknown>;
  description?: string;
  side_effect?: boolean;
  requires_approval?: boolean;
}

export interface ParamEntry {
  key: string;
  label: string;
  value: string;
}

const LABELS: Record<string, string> = {
  titles: 'Titles',
  title: 'Title',
  seniorities: 'Seniority',
  seniority: 'Seniority',
  departments: 'Departments',
  industries: 'Industries',
  countries: 'Countries',
  exclude_countries: 'Not in countries',
  cities: 'Cities',
  companies: 'Companies',
  exclude_companies: 'Not at companies',
  tags: 'Tags',
  q: 'Text',
  min_score: 'Minimum fit score',
  limit: 'At most',
  format: 'Format',
  tone: 'Tone',
  never_emailed: 'Never emailed',
  not_contacted_days: 'Not contacted for (days)',
};

function label(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${label(key)}: ${show(item)}`)
      .join('; ');
  }
  return String(value);
}

/** A step's parameters as labelled values; a company size range is one entry. */
export function paramEntries(params: Record<string, unknown> = {}): ParamEntry[] {
  const entries: ParamEntry[] = [];
  const { employees_min: min, employees_max: max, ...rest } = params;
  if (min !== undefined || max !== undefined) {
    const range =
      min !== undefined && max !== undefined
        ? `${show(min)}–${show(max)}`
        : min !== undefined
          ? `${show(min)} or more`
          : `up to ${show(max)}`;
    entries.push({ key: 'employees', label: 'Company size (employees)', value: range });
  }
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    entries.push({ key, label: label(key), value: show(value) });
  }
  return entries;
}

/** The step's sentence: the service's own description when it sent one. */
export function stepHeadline(step: StepLike): string {
  if (step.description) return step.description;
  return `${label(step.agent)}: ${label(step.action).toLowerCase()}`;
}

/** What a human must know before running it: approval, and effects outside Zigral. */
export function stepNotes(step: StepLike): string[] {
  const notes: string[] = [];
  if (step.requires_approval) notes.push('Waits for your approval before it runs');
  if (step.side_effect) notes.push('Acts outside Zigral (sends, writes or calls out)');
  return notes;
}
