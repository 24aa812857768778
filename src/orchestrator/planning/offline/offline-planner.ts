import { Interpretation } from '../interpretation';
import type { Plan, PlanStep } from '../plan.types';
import { filterParams } from './audience-filters';
import { CommandCriteria } from './command-criteria';
import { CommandIntents } from './command-intents';
import { ReadCommand } from './command-reading';
import { readGuarded, removeNegatedSteps } from './guarded-reading';
import { buildInterpretation } from './interpretation-builder';
import { Evidence } from './evidence';
import { readOutreach, sequenceRefusal, sequenceSteps, toneRefusal } from './sequence-plan';
import { maskSpans, normaliseMapped } from './text-matching';

export type OfflinePlanResult =
  { ok: true; plan: Plan; interpretation: Interpretation } | { ok: false; reason: string };

/** Ends every refusal: what the offline planner understands, and how to get more. */
export const OFFLINE_PLANNER_HELP =
  'Without an LLM, Zigral understands commands that find prospects (by title, seniority, ' +
  'department, industry, country, city, company size, keywords) or import them from context.csv, ' +
  'then research their companies, score them against an ICP, draft or send emails (with ' +
  'follow-ups: "follow up after 3 and 7 business days"), and export them to a spreadsheet, a ' +
  'CSV file or Google Sheets. Set OPENAI_API_KEY to enable free-form commands.';

const MAX_OBJECTIVE_LENGTH = 200;
const NO_CSV =
  'The command imports a CSV, but the context has no "csv": put the CSV text in context.csv.';
const NO_PROSPECTS =
  'The command does not say which prospects to work on: name whom to find (e.g. "VPs of Sales ' +
  'at SaaS companies in Germany"), put a CSV in context.csv, or prospects in context.prospects.';

type Source = 'search' | 'import' | 'none';

/**
 * The deterministic planner used when no LLM is configured: reads a sales command into a plan
 * (prospects from a search or a CSV → company summaries → fit scores → drafts → send → export),
 * and refuses, with a reason, what it does not understand. `contextKeys` are the top-level keys of the
 * job's context: `csv`, `prospects` and `icp` change the plan.
 */
export function planOffline(input: { command: string; contextKeys: string[] }): OfflinePlanResult {
  const normalised = normaliseMapped(input.command);
  const text = normalised.text;
  if (!/[\p{L}\p{N}]/u.test(text)) return refuse('The command is empty.');
  const outreach = readOutreach(text);
  if (!outreach.ok) return refuse(outreach.reason);
  const rest = maskSpans(text, outreach.spans);
  const reading = readGuarded(rest);
  if (!reading.ok) return refuse(reading.reason);
  const { command } = reading;
  const keys = new Set(input.contextKeys);
  const params = searchParams(command);
  const source = chooseSource({ ...command, params, keys });
  if (typeof source !== 'string') return refuse(notUnderstood(reading.masked) + source.reason);
  const followsUp = outreach.followUps.length > 0;
  const refusal = followsUp ? sequenceRefusal(command, reading.actions) : undefined;
  if (refusal) return refuse(refusal);
  const sequence = followsUp
    ? sequenceSteps({
        ...outreach,
        name: objectiveOf(input.command),
        instructions: command.instructions,
      })
    : undefined;
  // Scoring without an ICP in the context or the command is refused by plan validation
  // (research.score_fit needs one), with the same missing_input as any client's plan.
  const icp = keys.has('icp') ? undefined : icpOf(command.criteria);
  const { steps, unclear } = removeNegatedSteps(
    buildSteps({ ...command, params, source, icp, sequence: sequence?.steps }),
    reading.actions,
  );
  if (steps.length === 0) {
    return refuse(`The offline planner does not understand "${objectiveOf(text)}".`);
  }
  const evidence: Evidence[] = [
    ...command.evidence,
    ...outreach.evidence,
    ...(sequence?.evidence ?? []),
  ];
  const interpretation: Interpretation = buildInterpretation({
    command: normalised,
    steps,
    evidence,
    unclear: [
      ...command.unclear,
      ...unclear,
      ...outreach.unclear,
      ...(followsUp ? toneRefusal(rest) : []),
    ],
  });
  return { ok: true, plan: { objective: objectiveOf(input.command), steps }, interpretation };
}

/**
 * The steps in a fixed order: source, company_summary, score_fit, draft and send (or, with
 * follow-ups, the sequence's create and launch), export.
 */
function buildSteps(
  input: ReadCommand & {
    params: Record<string, unknown>;
    source: Source;
    icp?: object;
    sequence?: PlanStep[];
  },
): PlanStep[] {
  const { intents, criteria } = input;
  const steps: PlanStep[] = [];
  if (input.source === 'search') steps.push(step('prospects.search', input.params));
  if (input.source === 'import') steps.push(step('prospects.import_csv', {}));
  if (intents.research) steps.push(step('research.company_summary', {}));
  if (intents.score) {
    steps.push(step('research.score_fit', { icp: input.icp, threshold: criteria.threshold }));
  }
  if (input.sequence) steps.push(...input.sequence);
  else {
    if (intents.draft) {
      steps.push(step('email.draft', { tone: input.tone, instructions: input.instructions }));
    }
    if (intents.send) steps.push(step('email.send', {}));
  }
  if (intents.spreadsheet) {
    steps.push(step('export.spreadsheet', { format: intents.csvExport ? 'csv' : undefined }));
  }
  if (intents.googleSheets) steps.push(step('export.google_sheets', {}));
  return steps;
}

/**
 * The plan's objective: the command with whitespace collapsed and its first letter capitalised,
 * cut to at most 200 characters, ending in an ellipsis, when longer.
 */
export function objectiveOf(command: string): string {
  const text = command.replace(/\s+/g, ' ').trim();
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return capitalised.length <= MAX_OBJECTIVE_LENGTH
    ? capitalised
    : `${capitalised.slice(0, MAX_OBJECTIVE_LENGTH - 1).trimEnd()}…`;
}

/**
 * Where the prospects come from. An import request needs context.csv. Otherwise the command's
 * criteria are searched for, unless context.prospects already holds prospects and the command has
 * no search verb ("draft emails to them"). Without criteria, context.csv is imported when present.
 */
function chooseSource(input: {
  intents: CommandIntents;
  criteria: CommandCriteria;
  params: Record<string, unknown>;
  keys: Set<string>;
}): Source | { reason: string } {
  const { intents, criteria, keys } = input;
  const hasCriteria = Object.keys(input.params).some((param) => param !== 'limit');
  const namesPeople = [criteria.titles, criteria.seniorities, criteria.departments].some(
    (list) => list.length > 0,
  );
  const hasWork =
    intents.research ||
    intents.score ||
    intents.draft ||
    intents.spreadsheet ||
    intents.googleSheets;
  if (intents.importCsv) return keys.has('csv') ? 'import' : { reason: NO_CSV };
  if (hasCriteria && intents.search) return 'search';
  if (keys.has('prospects')) return 'none';
  if (hasCriteria && (namesPeople || hasWork)) return 'search';
  if (keys.has('csv') && hasWork) return 'import';
  if (intents.search || hasWork) return { reason: NO_PROSPECTS };
  return 'none';
}

/** The search's parameters: the criteria, then the filters; the limit last. */
function searchParams(command: ReadCommand): Record<string, unknown> {
  const { criteria } = command;
  const filters = filterParams(command.evidence);
  const orderLimit = command.evidence.find(
    (item) => item.param === 'limit' && item.value !== criteria.limit,
  );
  return compact({
    titles: criteria.titles,
    seniorities: criteria.seniorities,
    departments: criteria.departments,
    industries: criteria.industries,
    countries: criteria.countries,
    cities: criteria.cities,
    employees_min: criteria.employeesMin,
    employees_max: criteria.employeesMax,
    keywords: criteria.keywords,
    ...filters,
    limit: criteria.limit ?? orderLimit?.value,
  });
}

/** The ICP for `research.score_fit` when the context has none: the command's own criteria. */
function icpOf(criteria: CommandCriteria): Record<string, unknown> | undefined {
  const icp = compact({
    titles: criteria.titles,
    seniorities: criteria.seniorities,
    industries: criteria.industries,
    countries: criteria.countries,
    employees_min: criteria.employeesMin,
    employees_max: criteria.employeesMax,
    keywords: criteria.keywords,
  });
  return Object.keys(icp).length > 0 ? icp : undefined;
}

/** Drops undefined values and empty lists: the contract omits a parameter rather than empty it. */
function compact(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  );
}

function step(name: string, params: Record<string, unknown>): PlanStep {
  const [agent, action] = name.split('.');
  return { agent, action, params: compact(params) };
}

/** Names the phrases the planner set aside, before a refusal they may have caused. */
function notUnderstood(phrases: readonly string[]): string {
  if (phrases.length === 0) return '';
  return `The offline planner does not understand ${phrases.map((p) => `"${p}"`).join(', ')}. `;
}

function refuse(reason: string): OfflinePlanResult {
  return { ok: false, reason: `${reason} ${OFFLINE_PLANNER_HELP}` };
}
