import { randomUUID } from 'node:crypto';
import { ADVISORY_LOCKS } from '../../../database/advisory-locks';
import type { PostgresConnection } from '../../../database/database-connection';
import type { NewEnrollmentEvent } from '../events/enrollment-event.types';
import type { EnrollmentChange, TaskCompletion } from './enrollment-change';
import { PostgresEnrollmentChanges } from './postgres-enrollment-changes';
import {
  EnrollmentStore,
  EnrollmentOutcome,
  EnrollmentWork,
  HELD_PLACES_SELECT,
  heldPlaceOf,
  HeldPlaceRow,
  newEnrollment,
  refusedRow,
} from './enrollment.store';

// One statement for every row: ids and prospect ids as two arrays. The join leaves out a
// prospect deleted since it was checked; the partial unique index refuses a second place.
const INSERT =
  'INSERT INTO sequence_enrollments (id, sequence_id, prospect_id, status, step_index, ' +
  'next_due_at, exit_reason, exited_at, source, created_at, updated_at) ' +
  "SELECT u.id, $3, u.prospect_id, 'active', 0, NULL, NULL, NULL, $4, $5, $5 " +
  'FROM unnest($1::text[], $2::text[]) AS u(id, prospect_id) ' +
  'JOIN prospects p ON p.id = u.prospect_id ' +
  'ON CONFLICT DO NOTHING RETURNING id';

/**
 * Postgres, several replicas: under READ COMMITTED two enrolments of one prospect could each read
 * no place and both insert (in two sequences, which no index forbids). Each enrolment runs in a
 * transaction that first takes the advisory lock ADVISORY_LOCKS.sequenceEnrollment: they run one
 * after another, and each reads (its statements' snapshots are taken after the lock) every
 * enrollment committed before it.
 */
export class PostgresEnrollmentStore extends EnrollmentStore {
  private readonly changes = new PostgresEnrollmentChanges();

  constructor(private readonly connection: PostgresConnection) {
    super();
  }

  /** One transaction; the conditional UPDATE locks the enrollment's row until the commit. */
  change(change: EnrollmentChange): Promise<boolean> {
    return this.connection.transaction((tx) => this.changes.change(tx, change));
  }

  completeTask(completion: TaskCompletion): Promise<'completed' | 'not_open'> {
    return this.connection.transaction((tx) => this.changes.completeTask(tx, completion));
  }

  addEvents(events: NewEnrollmentEvent[]): Promise<void> {
    return this.connection.transaction((tx) => this.changes.addEvents(tx, events));
  }

  enrol(work: EnrollmentWork): Promise<EnrollmentOutcome> {
    return this.connection.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.sequenceEnrollment]);
      const held = await tx.query<HeldPlaceRow>(`${HELD_PLACES_SELECT} e.prospect_id = ANY($1)`, [
        work.candidates,
      ]);
      const plan = work.plan(held.rows.map(heldPlaceOf));
      if (plan.enrol.length === 0) return { enrolled: [], skipped: plan.skipped };
      const ids = plan.enrol.map(() => randomUUID());
      const inserted = await tx.query<{ id: string }>(INSERT, [
        ids,
        plan.enrol,
        work.sequenceId,
        work.source,
        work.now,
      ]);
      const made = new Set(inserted.rows.map((row) => row.id));
      const refused = plan.enrol.filter((_, i) => !made.has(ids[i]));
      const existing =
        refused.length === 0
          ? new Set<string>()
          : new Set(
              (
                await tx.query<{ id: string }>('SELECT id FROM prospects WHERE id = ANY($1)', [
                  refused,
                ])
              ).rows.map((row) => row.id),
            );
      return {
        enrolled: plan.enrol.flatMap((prospectId, i) =>
          made.has(ids[i]) ? [newEnrollment(work, ids[i], prospectId)] : [],
        ),
        skipped: [
          ...plan.skipped,
          ...refused.map((prospectId) => refusedRow(prospectId, existing.has(prospectId))),
        ],
      };
    });
  }
}
