import type { Database, Transaction } from 'better-sqlite3';

interface Pending {
  work: () => unknown;
  /** `work` runs one SQL statement: SQLite undoes a failed statement alone, no savepoint needed. */
  oneStatement: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit on one better-sqlite3 connection: the writes asked for in the same turn of the
 * event loop run in one IMMEDIATE transaction, each in its own savepoint, and each caller's
 * promise settles only after that transaction committed. A write that throws rolls back alone
 * and rejects its own caller; a failed COMMIT rejects them all. Every write is as durable as
 * before (nobody goes on before its commit); the database sees one COMMIT for many of them,
 * and pages they share (index and table tails) are written to the WAL once. Every store on a
 * connection shares its one instance (held by `SqliteConnection`): context writes from HTTP requests and
 * the job runner's writes of the same tick commit together.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly group: Transaction<(batch: Pending[]) => Outcome[]>;
  private readonly savepoint: Transaction<(work: () => unknown) => unknown>;

  constructor(private readonly db: Database) {
    this.savepoint = db.transaction((work: () => unknown) => work());
    this.group = db.transaction((batch: Pending[]) => this.runAll(batch));
  }

  /** Runs `work` (synchronous statements) in the next group transaction; resolves after COMMIT. */
  run<T>(work: () => T): Promise<T> {
    return this.enqueue(work, false);
  }

  /**
   * `run` for work that executes exactly one SQL statement. A statement that fails is rolled back
   * by SQLite on its own and leaves the transaction open, so it needs no savepoint (two statements
   * fewer per write).
   */
  runStatement<T>(work: () => T): Promise<T> {
    return this.enqueue(work, true);
  }

  private enqueue<T>(work: () => T, oneStatement: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, oneStatement, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the current phase: the writes of every job that resumed in it join this group.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    let outcomes: Outcome[];
    try {
      outcomes = this.group.immediate(batch);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    batch.forEach((entry, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) entry.resolve(outcome.value);
      else entry.reject(outcome.error);
    });
  }

  private runAll(batch: Pending[]): Outcome[] {
    // Alone in its transaction, a write that throws rolls the whole (one-write) group back.
    if (batch.length === 1) return [{ ok: true, value: batch[0].work() }];
    return batch.map((entry): Outcome => {
      try {
        return { ok: true, value: entry.oneStatement ? entry.work() : this.savepoint(entry.work) };
      } catch (error) {
        // Some errors (a full disk, I/O, out of memory) make SQLite roll the whole transaction
        // back: nothing of this group is saved, so nothing more may run and every caller fails.
        if (!this.db.inTransaction) throw error;
        return { ok: false, error };
      }
    });
  }
}
