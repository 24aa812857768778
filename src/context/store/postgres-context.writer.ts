import type { PostgresTransaction } from '../../database/database-connection';
import { POSTGRES_TIMES } from '../../database/time-columns';
import type { ContextAssignment } from '../context.types';
import { assignContext } from '../utils/context-assignment.util';
import { applyMergePatch } from '../utils/json-merge-patch.util';
import { nextRevision } from '../utils/context-revision.util';
import { CONTEXT_COLUMNS, ContextRow, contextRowValues, fromContextRow } from './context-rows';
import type { ContextRecord, ContextRecordUpdate, ExpectedRecord } from './context-store';
import { ContextWriter } from './context-writer';

type Row = ContextRow<Date>;

/** An entry, its row locked until the commit (named statements: prepared once per connection). */
const LOCK_ENTRY = {
  name: 'zigral_context_lock',
  text: `SELECT ${CONTEXT_COLUMNS} FROM contexts WHERE job_id = $1 FOR UPDATE`,
};

const REWRITE_ENTRY = {
  name: 'zigral_context_rewrite',
  text: 'UPDATE contexts SET context_data = $1, version = $2, updated_at = $3 WHERE job_id = $4',
};

/**
 * The `contexts` writes on Postgres, as statements on the caller's transaction (a one-statement
 * write may run on the connection itself). The document stays JSON text, as on SQLite: changes
 * are merged in JavaScript, on the row read `FOR UPDATE`, so the key order clients see is the
 * one they wrote (jsonb would reorder keys) and no concurrent write is lost.
 */
export class PostgresContextWriter extends ContextWriter {
  readonly engine = 'postgres' as const;

  /** Inserts a new entry; false when the job_id is taken. */
  async insert(tx: PostgresTransaction, record: ContextRecord): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO contexts (${CONTEXT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (job_id) DO NOTHING`,
      contextRowValues(record, POSTGRES_TIMES),
    );
    return rowCount === 1;
  }

  /** Writes `next` while the entry is still `expected` (see `ContextStore.swap`). */
  async swap(
    tx: PostgresTransaction,
    jobId: string,
    expected: ExpectedRecord,
    next: ContextRecordUpdate,
  ): Promise<boolean> {
    const { rowCount } = await tx.query(
      'UPDATE contexts SET job_type = $1, context_data = $2, version = $3, updated_at = $4 ' +
        'WHERE job_id = $5 AND version = $6 AND created_at = $7',
      [
        next.jobType,
        JSON.stringify(next.contextData),
        next.version,
        next.updatedAt,
        jobId,
        expected.version,
        expected.createdAt,
      ],
    );
    return rowCount === 1;
  }

  /** Deletes the entry (only while it is `expected`, when given); false when nothing matched. */
  async delete(
    tx: PostgresTransaction,
    jobId: string,
    expected?: ExpectedRecord,
  ): Promise<boolean> {
    const { rowCount } =
      expected === undefined
        ? await tx.query('DELETE FROM contexts WHERE job_id = $1', [jobId])
        : await tx.query(
            'DELETE FROM contexts WHERE job_id = $1 AND version = $2 AND created_at = $3',
            [jobId, expected.version, expected.createdAt],
          );
    return rowCount > 0;
  }

  /**
   * Applies a JSON Merge Patch (RFC 7386); the updated entry, or undefined when there is none.
   * Needs a transaction: the row stays locked from its read to the commit.
   */
  mergePatch(
    tx: PostgresTransaction,
    jobId: string,
    patch: Record<string, unknown>,
    at: Date,
  ): Promise<ContextRecord | undefined> {
    return this.rewrite(
      tx,
      jobId,
      (data) => applyMergePatch(data, patch) as Record<string, unknown>,
      at,
    );
  }

  /**
   * Applies an assignment (top-level keys, appended errors) to the entry; nothing when it is
   * gone (a client deleted it). Needs a transaction, as `mergePatch`.
   */
  async assign(
    tx: PostgresTransaction,
    jobId: string,
    assignment: ContextAssignment,
    at: Date,
  ): Promise<void> {
    await this.rewrite(tx, jobId, (data) => assignContext(data, assignment), at);
  }

  /** Reads the entry under a row lock, changes its document, writes it at its next revision. */
  private async rewrite(
    tx: PostgresTransaction,
    jobId: string,
    change: (data: Record<string, unknown>) => Record<string, unknown>,
    at: Date,
  ): Promise<ContextRecord | undefined> {
    const { rows } = await tx.query<Row>(LOCK_ENTRY, [jobId]);
    if (rows.length === 0) return undefined;
    const current = fromContextRow(rows[0], POSTGRES_TIMES);
    const next = {
      ...current,
      ...nextRevision(current, at),
      contextData: change(current.contextData),
    };
    await tx.query(REWRITE_ENTRY, [
      JSON.stringify(next.contextData),
      next.version,
      next.updatedAt,
      jobId,
    ]);
    return next;
  }
}
