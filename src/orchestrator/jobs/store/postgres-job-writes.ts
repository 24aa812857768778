import type { PostgresContextWriter } from '../../../context/store/postgres-context.writer';
import type { PostgresTransaction } from '../../../database/database-connection';
import { POSTGRES_TIMES } from '../../../database/time-columns';
import { JOB_EVENTS_CHANNEL } from '../events/job-events-channel';
import type { JobEvent, JobRecord } from '../job.types';
import { CHECKPOINT_COLUMNS, COLUMN_OF, columnValue } from './job-rows';
import { contextAssignmentOf, JobUpdate, JobWrite, Written, writtenJob } from './job-store';

/**
 * A job's next checkpoint. Its number follows the job's last: no other writer of the job runs
 * until the commit, as the writer holds the job's row lock.
 */
const INSERT_CHECKPOINT = {
  name: 'zigral_checkpoint_insert',
  text:
    `INSERT INTO checkpoints (${CHECKPOINT_COLUMNS}) VALUES ` +
    '($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM checkpoints WHERE job_id = $2), $3, $4, $5)',
};

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
      await tx.query(INSERT_CHECKPOINT, [
        job.id,
        job.id,
        input.checkpoint.stepIndex,
        JSON.stringify(input.checkpoint.state),
        now,
      ]);
    }
    const assignment = contextAssignmentOf(input);
    if (assignment) await this.contexts.assign(tx, job.id, assignment, now);
    const appended = await this.appendEvents(tx, job.id, input.events ?? [], now);
    return { job, ...appended };
  }

  /** Rewrites only the columns a write changes (the plan and input rarely do), plus the bookkeeping. */
  private async updateColumns(
    tx: PostgresTransaction,
    job: JobRecord,
    changed: (keyof JobUpdate)[],
  ): Promise<void> {
    const columns = [...new Set([...changed, 'version', 'updatedAt'] as (keyof JobRecord)[])];
    const assignments = columns.map((field, i) => `${COLUMN_OF[field]} = $${i + 2}`);
    const text = `UPDATE jobs SET ${assignments.join(', ')} WHERE id = $1`;
    await tx.query({ name: statementName(text), text }, [
      job.id,
      ...columns.map((field) => columnValue(job, field, POSTGRES_TIMES)),
    ]);
  }

  /**
   * Appends a job's events and notifies JOB_EVENTS_CHANNEL, in one statement. Postgres delivers
   * the notification when the transaction commits, so followers on other replicas never read
   * before the events are there. Its payload is `<job id> <last event id>`: a replica whose
   * followers already have that event skips the read. Also answers the id of the job's event
   * before these: the caller holds the job's row lock, so every earlier event of the job has
   * committed and is in this statement's snapshot (which does not see its own inserts).
   */
  async appendEvents(
    tx: PostgresTransaction,
    jobId: string,
    events: readonly { type: string; data: Record<string, unknown> }[],
    at: Date,
  ): Promise<{ events: JobEvent[]; precededBy?: number }> {
    if (events.length === 0) return { events: [] };
    const rows = events.map((_, i) => `($1, $2, $${2 * i + 5}, $${2 * i + 6})`);
    const { rows: inserted } = await tx.query<{ id: number; preceded_by: number }>(
      {
        name: `zigral_job_events_append_${events.length}`,
        text:
          'WITH before AS (SELECT COALESCE(MAX(id), 0) AS id FROM job_events WHERE job_id = $1), ' +
          `added AS (INSERT INTO job_events (job_id, created_at, type, data) VALUES ${rows.join(', ')} RETURNING id), ` +
          'last AS (SELECT MAX(id) AS id FROM added) ' +
          "SELECT added.id, before.id AS preceded_by, pg_notify($3, $4 || ' ' || last.id) " +
          'FROM added, before, last',
      },
      [
        jobId,
        at,
        JOB_EVENTS_CHANNEL,
        jobId,
        ...events.flatMap((event) => [event.type, JSON.stringify(event.data)]),
      ],
    );
    // One statement's ids follow the order of its rows (RETURNING's order is not promised).
    const ids = inserted.map((row) => Number(row.id)).sort((a, b) => a - b);
    return {
      events: events.map((event, i) => ({ id: ids[i], jobId, ...event, createdAt: at })),
      precededBy: Number(inserted[0].preceded_by),
    };
  }
}

/**
 * Prepared statement names of the job UPDATEs, by text (the few sets of columns writes change),
 * one per process: a pooled connection holds each name for one text. Short, as Postgres
 * compares only a name's first 63 bytes.
 */
const updateNames = new Map<string, string>();

function statementName(text: string): string {
  let name = updateNames.get(text);
  if (name === undefined) {
    name = `zigral_job_update_${updateNames.size + 1}`;
    updateNames.set(text, name);
  }
  return name;
}
