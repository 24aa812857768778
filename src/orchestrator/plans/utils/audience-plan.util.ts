import { DEFAULT_FIT_THRESHOLD } from '../../../agents/research/dto/score-fit.params';
import type { PlanStep } from '../../planning/plan.types';

/** Where the prospects of a plan come from: a step of it, or the job's context. */
export type AudienceOrigin =
  | { kind: 'search'; step: number; params: Record<string, unknown> }
  | { kind: 'import'; step: number; params: Record<string, unknown> }
  | { kind: 'context'; step: number | null; prospects: unknown };

/** What a preview needs to know of a plan to compute its audience. */
export interface AudiencePlan {
  origin: AudienceOrigin;
  /** The plan drafts emails to the prospects (email.draft, or a sequence's first touches). */
  drafts: boolean;
  /** The plan enrols the prospects in a sequence (sequences.create), which skips sample data. */
  enrols: boolean;
  /** The fit-score threshold of a research.score_fit step after the origin, or null. */
  threshold: number | null;
}

/** A validated step: what it reads and writes is known. */
type Step = PlanStep & { reads: string[]; writes: string[] };

function originOf(step: Step, index: number): AudienceOrigin | undefined {
  const action = `${step.agent}.${step.action}`;
  if (action === 'prospects.search') return { kind: 'search', step: index, params: step.params };
  if (action === 'prospects.import_csv') {
    return { kind: 'import', step: index, params: step.params };
  }
  const values = step.params.values as Record<string, unknown> | undefined;
  if (action === 'core.set_context' && values && 'prospects' in values) {
    return { kind: 'context', step: index, prospects: values.prospects };
  }
  return undefined;
}

/**
 * The audience of a plan: the first step that finds, imports or sets prospects, or the
 * context's `prospects` when a step reads them before any step writes them; null when no step
 * touches prospects. Whether it drafts (or enrols in a sequence, whose launch drafts), and the
 * first fit-score threshold after the origin.
 */
export function audiencePlan(input: {
  steps: readonly Step[];
  context: Record<string, unknown>;
}): AudiencePlan | null {
  let origin: AudienceOrigin | undefined;
  let drafts = false;
  let enrols = false;
  let threshold: number | null = null;
  input.steps.forEach((step, index) => {
    if (!origin && step.reads.includes('prospects') && 'prospects' in input.context) {
      origin = { kind: 'context', step: null, prospects: input.context.prospects };
    }
    origin ??= originOf(step, index);
    if (!origin) return;
    if (step.agent === 'email' && step.action === 'draft') drafts = true;
    if (step.agent === 'sequences' && step.action === 'create') drafts = enrols = true;
    if (step.agent === 'research' && step.action === 'score_fit' && threshold === null) {
      const given = step.params.threshold;
      threshold = typeof given === 'number' ? given : DEFAULT_FIT_THRESHOLD;
    }
  });
  return origin ? { origin, drafts, enrols, threshold } : null;
}

/** The note of an audience counted before a fit-score threshold, or null. */
export function thresholdNote(threshold: number | null): string | null {
  return threshold === null
    ? null
    : `Counted before the fit-score threshold of ${threshold}: scoring may leave fewer`;
}

/** How two lists of prospect ids differ, as sets: ids only in `now`, and only in `before`. */
export function audienceChange(
  before: readonly string[],
  now: readonly string[],
): { added: number; removed: number } {
  const was = new Set(before);
  const is = new Set(now);
  return {
    added: [...is].filter((id) => !was.has(id)).length,
    removed: [...was].filter((id) => !is.has(id)).length,
  };
}
