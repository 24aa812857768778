import type { Database, Statement } from 'better-sqlite3';
import type { ContextRecord } from '../../../context/store/context-store';
import type { SqliteContextWriter } from '../../../context/store/sqlite-context.writer';
import { toSqliteDatetime } from '../../../database/sqlite-datetime';
import { SQLITE_TIMES } from '../../../database/time-columns';
import type { Checkpoint, JobEvent, JobRecord } from '../job.types';
import type { GroupCommit } from '../../../database/group-commit';
import type { SqliteConnection } from '../../../database/database-connection';
import {
  CheckpointRow,
  COLUMN_OF,
  columnValue,
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
  contextAssignmentOf,
  expectationHolds,
  JobIdTakenError,
  JobStore,
  JobUpdate,
  JobWrite,
  withPendingWake,
  writtenJob,
} from './job-store';

/**
 * The embedded backend: prepared statements on TypeORM's better-sqlite3 connection. Each write
 * is synchronous, so nothing else can interleave with it, and commits with the others asked for
 * in the same tick (`GroupCommit`: one transaction, a savepoint each). Transactions begin
 * IMMEDIATE: they take the write lock first, so two processes on one file wait for each other
 * (busy timeout) instead of failing when a read would have to become a write.
 */
export class SqliteJobStore extends JobStore {
  private readonly sql: Record<string, Statement>;
  /** UPDATE statements by the set of columns they write. */
  private readonly updates = new Map<string, Statement>();
  private readonly commits: GroupCommit;
  private readonly db: Database;

  /** `contexts`: the Context module's writer, inside this store's group commit. */
  constructor(
    connection: SqliteConnection,
    private readonly contexts: SqliteContextWriter,
  ) {
    super();
    const db = connection.db;
    this.db = db;
    this.commits = connection.commits;
    this.sql = {
      insertJob: db.prepare(
        `INSERT INTO jobs (${JOB_COLUMNS}) VALUES (${JOB_COLUMNS.replace(/\w+/g, '?')}) ON CONFLICT (id) DO NOTHING`,
      ),
      getJob: db.prepare(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ?`),
      getHead: db.prepare('SELECT status, lease_owner, version, wake_at FROM jobs WHERE id = ?'),
      page: db.prepare(
        `SELECT ${JOB_COLUMNS} FROM jobs ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
      ),
      pageOfStatus: db.prepare(
        `SELECT ${JOB_COLUMNS} FROM jobs WHERE status = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
      ),
      count: db.prepare('SELECT COUNT(*) AS total FROM jobs'),
      activeOfClient: db.prepare(
        "SELECT COUNT(*) AS total FROM jobs WHERE client = ? AND status IN ('queued', 'running')",
      ),
      countOfStatus: db.prepare('SELECT COUNT(*) AS total FROM jobs WHERE status = ?'),
      runnable: db.prepare(
        "SELECT id, created_at AS since FROM jobs WHERE status = 'queued' OR (status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < ?)) ORDER BY created_at, id LIMIT 1",
      ),
      // Parked jobs that are due, the longest due first: looked up by (status, wake_at).
      dueWaiting: db.prepare(
        "SELECT id, wake_at AS since FROM jobs WHERE status = 'waiting' AND wake_at <= ? ORDER BY wake_at, id LIMIT 1",
      ),
      takeLease: db.prepare(
        "UPDATE jobs SET status = 'running', lease_owner = ?, lease_expires_at = ?, wake_at = NULL, version = version + 1, updated_at = ?, started_at = COALESCE(started_at, ?) WHERE id = ?",
      ),
      // The earlier of the two, on a parked job or (pending its next park) a running one.
      wakeBy: db.prepare(
        'UPDATE jobs SET wake_at = ?, version = version + 1, updated_at = ? ' +
          "WHERE id = ? AND status IN ('waiting', 'running') AND (wake_at IS NULL OR wake_at > ?)",
      ),
      renew: db.prepare(
        "UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND lease_owner = ? AND status = 'running'",
      ),
      release: db.prepare(
        "UPDATE jobs SET lease_expires_at = ? WHERE lease_owner = ? AND status = 'running'",
      ),
      // The next sequence number of the job's checkpoints, in the same statement.
      insertCheckpoint: db.prepare(
        'INSERT INTO checkpoints (job_id, seq, step_index, state, created_at) ' +
          'VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM checkpoints WHERE job_id = ?), ?, ?, ?)',
      ),
      insertEvent: db.prepare(
        'INSERT INTO job_events (job_id, type, data, created_at) VALUES (?, ?, ?, ?)',
      ),
      events: db.prepare(
        'SELECT id, job_id, type, data, created_at FROM job_events WHERE job_id = ? AND id > ? ORDER BY id',
      ),
      checkpoints: db.prepare(
        'SELECT job_id, seq, step_index, state, created_at FROM checkpoints WHERE job_id = ? ORDER BY seq',
      ),
      latestCheckpoint: db.prepare(
        'SELECT job_id, seq, step_index, state, created_at FROM checkpoints WHERE job_id = ? ORDER BY seq DESC LIMIT 1',
      ),
      checkpointBySeq: db.prepare(
        'SELECT job_id, seq, step_index, state, created_at FROM checkpoints WHERE job_id = ? AND seq = ?',
      ),
      checkpointAt: db.prepare(
        'SELECT job_id, seq, step_index, state, created_at FROM checkpoints WHERE job_id = ? AND created_at <= ? ORDER BY seq DESC LIMIT 1',
      ),
      prune: db.prepare(
        "DELETE FROM checkpoints WHERE job_id IN (SELECT id FROM jobs WHERE status IN ('succeeded', 'failed', 'cancelled') AND finished_at < ?)",
      ),
    };
  }

  async create(job: JobRecord, context: ContextRecord, limitPerClient = 0) {
    try {
      return await this.commits.run(() => this.insertJobAndContext(job, context, limitPerClient));
    } catch (error) {
      if (error instanceof JobIdTakenError) return 'id_taken';
      throw error;
    }
  }

  async activeOfClient(client: string): Promise<number> {
    return (this.sql.activeOfClient.get(client) as { total: number }).total;
  }

  private insertJobAndContext(
    job: JobRecord,
    context: ContextRecord,
    limitPerClient: number,
  ): 'created' | 'id_taken' | 'queue_full' {
    if (limitPerClient > 0 && job.client !== null) {
      const { total } = this.sql.activeOfClient.get(job.client) as { total: number };
      if (total >= limitPerClient) return 'queue_full';
    }
    const inserted = this.sql.insertJob.run(...toJobRow(job, SQLITE_TIMES)).changes === 1;
    if (!inserted) return 'id_taken';
    // Thrown, so the savepoint of this write rolls the job row back too.
    if (!this.contexts.insert(context)) throw new JobIdTakenError();
    this.appendEvent(job.id, 'job_created', { status: job.status }, job.createdAt);
    return 'created';
  }

  async get(jobId: string): Promise<JobRecord | undefined> {
    const row = this.sql.getJob.get(jobId) as JobRow<string> | undefined;
    return row && fromJobRow(row, SQLITE_TIMES);
  }

  async list(query: { status?: string; skip: number; limit: number }) {
    const rows = (
      query.status
        ? this.sql.pageOfStatus.all(query.status, query.limit, query.skip)
        : this.sql.page.all(query.limit, query.skip)
    ) as JobRow<string>[];
    const { total } = (
      query.status ? this.sql.countOfStatus.get(query.status) : this.sql.count.get()
    ) as { total: number };
    return { records: rows.map((row) => fromJobRow(row, SQLITE_TIMES)), total };
  }

  async claim(input: Parameters<JobStore['claim']>[0]) {
    return this.commits.run(() => {
      const now = toSqliteDatetime(input.now);
      // The one runnable longest: queued since its creation, or due since its wake-up time.
      const queued = this.sql.runnable.get(now) as Candidate | undefined;
      const wakeNow = input.wakeNow ? toSqliteDatetime(input.wakeNow) : now;
      const due = this.sql.dueWaiting.get(wakeNow) as Candidate | undefined;
      const candidate = queued && due ? (due.since < queued.since ? due : queued) : (queued ?? due);
      if (!candidate) return undefined;
      const until = toSqliteDatetime(new Date(input.now.getTime() + input.leaseMs));
      this.sql.takeLease.run(input.owner, until, now, now, candidate.id);
      const job = fromJobRow(this.sql.getJob.get(candidate.id) as JobRow<string>, SQLITE_TIMES);
      const begin = input.begin?.(job);
      if (!begin) return { job, events: [] };
      return this.apply({ ...begin, jobId: job.id, base: job, expect: {} }, job);
    });
  }

  async renewLease(jobId: string, owner: string, until: Date): Promise<boolean> {
    return this.sql.renew.run(toSqliteDatetime(until), jobId, owner).changes === 1;
  }

  /** Rewrites only the columns a write changes (the plan and input rarely do), plus the bookkeeping. */
  private updateColumns(job: JobRecord, changed: (keyof JobUpdate)[]): void {
    const columns = [...new Set([...changed, 'version', 'updatedAt'] as (keyof JobRecord)[])];
    const key = columns.join(',');
    let statement = this.updates.get(key);
    if (!statement) {
      const assignments = columns.map((field) => `${COLUMN_OF[field]} = ?`).join(', ');
      statement = this.db.prepare(`UPDATE jobs SET ${assignments} WHERE id = ?`);
      this.updates.set(key, statement);
    }
    statement.run(...columns.map((field) => columnValue(job, field, SQLITE_TIMES)), job.id);
  }

  async releaseLeases(owner: string, now: Date): Promise<number> {
    return this.sql.release.run(toSqliteDatetime(now), owner).changes;
  }

  async wakeBy(jobId: string, at: Date): Promise<boolean> {
    return this.commits.run(() => {
      const time = toSqliteDatetime(at);
      const now = toSqliteDatetime(new Date());
      return this.sql.wakeBy.run(time, now, jobId, time).changes === 1;
    });
  }

  async write(input: JobWrite): Promise<{ job: JobRecord; events: JobEvent[] } | undefined> {
    return this.commits.run(() => {
      const row = this.sql.getHead.get(input.jobId) as HeadRow | undefined;
      const head = row && {
        status: row.status,
        leaseOwner: row.lease_owner,
        version: row.version,
        wakeAt: row.wake_at === null ? null : SQLITE_TIMES.read(row.wake_at),
      };
      if (!head || !expectationHolds(head, input.expect)) return undefined;
      // The lease holder's copy is current (nobody else writes a leased job's plan or
      // progress); anyone else's write reads the row.
      const base =
        input.base ?? fromJobRow(this.sql.getJob.get(input.jobId) as JobRow<string>, SQLITE_TIMES);
      const set = withPendingWake(input.set, head.wakeAt);
      return this.apply({ ...input, set }, { ...base, status: head.status, version: head.version });
    });
  }

  /** The statements of a write whose expectation held, on the job as stored (`current`). */
  private apply(input: JobWrite, current: JobRecord): { job: JobRecord; events: JobEvent[] } {
    const now = new Date();
    const job = writtenJob(current, input.set, now);
    this.updateColumns(job, Object.keys(input.set) as (keyof JobUpdate)[]);
    if (input.checkpoint) {
      this.sql.insertCheckpoint.run(
        job.id,
        job.id,
        input.checkpoint.stepIndex,
        JSON.stringify(input.checkpoint.state),
        toSqliteDatetime(now),
      );
    }
    const assignment = contextAssignmentOf(input);
    if (assignment) this.contexts.assign(job.id, assignment, now);
    const events = (input.events ?? []).map((event) =>
      this.appendEvent(job.id, event.type, event.data, now),
    );
    return { job, events };
  }

  async events(jobId: string, afterId = 0): Promise<JobEvent[]> {
    return (this.sql.events.all(jobId, afterId) as EventRow<string>[]).map((row) =>
      fromEventRow(row, SQLITE_TIMES),
    );
  }

  async checkpoints(jobId: string): Promise<Checkpoint[]> {
    return (this.sql.checkpoints.all(jobId) as CheckpointRow<string>[]).map((row) =>
      fromCheckpointRow(row, SQLITE_TIMES),
    );
  }

  async checkpoint(jobId: string, selector?: CheckpointSelector): Promise<Checkpoint | undefined> {
    const row = (
      selector === undefined
        ? this.sql.latestCheckpoint.get(jobId)
        : 'seq' in selector
          ? this.sql.checkpointBySeq.get(jobId, selector.seq)
          : this.sql.checkpointAt.get(jobId, toSqliteDatetime(selector.at))
    ) as CheckpointRow<string> | undefined;
    return row && fromCheckpointRow(row, SQLITE_TIMES);
  }

  async pruneCheckpoints(finishedBefore: Date): Promise<number> {
    return this.sql.prune.run(toSqliteDatetime(finishedBefore)).changes;
  }

  private appendEvent(
    jobId: string,
    type: string,
    data: Record<string, unknown>,
    at: Date,
  ): JobEvent {
    const { lastInsertRowid } = this.sql.insertEvent.run(
      jobId,
      type,
      JSON.stringify(data),
      toSqliteDatetime(at),
    );
    return { id: Number(lastInsertRowid), jobId, type, data, createdAt: at };
  }
}

/** A job the claim may take, and since when it could run (a SQLite datetime string). */
interface Candidate {
  id: string;
  since: string;
}

/** What a conditional write checks, as stored. */
interface HeadRow {
  status: JobRecord['status'];
  lease_owner: string | null;
  version: number;
  wake_at: string | null;
}
