import type { ContextRecord } from '../../../context/store/context-store';
import type { PostgresContextWriter } from '../../../context/store/postgres-context.writer';
import type {
  PostgresConnection,
  PostgresTransaction,
} from '../../../database/database-connection';
import { ADVISORY_LOCKS } from '../../../database/advisory-locks';
import { POSTGRES_TIMES } from '../../../database/time-columns';
import type { Checkpoint, JobEvent, JobRecord, JobStatus } from '../job.types';
import {
  CHECKPOINT_COLUMNS,
  CheckpointRow,
  EventRow,
  fromCheckpointRow,
  fromEventRow,
  fromJobRow,
  JOB_COLUMNS,
  JobRow,
  toJobRow,
} from './job-rows';
import {
  CheckpointSelector,
  expectationHolds,
  JobIdTakenError,
  JobStore,
  JobWrite,
  withPendingWake,
  Written,
} from './job-store';
import { PostgresJobWrites } from './postgres-job-writes';

type CreateOutcome = Awaited<ReturnType<JobStore['create']>>;

/**
 * Takes the lease of the job that has been runnable longest (queued since its creation, running
 * with an expired lease, or waiting and due since its wake-up time), in one statement. SKIP
 * LOCKED: a job another replica is claiming or writing right now is passed over, not waited for,
 * so concurrent claims take different jobs and never block each other.
 */
const CLAIM = {
  name: 'zigral_job_claim',
  text: `
  UPDATE jobs SET status = 'running', lease_owner = $1, lease_expires_at = $2, wake_at = NULL,
    version = version + 1, updated_at = $3, started_at = COALESCE(started_at, $3)
  WHERE id = (
    SELECT id FROM jobs
    WHERE status = 'queued'
      OR (status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < $3))
      OR (status = 'waiting' AND wake_at <= $4)
    ORDER BY CASE WHEN status = 'waiting' THEN wake_at ELSE created_at END, id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
  )
  RETURNING ${JOB_COLUMNS}`,
};

/** The head of a job row (status, lease, version), locked until the commit. */
const LOCK_HEAD = {
  name: 'zigral_job_lock_head',
  text: 'SELECT status, lease_owner, version, wake_at FROM jobs WHERE id = $1 FOR UPDATE',
};

/**
 * The earlier of the two wake-up times, on a parked job or (pending its next park) a running
 * one. A write holding the row lock goes first; this statement then sees the row it left.
 */
const WAKE_BY = {
  name: 'zigral_job_wake_by',
  text:
    'UPDATE jobs SET wake_at = LEAST(wake_at, $2), version = version + 1, updated_at = $3 ' +
    "WHERE id = $1 AND status IN ('waiting', 'running') AND (wake_at IS NULL OR wake_at > $2)",
};

const RENEW_LEASE = {
  name: 'zigral_job_renew_lease',
  text: "UPDATE jobs SET lease_expires_at = $1 WHERE id = $2 AND lease_owner = $3 AND status = 'running'",
};

const EVENTS_AFTER = {
  name: 'zigral_job_events_after',
  text: 'SELECT id, job_id, type, data, created_at FROM job_events WHERE job_id = $1 AND id > $2 ORDER BY id',
};

/**
 * Postgres, for one service or several replicas on one database: raw SQL on TypeORM's pool.
 * Every write is one transaction that first locks the job row (the claim's UPDATE, or `SELECT …
 * FOR UPDATE`), so the writers of a job — its runner, an approval, a cancel, on any replica —
 * take turns, and what they write under the lock (the row, the next checkpoint number, the
 * context entry through the Context module's writer, the events and their NOTIFY) commits
 * together or not at all.
 */
export class PostgresJobStore extends JobStore {
  private readonly writes: PostgresJobWrites;

  /** `contexts`: the Context module's writer, on this store's transactions. */
  constructor(
    private readonly connection: PostgresConnection,
    private readonly contexts: PostgresContextWriter,
  ) {
    super();
    this.writes = new PostgresJobWrites(contexts);
  }

  async create(job: JobRecord, context: ContextRecord, limitPerClient = 0): Promise<CreateOutcome> {
    try {
      return await this.connection.transaction<CreateOutcome>(async (tx) => {
        if (limitPerClient > 0 && job.client !== null) {
          // One submission of a client at a time, on every replica: each counts after the one
          // before it committed, so two cannot both pass the limit.
          await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
            ADVISORY_LOCKS.clientSubmissions,
            job.client,
          ]);
          if ((await this.countActive(tx, job.client)) >= limitPerClient) return 'queue_full';
        }
        const values = toJobRow(job, POSTGRES_TIMES);
        const inserted = await tx.query(
          `INSERT INTO jobs (${JOB_COLUMNS}) VALUES (${placeholders(values.length)}) ON CONFLICT (id) DO NOTHING`,
          values,
        );
        if (inserted.rowCount !== 1) return 'id_taken';
        if (!(await this.contexts.insert(tx, context))) throw new JobIdTakenError();
        const created = { type: 'job_created', data: { status: job.status } };
        await this.writes.appendEvents(tx, job.id, [created], job.createdAt);
        return 'created';
      });
    } catch (error) {
      if (error instanceof JobIdTakenError) return 'id_taken';
      throw error;
    }
  }

  activeOfClient(client: string): Promise<number> {
    return this.countActive(this.connection, client);
  }

  async get(jobId: string): Promise<JobRecord | undefined> {
    const { rows } = await this.connection.query<JobRow<Date>>(
      `SELECT ${JOB_COLUMNS} FROM jobs WHERE id = $1`,
      [jobId],
    );
    return rows[0] && fromJobRow(rows[0], POSTGRES_TIMES);
  }

  async list(query: { status?: JobStatus; skip: number; limit: number }) {
    const filter = query.status ? 'WHERE status = $1' : '';
    const params = query.status ? [query.status] : [];
    const [page, count] = await Promise.all([
      this.connection.query<JobRow<Date>>(
        `SELECT ${JOB_COLUMNS} FROM jobs ${filter} ORDER BY created_at DESC, id DESC ` +
          `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.limit, query.skip],
      ),
      this.connection.query<{ total: number }>(
        `SELECT COUNT(*) AS total FROM jobs ${filter}`,
        params,
      ),
    ]);
    const records = page.rows.map((row) => fromJobRow(row, POSTGRES_TIMES));
    return { records, total: count.rows[0].total };
  }

  async claim(input: Parameters<JobStore['claim']>[0]): Promise<Written | undefined> {
    const until = new Date(input.now.getTime() + input.leaseMs);
    return this.connection.transaction(async (tx) => {
      const { rows } = await tx.query<JobRow<Date>>(CLAIM, [
        input.owner,
        until,
        input.now,
        input.wakeNow ?? input.now,
      ]);
      if (rows.length === 0) return undefined;
      const job = fromJobRow(rows[0], POSTGRES_TIMES);
      const begin = input.begin?.(job);
      if (!begin) return { job, events: [] };
      return this.writes.apply(tx, { ...begin, jobId: job.id, base: job, expect: {} }, job);
    });
  }

  async renewLease(jobId: string, owner: string, until: Date): Promise<boolean> {
    const { rowCount } = await this.connection.query(RENEW_LEASE, [until, jobId, owner]);
    return rowCount === 1;
  }

  async releaseLeases(owner: string, now: Date): Promise<number> {
    const { rowCount } = await this.connection.query(
      "UPDATE jobs SET lease_expires_at = $1 WHERE lease_owner = $2 AND status = 'running'",
      [now, owner],
    );
    return rowCount;
  }

  write(input: JobWrite): Promise<Written | undefined> {
    return this.connection.transaction(async (tx) => {
      const current = await this.lockJob(tx, input);
      if (!current || !expectationHolds(current, input.expect)) return undefined;
      const set = withPendingWake(input.set, current.wakeAt);
      return this.writes.apply(tx, { ...input, set }, current);
    });
  }

  async wakeBy(jobId: string, at: Date): Promise<boolean> {
    const { rowCount } = await this.connection.query(WAKE_BY, [jobId, at, new Date()]);
    return rowCount === 1;
  }

  async events(jobId: string, afterId = 0): Promise<JobEvent[]> {
    const { rows } = await this.connection.query<EventRow<Date>>(EVENTS_AFTER, [jobId, afterId]);
    return rows.map((row) => fromEventRow(row, POSTGRES_TIMES));
  }

  async checkpoints(jobId: string): Promise<Checkpoint[]> {
    const { rows } = await this.connection.query<CheckpointRow<Date>>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints WHERE job_id = $1 ORDER BY seq`,
      [jobId],
    );
    return rows.map((row) => fromCheckpointRow(row, POSTGRES_TIMES));
  }

  async checkpoint(jobId: string, selector?: CheckpointSelector): Promise<Checkpoint | undefined> {
    const [condition, params] =
      selector === undefined
        ? ['', []]
        : 'seq' in selector
          ? ['AND seq = $2', [selector.seq]]
          : ['AND created_at <= $2', [selector.at]];
    const { rows } = await this.connection.query<CheckpointRow<Date>>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints WHERE job_id = $1 ${condition} ORDER BY seq DESC LIMIT 1`,
      [jobId, ...params],
    );
    return rows[0] && fromCheckpointRow(rows[0], POSTGRES_TIMES);
  }

  async pruneCheckpoints(finishedBefore: Date): Promise<number> {
    const { rowCount } = await this.connection.query(
      'DELETE FROM checkpoints WHERE job_id IN (SELECT id FROM jobs ' +
        "WHERE status IN ('succeeded', 'failed', 'cancelled') AND finished_at < $1)",
      [finishedBefore],
    );
    return rowCount;
  }

  private async countActive(on: PostgresTransaction, client: string): Promise<number> {
    const { rows } = await on.query<{ total: number }>(
      "SELECT COUNT(*) AS total FROM jobs WHERE client = $1 AND status IN ('queued', 'running')",
      [client],
    );
    return rows[0].total;
  }

  /**
   * The job a write is about, its row locked until the commit: only the head of the row
   * (status, lease, version) when the writer's own copy is current (the lease holder's: nobody
   * else writes a leased job's plan or progress), else the whole row.
   */
  private async lockJob(tx: PostgresTransaction, input: JobWrite): Promise<JobRecord | undefined> {
    if (input.base) {
      const { rows } = await tx.query<
        Pick<JobRow<Date>, 'status' | 'lease_owner' | 'version' | 'wake_at'>
      >(LOCK_HEAD, [input.jobId]);
      const head = rows[0];
      return (
        head && {
          ...input.base,
          status: head.status as JobStatus,
          leaseOwner: head.lease_owner,
          version: head.version,
          wakeAt: head.wake_at,
        }
      );
    }
    const { rows } = await tx.query<JobRow<Date>>(
      `SELECT ${JOB_COLUMNS} FROM jobs WHERE id = $1 FOR UPDATE`,
      [input.jobId],
    );
    return rows[0] && fromJobRow(rows[0], POSTGRES_TIMES);
  }
}

/** `$1, $2, …, $count`. */
function placeholders(count: number): string {
  return Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ');
}
