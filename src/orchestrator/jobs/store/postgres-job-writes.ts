import type { PostgresContextWriter } from '../../../context/store/postgres-context.writer';
import type { PostgresTransaction } from '../../../database/database-connection';
import { POSTGRES_TIMES } from '../../../database/time-columns';
import { JOB_EVENTS_CHANNEL } from '../events/job-events-channel';
import type { JobEvent, JobRecord } from '../job.types';
import { CHECKPOINT_COLUMNS, COLUMN_OF, columnValue } from './job-rows';
import { contextAssignmentOf, JobUpdate, JobWrite, writtenJob } from './job-store';

/** A job after a write, and the events the write appended. */
export type Written = { job: JobRecord; events: JobEvent[] };

/**
 * The statements of a Postgres job write, on a transaction that holds the job's row lock: the
 * changed columns, the next checkpoint, the context part (through the Context module's writer),
 * the events and their NOTIFY.
 */
export class PostgresJobWrites {
  constructor(private readonly contexts: PostgresContextWriter) {}

  /** The statements of a write on a job whose row this transaction has locked (`current`). */
  async apply(tx: PostgresTransaction, input: JobWrite, current: JobRecord): Promise<Written> {
    const now = new Date();
    const job = writtenJob(current, input.set, now);
    await this.updateColumns(tx, job, Object.keys(input.set) as (keyof JobUpdate)[]);
    if (input.checkpoint) {
      // The next number of the job's checkpoints: no other writer of the job runs until the
      // commit, as its row is locked.
      await tx.query(
        `INSERT INTO checkpoints (${CHECKPOINT_COLUMNS}) VALUES ` +
          '($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM checkpoints WHERE job_id = $2), $3, $4, $5)',
        [job.id, job.id, input.checkpoint.stepIndex, JSON.stringify(input.checkpoint.state), now],
      );
    }
    const assignment = contextAssignmentOf(input);
    if (assignment) await this.contexts.assign(tx, job.id, assignment, now);
    const events = await this.appendEvents(tx, job.id, input.events ?? [], now);
    return { job, events };
  }

  /** Rewrites only the columns a write changes (the plan and input rarely do), plus the bookkeeping. */
  private async updateColumns(
    tx: PostgresTransaction,
    job: JobRecord,
    changed: (keyof JobUpdate)[],
  ): Promise<void> {
    const columns = [...new Set([...changed, 'version', 'updatedAt'] as (keyof JobRecord)[])];
    const assignments = columns.map((field, i) => `${COLUMN_OF[field]} = $${i + 2}`);
    await tx.query(`UPDATE jobs SET ${assignments.join(', ')} WHERE id = $1`, [
      job.id,
      ...columns.map((field) => columnValue(job, field, POSTGRES_TIMES)),
    ]);
  }

  /**
   * Appends a job's events in one INSERT, and notifies JOB_EVENTS_CHANNEL: Postgres delivers the
   * notification when the transaction commits, so followers on other replicas never read before
   * the events are there.
   */
  async appendEvents(
    tx: PostgresTransaction,
    jobId: string,
    events: readonly { type: string; data: Record<string, unknown> }[],
    at: Date,
  ): Promise<JobEvent[]> {
    if (events.length === 0) return [];
    const rows = events.map((_, i) => `($1, $2, $${2 * i + 3}, $${2 * i + 4})`);
    const { rows: inserted } = await tx.query<{ id: number }>(
      `INSERT INTO job_events (job_id, created_at, type, data) VALUES ${rows.join(', ')} RETURNING id`,
      [jobId, at, ...events.flatMap((event) => [event.type, JSON.stringify(event.data)])],
    );
    await tx.query('SELECT pg_notify($1, $2)', [JOB_EVENTS_CHANNEL, jobId]);
    // One statement's ids follow the order of its rows (RETURNING's order is not promised).
    const ids = inserted.map((row) => row.id).sort((a, b) => a - b);
    return events.map((event, i) => ({ id: ids[i], jobId, ...event, createdAt: at }));
  }
}
