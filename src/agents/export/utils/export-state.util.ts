import type { DraftInState } from '../../email/email-state.types';
import type { ProspectInState } from '../../prospects/prospect.types';

/** What the export actions read from the job state, checked. */
export type ExportInput =
  | { ok: true; prospects: ProspectInState[]; drafts: DraftInState[] }
  | { ok: false; reason: string };

/**
 * `state.prospects` (required, a list of prospect objects; empty is fine: the export then holds
 * its header only) and `state.drafts` (optional; entries without a `prospect_id` are left out).
 */
export function readExportInput(state: Readonly<Record<string, unknown>>): ExportInput {
  const prospects = state.prospects;
  if (prospects === undefined || prospects === null) {
    return { ok: false, reason: 'The job state has no "prospects" list' };
  }
  if (!Array.isArray(prospects)) {
    return { ok: false, reason: 'The job state\'s "prospects" is not a list of prospects' };
  }
  const bad = prospects.findIndex((item) => typeof item !== 'object' || item === null);
  if (bad >= 0) return { ok: false, reason: `prospects[${bad}] is not a prospect object` };
  const drafts = state.drafts;
  if (drafts !== undefined && drafts !== null && !Array.isArray(drafts)) {
    return { ok: false, reason: 'The job state\'s "drafts" must be a list of drafts' };
  }
  const usable = ((drafts ?? []) as unknown[]).filter(
    (draft): draft is DraftInState =>
      typeof draft === 'object' &&
      draft !== null &&
      typeof (draft as DraftInState).prospect_id === 'string',
  );
  return { ok: true, prospects: prospects as ProspectInState[], drafts: usable };
}
