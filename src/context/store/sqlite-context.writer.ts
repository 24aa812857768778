import type { Database, Statement } from 'better-sqlite3';
import type { SqliteConnection } from '../../database/database-connection';
import { toSqliteDatetime } from '../../database/sqlite-datetime';
import { SQLITE_TIMES } from '../../database/time-columns';
import type { ContextAssignment } from '../context.types';
import { assignContext } from '../utils/context-assignment.util';
import { nextRevision } from '../utils/context-revision.util';
import { CONTEXT_COLUMNS, ContextRow, contextRowValues, fromContextRow } from './context-rows';
import type { ContextRecord, ContextRecordUpdate, ExpectedRecord } from './context-store';
import { ContextWriter } from './context-writer';
import { contextPathSets, JsonPathSet } from './sqlite-json-paths.util';

type Row = ContextRow<string>;

/**
 * `nextRevision`'s updated_at in SQL, for the writes that never read the entry into JavaScript:
 * SQLite times are 'YYYY-MM-DD HH:MM:SS.SSS' UTC text, so they compare as strings, and its date
 * arithmetic is in whole milliseconds. Takes the write's time twice.
 */
const NEXT_UPDATED_AT =
  "CASE WHEN ? > updated_at THEN ? ELSE strftime('%Y-%m-%d %H:%M:%f', updated_at, '+0.001 seconds') END";

/**
 * The `contexts` writes on the embedded engine: prepared statements on TypeORM's better-sqlite3
 * connection. Every method is synchronous and must run inside the connection's group commit
 * (`commits.run`), where it joins the caller's transaction.
 */
export class SqliteContextWriter extends ContextWriter {
  readonly engine = 'sqlite' as const;
  private readonly db: Database;
  private readonly sql: Record<
    'insert' | 'swap' | 'delete' | 'deleteAt' | 'mergePatch' | 'read' | 'rewrite' | 'exists',
    Statement
  >;
  /** json_set UPDATEs of the context document, by how many paths they set and what they check. */
  private readonly pathSetters = new Map<string, Statement>();

  constructor({ db }: SqliteConnection) {
    super();
    this.db = db;
    this.sql = {
      insert: db.prepare(
        `INSERT INTO contexts (${CONTEXT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (job_id) DO NOTHING`,
      ),
      swap: db.prepare(
        'UPDATE contexts SET job_type = ?, context_data = ?, version = ?, updated_at = ? ' +
          'WHERE job_id = ? AND version = ? AND created_at = ?',
      ),
      delete: db.prepare('DELETE FROM contexts WHERE job_id = ?'),
      deleteAt: db.prepare(
        'DELETE FROM contexts WHERE job_id = ? AND version = ? AND created_at = ?',
      ),
      // SQLite's json_patch is RFC 7386.
      mergePatch: db.prepare(
        'UPDATE contexts SET context_data = json_patch(context_data, ?), version = version + 1, ' +
          `updated_at = ${NEXT_UPDATED_AT} WHERE job_id = ? RETURNING ${CONTEXT_COLUMNS}`,
      ),
      read: db.prepare(`SELECT ${CONTEXT_COLUMNS} FROM contexts WHERE job_id = ?`),
      rewrite: db.prepare(
        'UPDATE contexts SET context_data = ?, version = ?, updated_at = ? WHERE job_id = ?',
      ),
      exists: db.prepare('SELECT 1 FROM contexts WHERE job_id = ?'),
    };
  }

  /** Inserts a new entry; false when the job_id is taken. */
  insert(record: ContextRecord): boolean {
    return this.sql.insert.run(...contextRowValues(record, SQLITE_TIMES)).changes === 1;
  }

  /** Writes `next` while the entry is still `expected` (see `ContextStore.swap`). */
  swap(jobId: string, expected: ExpectedRecord, next: ContextRecordUpdate): boolean {
    const values = [
      next.jobType,
      JSON.stringify(next.contextData),
      next.version,
      toSqliteDatetime(next.updatedAt),
      jobId,
      expected.version,
      toSqliteDatetime(expected.createdAt),
    ];
    return this.sql.swap.run(...values).changes === 1;
  }

  /** Deletes the entry (only while it is `expected`, when given); false when nothing matched. */
  delete(jobId: string, expected?: ExpectedRecord): boolean {
    const result =
      expected === undefined
        ? this.sql.delete.run(jobId)
        : this.sql.deleteAt.run(jobId, expected.version, toSqliteDatetime(expected.createdAt));
    return result.changes > 0;
  }

  /** One UPDATE ... RETURNING: no read, no merge in JavaScript. Undefined when there is no entry. */
  mergePatch(jobId: string, patch: Record<string, unknown>, at: Date): ContextRecord | undefined {
    const now = toSqliteDatetime(at);
    const row = this.sql.mergePatch.get(JSON.stringify(patch), now, now, jobId) as Row | undefined;
    return row && fromContextRow(row, SQLITE_TIMES);
  }

  /**
   * Applies an assignment to the entry: only the changed paths (json_set) when it says what
   * changed and the document has the shape the paths assume, else a read, merge and rewrite of
   * the whole document. Nothing when the entry is gone (a client deleted it).
   */
  assign(jobId: string, assignment: ContextAssignment, at: Date): void {
    const sets =
      assignment.changes && (assignment.errors ?? []).length === 0
        ? contextPathSets(assignment.keys, assignment.changes)
        : undefined;
    if (sets && this.setPaths(jobId, sets, assignment.keys, at)) return;
    const row = this.sql.read.get(jobId) as Row | undefined;
    if (!row) return;
    const current = fromContextRow(row, SQLITE_TIMES);
    const { version, updatedAt } = nextRevision(current, at);
    this.sql.rewrite.run(
      JSON.stringify(assignContext(current.contextData, assignment)),
      version,
      toSqliteDatetime(updatedAt),
      jobId,
    );
  }

  /**
   * Writes only the changed parts of the document (SQLite's json_set, no parse and rewrite in
   * JavaScript), in one UPDATE that also checks the stored document has the shape the paths
   * assume; false when it does not (a client replaced it) and the caller rewrites it instead.
   * Done when the entry is gone.
   */
  private setPaths(
    jobId: string,
    sets: JsonPathSet[],
    keys: Record<string, unknown>,
    at: Date,
  ): boolean {
    const steps = keys.steps as unknown[] | undefined;
    const checksState = keys.state !== undefined;
    const key = `${sets.length}:${checksState}:${steps !== undefined}`;
    let statement = this.pathSetters.get(key);
    if (!statement) {
      const pairs = sets.map(() => '?, json(?)').join(', ');
      const shape = [
        "json_type(context_data) = 'object'",
        ...(checksState ? ["json_type(context_data, '$.state') = 'object'"] : []),
        ...(steps !== undefined ? ["json_array_length(context_data, '$.steps') = ?"] : []),
      ].join(' AND ');
      statement = this.db.prepare(
        `UPDATE contexts SET context_data = json_set(context_data, ${pairs}), ` +
          `version = version + 1, updated_at = ${NEXT_UPDATED_AT} WHERE job_id = ? AND ${shape}`,
      );
      this.pathSetters.set(key, statement);
    }
    const now = toSqliteDatetime(at);
    const shapeParams = steps !== undefined ? [steps.length] : [];
    if (statement.run(...sets.flat(), now, now, jobId, ...shapeParams).changes === 1) return true;
    // Nothing written: the entry is gone (done) or has another shape (rewrite it whole).
    return this.sql.exists.get(jobId) === undefined;
  }
}
