import type { NewEnrollmentEvent } from '../events/enrollment-event.types';
import type { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import type { EnrollmentChange, TaskCompletion } from './enrollment-change';
import type { EnrollmentSource } from '../sequence.types';
import type { EnrollmentSkip, HeldPlace } from '../utils/enrollment-plan.util';

/** One enrolment: the prospects that passed their own checks, and who of them to enrol. */
export interface EnrollmentWork {
  sequenceId: string;
  /** Prospect ids, each once. */
  candidates: readonly string[];
  source: EnrollmentSource;
  now: Date;
  /** Who to enrol given the places the candidates hold now (read in the same transaction). */
  plan(held: HeldPlace[]): { enrol: string[]; skipped: EnrollmentSkip[] };
}

export interface EnrollmentOutcome {
  /** The enrollments made: active, at step 0, nothing due yet. */
  enrolled: SequenceEnrollmentEntity[];
  /** Skipped by the plan, by the unique index, or because the prospect was deleted meanwhile. */
  skipped: EnrollmentSkip[];
}

/**
 * Where enrollments are made and changed. Enrolment: the places held are read, the plan decides,
 * and the rows are inserted, in one transaction that no other enrolment interleaves with, on any
 * replica (an IMMEDIATE transaction on SQLite; an advisory lock on Postgres). The partial unique
 * index (one active or paused enrollment per prospect and sequence) is the last line of defence:
 * a row it refuses is a skip, never an error. Changes: one conditional UPDATE of the enrollment,
 * with its events and tasks in the same transaction (the group commit's on SQLite).
 */
export abstract class EnrollmentStore {
  abstract enrol(work: EnrollmentWork): Promise<EnrollmentOutcome>;
  /** Applies a change while the enrollment is as expected; false when it was not (nothing written). */
  abstract change(change: EnrollmentChange): Promise<boolean>;
  /** Completes an open task (`not_open` when it is not: done, cancelled or unknown). */
  abstract completeTask(completion: TaskCompletion): Promise<'completed' | 'not_open'>;
  /** Records events that change no enrollment (a reply after it ended). */
  abstract addEvents(events: NewEnrollmentEvent[]): Promise<void>;
}

/** The SQL of the places held by some prospects, with their sequences' names and settings. */
export const HELD_PLACES_SELECT =
  'SELECT e.prospect_id, e.sequence_id, s.name, s.settings FROM sequence_enrollments e ' +
  "JOIN sequences s ON s.id = e.sequence_id WHERE e.status IN ('active', 'paused') AND ";

export interface HeldPlaceRow {
  prospect_id: string;
  sequence_id: string;
  name: string;
  settings: string;
}

export function heldPlaceOf(row: HeldPlaceRow): HeldPlace {
  const settings = JSON.parse(row.settings) as { one_active_sequence_per_prospect?: unknown };
  return {
    prospectId: row.prospect_id,
    sequenceId: row.sequence_id,
    sequenceName: row.name,
    oneActiveSequence: settings.one_active_sequence_per_prospect !== false,
  };
}

/** A new enrollment as the store inserts it. */
export function newEnrollment(
  work: EnrollmentWork,
  id: string,
  prospectId: string,
): SequenceEnrollmentEntity {
  return {
    id,
    sequenceId: work.sequenceId,
    prospectId,
    status: 'active',
    stepIndex: 0,
    nextDueAt: null,
    exitReason: null,
    exitedAt: null,
    source: work.source,
    launchedAt: null,
    followUpsApproved: false,
    createdAt: work.now,
    updatedAt: work.now,
  };
}

/** The skip of a row the insert did not take: its prospect is gone, or the unique index held. */
export function refusedRow(prospectId: string, prospectExists: boolean): EnrollmentSkip {
  return prospectExists
    ? {
        prospectId,
        reason: 'already_enrolled',
        message: 'already active or paused in this sequence',
      }
    : { prospectId, reason: 'unknown_prospect', message: 'no prospect with this id' };
}
