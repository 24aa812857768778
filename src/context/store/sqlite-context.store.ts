import type { Statement } from 'better-sqlite3';
import type { GroupCommit } from '../../database/group-commit';
import type { SqliteConnection } from '../../database/database-connection';
import { fromSqliteDatetime, toSqliteDatetime } from '../../database/sqlite-datetime';
import type { ListContextsQuery } from '../context.types';
import { ContextRecord, ContextRecordUpdate, ContextStore, ExpectedRecord } from './context-store';

interface Row {
  job_id: string;
  job_type: string;
  context_data: string;
  version: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'job_id, job_type, context_data, version, created_at, updated_at';

/**
 * The embedded backend: prepared statements on TypeORM's own better-sqlite3 connection (so they
 * share its transactions), writing the same formats as TypeORM: JSON text, and UTC
 * `YYYY-MM-DD HH:MM:SS.SSS` datetimes. Reads run at once; writes go through the connection's
 * group commit, so the writes of concurrent requests share one transaction (each still answers
 * only after its own commit).
 */
export class SqliteContextStore extends ContextStore {
  private readonly statements: Record<
    | 'find'
    | 'insert'
    | 'swap'
    | 'delete'
    | 'deleteAt'
    | 'page'
    | 'pageOfType'
    | 'count'
    | 'countOfType'
    | 'mergePatch',
    Statement
  >;
  private readonly commits: GroupCommit;

  constructor({ db, commits }: SqliteConnection) {
    super();
    this.commits = commits;
    const order = 'ORDER BY created_at DESC, job_id DESC LIMIT ? OFFSET ?';
    this.statements = {
      find: db.prepare(`SELECT ${COLUMNS} FROM contexts WHERE job_id = ?`),
      insert: db.prepare(
        `INSERT INTO contexts (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (job_id) DO NOTHING`,
      ),
      swap: db.prepare(
        'UPDATE contexts SET job_type = ?, context_data = ?, version = ?, updated_at = ? ' +
          'WHERE job_id = ? AND version = ? AND created_at = ?',
      ),
      delete: db.prepare('DELETE FROM contexts WHERE job_id = ?'),
      deleteAt: db.prepare(
        'DELETE FROM contexts WHERE job_id = ? AND version = ? AND created_at = ?',
      ),
      page: db.prepare(`SELECT ${COLUMNS} FROM contexts ${order}`),
      pageOfType: db.prepare(`SELECT ${COLUMNS} FROM contexts WHERE job_type = ? ${order}`),
      count: db.prepare('SELECT COUNT(*) AS total FROM contexts'),
      countOfType: db.prepare('SELECT COUNT(*) AS total FROM contexts WHERE job_type = ?'),
      // SQLite's json_patch is RFC 7386. Times are 'YYYY-MM-DD HH:MM:SS.SSS' text, so they compare
      // as strings, and SQLite's date arithmetic is in whole milliseconds.
      mergePatch: db.prepare(
        'UPDATE contexts SET context_data = json_patch(context_data, ?), version = version + 1, ' +
          "updated_at = CASE WHEN ? > updated_at THEN ? ELSE strftime('%Y-%m-%d %H:%M:%f', " +
          "updated_at, '+0.001 seconds') END WHERE job_id = ? RETURNING " +
          COLUMNS,
      ),
    };
  }

  async find(jobId: string): Promise<ContextRecord | undefined> {
    const row = this.statements.find.get(jobId) as Row | undefined;
    return row && fromRow(row);
  }

  async insert(record: ContextRecord): Promise<boolean> {
    const values = [
      record.jobId,
      record.jobType,
      JSON.stringify(record.contextData),
      record.version,
      toSqliteDatetime(record.createdAt),
      toSqliteDatetime(record.updatedAt),
    ];
    return this.commits.runStatement(() => this.statements.insert.run(...values).changes === 1);
  }

  async swap(jobId: string, expected: ExpectedRecord, next: ContextRecordUpdate): Promise<boolean> {
    const values = [
      next.jobType,
      JSON.stringify(next.contextData),
      next.version,
      toSqliteDatetime(next.updatedAt),
      jobId,
      expected.version,
      toSqliteDatetime(expected.createdAt),
    ];
    return this.commits.runStatement(() => this.statements.swap.run(...values).changes === 1);
  }

  /** One UPDATE ... RETURNING: no read, no merge in JavaScript, no lost race to retry. */
  override async mergePatch(
    jobId: string,
    patch: Record<string, unknown>,
    at: Date,
  ): Promise<ContextRecord | undefined> {
    const now = toSqliteDatetime(at);
    const text = JSON.stringify(patch);
    const row = await this.commits.runStatement(
      () => this.statements.mergePatch.get(text, now, now, jobId) as Row | undefined,
    );
    return row && fromRow(row);
  }

  async delete(jobId: string, expected?: ExpectedRecord): Promise<boolean> {
    const createdAt = expected && toSqliteDatetime(expected.createdAt);
    return this.commits.runStatement(() => {
      const result =
        expected === undefined
          ? this.statements.delete.run(jobId)
          : this.statements.deleteAt.run(jobId, expected.version, createdAt);
      return result.changes > 0;
    });
  }

  async list(query: ListContextsQuery): Promise<{ records: ContextRecord[]; total: number }> {
    const rows = (
      query.jobType
        ? this.statements.pageOfType.all(query.jobType, query.limit, query.skip)
        : this.statements.page.all(query.limit, query.skip)
    ) as Row[];
    const { total } = (
      query.jobType ? this.statements.countOfType.get(query.jobType) : this.statements.count.get()
    ) as { total: number };
    return { records: rows.map(fromRow), total };
  }
}

function fromRow(row: Row): ContextRecord {
  return {
    jobId: row.job_id,
    jobType: row.job_type,
    contextData: JSON.parse(row.context_data) as Record<string, unknown>,
    version: row.version,
    createdAt: fromSqliteDatetime(row.created_at),
    updatedAt: fromSqliteDatetime(row.updated_at),
  };
}
