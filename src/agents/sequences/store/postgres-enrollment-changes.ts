import type { PostgresTransaction } from '../../../database/database-connection';
import type { NewEnrollmentEvent } from '../events/enrollment-event.types';
import {
  changedFields,
  ENROLLMENT_COLUMNS,
  EnrollmentChange,
  EVENT_COLUMNS,
  TASK_COLUMNS,
  TaskCompletion,
} from './enrollment-change';

/** The statements of enrollment changes on Postgres, on a transaction the caller holds. */
export class PostgresEnrollmentChanges {
  async change(tx: PostgresTransaction, change: EnrollmentChange): Promise<boolean> {
    const fields = changedFields(change.set);
    const values: unknown[] = fields.map((field) => change.set[field] ?? null);
    const assignments = fields.map((field, i) => `${ENROLLMENT_COLUMNS[field]} = $${i + 1}`);
    const n = fields.length;
    const params = [...values, change.now, change.id, change.from.statuses];
    let where = `WHERE id = $${n + 2} AND status = ANY($${n + 3})`;
    if (change.from.stepIndex !== undefined) {
      params.push(change.from.stepIndex);
      where += ` AND step_index = $${n + 4}`;
    }
    const { rowCount } = await tx.query(
      `UPDATE sequence_enrollments SET ${[...assignments, `updated_at = $${n + 1}`].join(', ')} ${where}`,
      params,
    );
    if (rowCount === 0) return false;
    if (change.cancelOpenTasks) {
      await tx.query(
        "UPDATE sequence_tasks SET status = 'cancelled', completed_at = $1 " +
          "WHERE enrollment_id = $2 AND status = 'open'",
        [change.now, change.id],
      );
    }
    if (change.task) {
      const task = change.task;
      await tx.query(
        `INSERT INTO sequence_tasks (${TASK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ` +
          'ON CONFLICT DO NOTHING',
        [
          task.id,
          task.sequenceId,
          task.enrollmentId,
          task.prospectId,
          task.stepIndex,
          task.kind,
          task.instructions,
          task.status,
          task.createdAt,
          task.completedAt,
        ],
      );
    }
    await this.addEvents(tx, change.events ?? []);
    return true;
  }

  async completeTask(
    tx: PostgresTransaction,
    completion: TaskCompletion,
  ): Promise<'completed' | 'not_open'> {
    const { rows } = await tx.query<{
      enrollment_id: string;
      sequence_id: string;
      step_index: number;
    }>(
      "UPDATE sequence_tasks SET status = 'done', completed_at = $1 WHERE id = $2 AND status = 'open' " +
        'RETURNING enrollment_id, sequence_id, step_index',
      [completion.now, completion.taskId],
    );
    if (rows.length === 0) return 'not_open';
    const task = {
      enrollmentId: rows[0].enrollment_id,
      sequenceId: rows[0].sequence_id,
      stepIndex: rows[0].step_index,
    };
    await tx.query(
      'UPDATE sequence_enrollments SET next_due_at = $1, updated_at = $2 ' +
        "WHERE id = $3 AND step_index = $4 AND status IN ('active', 'paused')",
      [completion.dueAt, completion.now, task.enrollmentId, task.stepIndex],
    );
    await this.addEvents(tx, [completion.event(task)]);
    return 'completed';
  }

  async addEvents(tx: PostgresTransaction, events: readonly NewEnrollmentEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows = events.map((_, i) => {
      const at = i * 6;
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`;
    });
    await tx.query(
      `INSERT INTO sequence_enrollment_events (${EVENT_COLUMNS}) VALUES ${rows.join(', ')}`,
      events.flatMap((event) => [
        event.enrollmentId,
        event.sequenceId,
        event.type,
        event.stepIndex,
        JSON.stringify(event.data),
        event.at,
      ]),
    );
  }
}
