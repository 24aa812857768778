import { isEmail } from 'class-validator';
import { SAMPLE_PROSPECT_REASON } from '../../email/utils/do-not-email.util';

/** Why a prospect was not enrolled. */
export const ENROLLMENT_SKIP_REASONS = [
  'unknown_prospect',
  'sample_data',
  'opted_out',
  'no_email',
  'suppressed',
  'already_enrolled',
  'in_other_sequence',
] as const;
export type EnrollmentSkipReason = (typeof ENROLLMENT_SKIP_REASONS)[number];

export interface EnrollmentSkip {
  prospectId: string;
  reason: EnrollmentSkipReason;
  /** The reason in words. */
  message: string;
}

/** What decides whether a prospect may be emailed at all. */
export interface ProspectFacts {
  email: string | null;
  optedOut: boolean;
  isSample: boolean;
}

/**
 * The checks of each prospect on its own, in the order of `ids` (each id once): unknown, sample
 * data, opted out, no usable email address, suppressed (`suppressed` maps a lower-case address to
 * the listed value that blocks it). Answers the ids that pass, in order, and the others.
 */
export function checkProspects(input: {
  ids: readonly string[];
  prospects: ReadonlyMap<string, ProspectFacts>;
  suppressed: ReadonlyMap<string, string>;
}): { candidates: string[]; skipped: EnrollmentSkip[] } {
  const candidates: string[] = [];
  const skipped: EnrollmentSkip[] = [];
  for (const prospectId of new Set(input.ids)) {
    const skip = prospectSkip(input.prospects.get(prospectId), input.suppressed);
    if (skip) skipped.push({ prospectId, ...skip });
    else candidates.push(prospectId);
  }
  return { candidates, skipped };
}

function prospectSkip(
  prospect: ProspectFacts | undefined,
  suppressed: ReadonlyMap<string, string>,
): Omit<EnrollmentSkip, 'prospectId'> | undefined {
  if (!prospect) return { reason: 'unknown_prospect', message: 'no prospect with this id' };
  if (prospect.isSample) return { reason: 'sample_data', message: SAMPLE_PROSPECT_REASON };
  if (prospect.optedOut) return { reason: 'opted_out', message: 'opted out' };
  const email = prospect.email?.trim().toLowerCase() ?? '';
  if (!isEmail(email)) {
    const message = email ? 'invalid email address' : 'no email address';
    return { reason: 'no_email', message };
  }
  const blockedBy = suppressed.get(email);
  if (blockedBy) return { reason: 'suppressed', message: `suppressed (${blockedBy})` };
  return undefined;
}

/** A prospect's place in a sequence: an active or paused enrollment. */
export interface HeldPlace {
  prospectId: string;
  sequenceId: string;
  sequenceName: string;
  /** That sequence's one_active_sequence_per_prospect. */
  oneActiveSequence: boolean;
}

/**
 * Who of `candidates` may be enrolled in the sequence, given the places they hold now (read under
 * the enrolment lock): not one already active or paused in it, nor one active or paused in
 * another sequence when either sequence has the one-active-sequence rule on.
 */
export function checkPlaces(input: {
  sequenceId: string;
  oneActiveSequence: boolean;
  candidates: readonly string[];
  held: readonly HeldPlace[];
}): { enrol: string[]; skipped: EnrollmentSkip[] } {
  const placesOf = new Map<string, HeldPlace[]>();
  for (const place of input.held) {
    placesOf.set(place.prospectId, [...(placesOf.get(place.prospectId) ?? []), place]);
  }
  const enrol: string[] = [];
  const skipped: EnrollmentSkip[] = [];
  for (const prospectId of input.candidates) {
    const places = placesOf.get(prospectId) ?? [];
    const blocking = places.find(
      (place) =>
        place.sequenceId !== input.sequenceId &&
        (input.oneActiveSequence || place.oneActiveSequence),
    );
    if (places.some((place) => place.sequenceId === input.sequenceId)) {
      const message = 'already active or paused in this sequence';
      skipped.push({ prospectId, reason: 'already_enrolled', message });
    } else if (blocking) {
      const message = `active or paused in sequence "${blocking.sequenceName}" (${blocking.sequenceId}), and a prospect is in one sequence at a time`;
      skipped.push({ prospectId, reason: 'in_other_sequence', message });
    } else enrol.push(prospectId);
  }
  return { enrol, skipped };
}

/** Skips in the order their prospects were given. */
export function inGivenOrder(ids: readonly string[], skips: EnrollmentSkip[]): EnrollmentSkip[] {
  const position = new Map<string, number>();
  ids.forEach((id, index) => {
    if (!position.has(id)) position.set(id, index);
  });
  return [...skips].sort(
    (a, b) => (position.get(a.prospectId) ?? 0) - (position.get(b.prospectId) ?? 0),
  );
}
