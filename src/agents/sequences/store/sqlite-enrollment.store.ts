import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { SqliteConnection } from '../../../database/database-connection';
import { toSqliteDatetime } from '../../../database/sqlite-datetime';
import type { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import type { NewEnrollmentEvent } from '../events/enrollment-event.types';
import type { EnrollmentSkip } from '../utils/enrollment-plan.util';
import type { EnrollmentChange, TaskCompletion } from './enrollment-change';
import { SqliteEnrollmentChanges } from './sqlite-enrollment-changes';
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

/**
 * SQLite: prepared statements in one write of the connection's group commit (an IMMEDIATE
 * transaction: no other write runs between the read of the places and the inserts).
 */
export class SqliteEnrollmentStore extends EnrollmentStore {
  private readonly sql: Record<'held' | 'insert' | 'prospectExists', Statement>;
  private readonly changes: SqliteEnrollmentChanges;

  constructor(private readonly connection: SqliteConnection) {
    super();
    const db = connection.db;
    this.changes = new SqliteEnrollmentChanges(db);
    this.sql = {
      held: db.prepare(`${HELD_PLACES_SELECT} e.prospect_id IN (SELECT value FROM json_each(?))`),
      // Only for a prospect that still exists; the partial unique index refuses a second place.
      insert: db.prepare(
        'INSERT INTO sequence_enrollments (id, sequence_id, prospect_id, status, step_index, ' +
          'next_due_at, exit_reason, exited_at, source, created_at, updated_at) ' +
          "SELECT ?, ?, ?, 'active', 0, NULL, NULL, NULL, ?, ?, ? " +
          'WHERE EXISTS (SELECT 1 FROM prospects WHERE id = ?) ON CONFLICT DO NOTHING',
      ),
      prospectExists: db.prepare('SELECT 1 FROM prospects WHERE id = ?'),
    };
  }

  enrol(work: EnrollmentWork): Promise<EnrollmentOutcome> {
    return this.connection.commits.run(() => {
      const rows = this.sql.held.all(JSON.stringify(work.candidates)) as HeldPlaceRow[];
      const plan = work.plan(rows.map(heldPlaceOf));
      const now = toSqliteDatetime(work.now);
      const enrolled: SequenceEnrollmentEntity[] = [];
      const skipped: EnrollmentSkip[] = [...plan.skipped];
      for (const prospectId of plan.enrol) {
        const id = randomUUID();
        const { changes } = this.sql.insert.run(
          id,
          work.sequenceId,
          prospectId,
          work.source,
          now,
          now,
          prospectId,
        );
        if (changes > 0) enrolled.push(newEnrollment(work, id, prospectId));
        else
          skipped.push(
            refusedRow(prospectId, this.sql.prospectExists.get(prospectId) !== undefined),
          );
      }
      return { enrolled, skipped };
    });
  }

  change(change: EnrollmentChange): Promise<boolean> {
    return this.connection.commits.run(() => this.changes.change(change));
  }

  completeTask(completion: TaskCompletion): Promise<'completed' | 'not_open'> {
    return this.connection.commits.run(() => this.changes.completeTask(completion));
  }

  addEvents(events: NewEnrollmentEvent[]): Promise<void> {
    return this.connection.commits.run(() => this.changes.addEvents(events));
  }
}
