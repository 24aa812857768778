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
  /** json_set UPDATEs of the context document, by how many paths they set. */
  private readonly contextSetters = new Map<number, Statement>();

  constructor(private readonly db: Database) {
    this.sql = {
      getContext: db.prepare(
        'SELECT context_data, version, updated_at FROM contexts WHERE job_id = ?',
      ),
      getContextShape: db.prepare(
        "SELECT version, updated_at, json_type(context_data) AS doc, json_type(context_data, '$.state') AS state, json_array_length(context_data, '$.steps') AS steps FROM contexts WHERE job_id = ?",
      ),
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
   * rewrite in JS); false when the stored document does not have the shape the paths assume
   * (a client replaced it), and the caller rewrites it instead. Done when the entry is gone.
   */
  private setContextPaths(
    jobId: string,
    sets: JsonPathSet[],
    patch: Record<string, unknown>,
    now: Date,
  ): boolean {
    const row = this.sql.getContextShape.get(jobId) as ContextShape | undefined;
    if (!row) return true;
    const steps = patch.steps as unknown[] | undefined;
    if (
      row.doc !== 'object' ||
      (patch.state !== undefined && row.state !== 'object') ||
      (steps !== undefined && row.steps !== steps.length)
    ) {
      return false;
    }
    let statement = this.contextSetters.get(sets.length);
    if (!statement) {
      const pairs = sets.map(() => '?, json(?)').join(', ');
      statement = this.db.prepare(
        `UPDATE contexts SET context_data = json_set(context_data, ${pairs}), version = ?, updated_at = ? WHERE job_id = ?`,
      );
      this.contextSetters.set(sets.length, statement);
    }
    statement.run(...sets.flat(), row.version + 1, nextUpdatedAt(row.updated_at, now), jobId);
    return true;
  }
}

/** What the context document looks like where a write's JSON paths would go. */
interface ContextShape {
  version: number;
  updated_at: string;
  doc: string | null;
  state: string | null;
  steps: number | null;
}

/** updated_at strictly increases, as the Context Manager promises. */
function nextUpdatedAt(previous: string, now: Date): string {
  const after = fromSqliteDatetime(previous).getTime() + 1;
  return toSqliteDatetime(new Date(Math.max(now.getTime(), after)));
}
