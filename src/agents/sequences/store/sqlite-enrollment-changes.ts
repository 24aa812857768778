import type { Database, Statement } from 'better-sqlite3';
import { toSqliteDatetime } from '../../../database/sqlite-datetime';
import type { NewEnrollmentEvent } from '../events/enrollment-event.types';
import type { SequenceTaskEntity } from '../tasks/sequence-task.entity';
import {
  changedFields,
  ENROLLMENT_COLUMNS,
  EnrollmentChange,
  EVENT_COLUMNS,
  TASK_COLUMNS,
  TaskCompletion,
} from './enrollment-change';

/** A value as better-sqlite3 binds it in TypeORM's formats: times as text, booleans as 0 or 1. */
function bound(value: unknown): unknown {
  if (value instanceof Date) return toSqliteDatetime(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value ?? null;
}

/**
 * The synchronous statements of enrollment changes on SQLite, run inside the connection's group
 * commit (one IMMEDIATE transaction: nothing else writes in between).
 */
export class SqliteEnrollmentChanges {
  private readonly updates = new Map<string, Statement>();
  private readonly sql: Record<
    'insertEvent' | 'insertTask' | 'cancelTasks' | 'taskOf' | 'completeTask' | 'dueAgain',
    Statement
  >;

  constructor(private readonly db: Database) {
    this.sql = {
      insertEvent: db.prepare(
        `INSERT INTO sequence_enrollment_events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertTask: db.prepare(
        `INSERT INTO sequence_tasks (${TASK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ` +
          'ON CONFLICT DO NOTHING',
      ),
      cancelTasks: db.prepare(
        "UPDATE sequence_tasks SET status = 'cancelled', completed_at = ? " +
          "WHERE enrollment_id = ? AND status = 'open'",
      ),
      taskOf: db.prepare(
        'SELECT enrollment_id, sequence_id, step_index FROM sequence_tasks WHERE id = ?',
      ),
      completeTask: db.prepare(
        "UPDATE sequence_tasks SET status = 'done', completed_at = ? WHERE id = ? AND status = 'open'",
      ),
      // The enrollment goes on from its task step: due now, if it is still there.
      dueAgain: db.prepare(
        'UPDATE sequence_enrollments SET next_due_at = ?, updated_at = ? ' +
          "WHERE id = ? AND step_index = ? AND status IN ('active', 'paused')",
      ),
    };
  }

  /** Inside a group-commit write. */
  change(change: EnrollmentChange): boolean {
    const fields = changedFields(change.set);
    const key = `${fields.join(',')}|${change.from.stepIndex === undefined ? '' : 'step'}`;
    let statement = this.updates.get(key);
    if (!statement) {
      const assignments = [...fields.map((field) => `${ENROLLMENT_COLUMNS[field]} = ?`)];
      statement = this.db.prepare(
        `UPDATE sequence_enrollments SET ${[...assignments, 'updated_at = ?'].join(', ')} ` +
          'WHERE id = ? AND status IN (SELECT value FROM json_each(?))' +
          (change.from.stepIndex === undefined ? '' : ' AND step_index = ?'),
      );
      this.updates.set(key, statement);
    }
    const params = [
      ...fields.map((field) => bound(change.set[field])),
      bound(change.now),
      change.id,
      JSON.stringify(change.from.statuses),
      ...(change.from.stepIndex === undefined ? [] : [change.from.stepIndex]),
    ];
    if (statement.run(...params).changes === 0) return false;
    if (change.cancelOpenTasks) this.sql.cancelTasks.run(bound(change.now), change.id);
    if (change.task) this.insertTask(change.task);
    this.addEvents(change.events ?? []);
    return true;
  }

  /** Inside a group-commit write. */
  completeTask(completion: TaskCompletion): 'completed' | 'not_open' {
    const now = bound(completion.now);
    if (this.sql.completeTask.run(now, completion.taskId).changes === 0) return 'not_open';
    const row = this.sql.taskOf.get(completion.taskId) as
      { enrollment_id: string; sequence_id: string; step_index: number } | undefined;
    if (!row) return 'not_open';
    const task = {
      enrollmentId: row.enrollment_id,
      sequenceId: row.sequence_id,
      stepIndex: row.step_index,
    };
    this.sql.dueAgain.run(bound(completion.dueAt), now, task.enrollmentId, task.stepIndex);
    this.addEvents([completion.event(task)]);
    return 'completed';
  }

  /** Inside a group-commit write. */
  addEvents(events: readonly NewEnrollmentEvent[]): void {
    for (const event of events) {
      this.sql.insertEvent.run(
        event.enrollmentId,
        event.sequenceId,
        event.type,
        event.stepIndex,
        JSON.stringify(event.data),
        bound(event.at),
      );
    }
  }

  private insertTask(task: SequenceTaskEntity): void {
    this.sql.insertTask.run(
      task.id,
      task.sequenceId,
      task.enrollmentId,
      task.prospectId,
      task.stepIndex,
      task.kind,
      task.instructions,
      task.status,
      bound(task.createdAt),
      bound(task.completedAt),
    );
  }
}
