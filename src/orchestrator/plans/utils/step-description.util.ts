import { DEFAULT_SEARCH_LIMIT } from '../../../agents/prospects/search/search-prospects.params';
import { DEFAULT_FIT_THRESHOLD } from '../../../agents/research/dto/score-fit.params';
import { DEFAULT_SETTINGS } from '../../../agents/sequences/sequence.types';
import {
  describeSequenceSteps,
  describeWindow,
  REPLY_EXIT_NOTE,
} from '../../../agents/sequences/utils/sequence-words.util';
import type { PlanStep } from '../../planning/plan.types';

type Params = Record<string, unknown>;

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((item) => String(item)) : [];
const either = (values: string[]) => values.join(' or ');

/** "title VP of Sales or CTO", when the parameter lists anything. */
function listed(params: Params, name: string, label: string): string[] {
  const values = list(params[name]);
  return values.length > 0 ? [`${label} ${either(values)}`] : [];
}

function employees(params: Params): string[] {
  const min = params.employees_min;
  const max = params.employees_max;
  if (typeof min === 'number' && typeof max === 'number') return [`${min}–${max} employees`];
  if (typeof min === 'number') return [`at least ${min} employees`];
  if (typeof max === 'number') return [`at most ${max} employees`];
  return [];
}

function contacted(params: Params): string[] {
  const parts: string[] = [];
  if (typeof params.not_contacted_days === 'number') {
    parts.push(`not emailed in the last ${params.not_contacted_days} days`);
  }
  if (params.never_emailed === true) parts.push('never emailed');
  if (params.never_emailed === false) parts.push('emailed before');
  return parts;
}

const ORDERS: Record<string, string> = {
  name: 'by name',
  '-score': 'best fit first',
  score: 'lowest fit first',
};

function findProspects(params: Params): string {
  const criteria = [
    ...listed(params, 'titles', 'title'),
    ...listed(params, 'seniorities', 'seniority'),
    ...listed(params, 'departments', 'department'),
    ...listed(params, 'industries', 'industry'),
    ...listed(params, 'countries', 'country'),
    ...listed(params, 'exclude_countries', 'not in'),
    ...listed(params, 'cities', 'city'),
    ...listed(params, 'companies', 'company'),
    ...listed(params, 'exclude_companies', 'not at'),
    ...employees(params),
    ...listed(params, 'keywords', 'keyword'),
    ...listed(params, 'tags', 'tag'),
    ...listed(params, 'sources', 'source'),
    ...listed(params, 'batches', 'import'),
    ...contacted(params),
    ...(typeof params.min_score === 'number' ? [`fit score ${params.min_score} and above`] : []),
    ...(params.include_sample === true ? ['sample prospects included'] : []),
    ...(params.include_sample === false ? ['no sample prospects'] : []),
  ];
  const limit = typeof params.limit === 'number' ? params.limit : DEFAULT_SEARCH_LIMIT;
  const order = ORDERS[typeof params.sort === 'string' ? params.sort : 'name'] ?? 'by name';
  const head = criteria.length > 0 ? `Find prospects: ${criteria.join('; ')}` : 'Find prospects';
  return `${head}; up to ${limit}, ${order}`;
}

function importCsv(params: Params): string {
  const extras = [
    ...(typeof params.batch === 'string' ? [`as import "${params.batch}"`] : []),
    ...listed(params, 'tags', 'tagged'),
    ...(typeof params.source === 'string' ? [`source ${params.source}`] : []),
  ];
  return ['Import prospects from context.csv', ...extras].join('; ');
}

function scoreFit(params: Params): string {
  const threshold = typeof params.threshold === 'number' ? params.threshold : DEFAULT_FIT_THRESHOLD;
  const icp = params.icp === undefined ? 'the ICP' : 'the ICP of this step';
  return `Score each prospect against ${icp} (keep ${threshold} and above)`;
}

function draft(params: Params): string {
  const tone = typeof params.tone === 'string' ? params.tone : 'friendly';
  const guidance = typeof params.instructions === 'string' ? ', with extra guidance' : '';
  return `Draft an email to each prospect (${tone} tone${guidance})`;
}

function setContext(params: Params): string {
  const values = params.values;
  const keys = values && typeof values === 'object' ? Object.keys(values) : [];
  return keys.length > 0 ? `Set ${keys.join(', ')} in the job state` : 'Set nothing';
}

function review(params: Params): string {
  return typeof params.message === 'string'
    ? `Wait for a human to approve: ${params.message}`
    : 'Wait for a human to approve';
}

function wait(params: Params): string {
  const seconds = typeof params.seconds === 'number' ? params.seconds : 0;
  return `Pause for ${duration(seconds)}`;
}

function createSequence(params: Params): string {
  const settings = (params.settings ?? {}) as Params;
  const steps = Array.isArray(params.steps) ? describeSequenceSteps(params.steps) : '';
  const window = describeWindow(settings.window ?? DEFAULT_SETTINGS.window);
  const zone =
    typeof settings.time_zone === 'string' ? settings.time_zone : DEFAULT_SETTINGS.time_zone;
  return [
    `Create the sequence "${String(params.name)}" and enrol the prospects (nothing is sent yet): ${steps}`,
    `sent ${window} in each prospect's time zone (${zone} when unknown)`,
    REPLY_EXIT_NOTE,
  ].join('; ');
}

/** "90 s", "15 min", "2 h", "3 days": the largest unit that divides the seconds. */
export function duration(seconds: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (seconds >= 86_400 && seconds % 86_400 === 0) return plural(seconds / 86_400, 'day');
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

const DESCRIBE: Record<string, (params: Params) => string> = {
  'prospects.search': findProspects,
  'prospects.import_csv': importCsv,
  'research.score_fit': scoreFit,
  'research.company_summary': () => "Summarise each prospect's company from its website",
  'email.draft': draft,
  'email.send': () => 'Send the drafts after approval',
  'export.spreadsheet': (params) =>
    params.format === 'xlsx' || params.format === 'csv'
      ? `Export to a${params.format === 'xlsx' ? 'n' : ''} ${String(params.format).toUpperCase()} spreadsheet`
      : 'Export to spreadsheets (XLSX and CSV)',
  'export.google_sheets': () => 'Append to the Google Sheet',
  'core.set_context': setContext,
  'core.review': review,
  'core.wait': wait,
  'sequences.create': createSequence,
  'sequences.launch': () => 'Launch the sequence: its first touches drafted for review',
  'sequences.draft_first_touches': () => 'Draft the first touch of each enrollment to launch',
  'sequences.approve_launch': () =>
    'Wait for a human to approve the first touches, then schedule them',
  'sequences.run': () =>
    "Send the sequence's touches when due, in each prospect's window, until every enrollment ends",
};

/** "a=1, b=[2 values]": a short, one-line summary of parameters. */
function paramsSummary(params: Params): string {
  return Object.entries(params)
    .map(([name, value]) => {
      if (Array.isArray(value)) return `${name}=${either(value.map(String))}`;
      if (value !== null && typeof value === 'object') return `${name}={…}`;
      return `${name}=${String(value)}`;
    })
    .join(', ');
}

/**
 * A step in words, one line: "Find prospects: title CTO; country Germany; up to 100, by name".
 * An action this util does not know reads "<agent>.<action>" with its parameters.
 */
export function describeStep(step: PlanStep): string {
  const params = step.params ?? {};
  const describe = DESCRIBE[`${step.agent}.${step.action}`];
  if (describe) return describe(params);
  const summary = paramsSummary(params);
  return summary ? `${step.agent}.${step.action} (${summary})` : `${step.agent}.${step.action}`;
}

/** The actions describeStep words itself (a spec checks that they cover the registry). */
export const DESCRIBED_ACTIONS = Object.keys(DESCRIBE);
