import type { Database, Statement } from 'better-sqlite3';
import { fromSqliteDatetime, toSqliteDatetime } from '../../../database/sqlite-datetime';
import { contextPathSets, JsonPathSet } from './context-json-patch.util';
import type { JobWrite } from './job-store';

/**
 * Writes the context part of a job write into the job's context entry, inside the store's
 * transaction: only the changed paths (json_set) when the write says what changed and the
 * document has the expected shape, else a parse, merge and rewrite of the whole document.
 */
export class SqliteJobContextWriter {
  private readonly sql: Record<string, Statement>;
  /** json_set UPDATEs of the context document, by how many paths they set and what they check. */
  private readonly contextSetters = new Map<string, Statement>();

  constructor(private readonly db: Database) {
    this.sql = {
      getContext: db.prepare(
        'SELECT context_data, version, updated_at FROM contexts WHERE job_id = ?',
      ),
      exists: db.prepare('SELECT 1 FROM contexts WHERE job_id = ?'),
      updateContext: db.prepare(
        'UPDATE contexts SET context_data = ?, version = ?, updated_at = ? WHERE job_id = ?',
      ),
    };
  }

  /** Applies a job write's context part (top-level keys, error entries) to its context entry. */
  write(input: JobWrite, now: Date): void {
    const patch = input.context ?? {};
    const errors = input.contextErrors ?? [];
    const sets =
      input.contextChanges && errors.length === 0
        ? contextPathSets(patch, input.contextChanges)
        : undefined;
    if (sets && this.setContextPaths(input.jobId, sets, patch, now)) return;
    const row = this.sql.getContext.get(input.jobId) as
      { context_data: string; version: number; updated_at: string } | undefined;
    if (!row) return; // a client deleted the context entry; the job row stays the truth
    const data = { ...(JSON.parse(row.context_data) as Record<string, unknown>), ...patch };
    if (errors.length > 0) {
      data.errors = [...(Array.isArray(data.errors) ? (data.errors as unknown[]) : []), ...errors];
    }
    this.sql.updateContext.run(
      JSON.stringify(data),
      row.version + 1,
      nextUpdatedAt(row.updated_at, now),
      input.jobId,
    );
  }

  /**
   * Writes only the changed parts of the context document (SQLite's json_set, no parse and
   * rewrite in JS), in one UPDATE that also checks the stored document has the shape the paths
   * assume; false when it does not (a client replaced it) and the caller rewrites it instead.
   * Done when the entry is gone.
   */
  private setContextPaths(
    jobId: string,
    sets: JsonPathSet[],
    patch: Record<string, unknown>,
    now: Date,
  ): boolean {
    const steps = patch.steps as unknown[] | undefined;
    const checksState = patch.state !== undefined;
    const key = `${sets.length}:${checksState}:${steps !== undefined}`;
    let statement = this.contextSetters.get(key);
    if (!statement) {
      const pairs = sets.map(() => '?, json(?)').join(', ');
      const shape = [
        "json_type(context_data) = 'object'",
        ...(checksState ? ["json_type(context_data, '$.state') = 'object'"] : []),
        ...(steps !== undefined ? ["json_array_length(context_data, '$.steps') = ?"] : []),
      ].join(' AND ');
      statement = this.db.prepare(
        `UPDATE contexts SET context_data = json_set(context_data, ${pairs}), ` +
          'version = version + 1, ' +
          // updated_at strictly increases, as the Context Manager promises (SQLite times are
          // 'YYYY-MM-DD HH:MM:SS.SSS' text: they compare as strings).
          "updated_at = CASE WHEN ? > updated_at THEN ? ELSE strftime('%Y-%m-%d %H:%M:%f', " +
          "updated_at, '+0.001 seconds') END " +
          `WHERE job_id = ? AND ${shape}`,
      );
      this.contextSetters.set(key, statement);
    }
    const at = toSqliteDatetime(now);
    const shapeParams = steps !== undefined ? [steps.length] : [];
    if (statement.run(...sets.flat(), at, at, jobId, ...shapeParams).changes === 1) return true;
    // Nothing written: the entry is gone (done) or has another shape (rewrite it whole).
    return this.sql.exists.get(jobId) === undefined;
  }
}

/** updated_at strictly increases, as the Context Manager promises. */
function nextUpdatedAt(previous: string, now: Date): string {
  const after = fromSqliteDatetime(previous).getTime() + 1;
  return toSqliteDatetime(new Date(Math.max(now.getTime(), after)));
}
