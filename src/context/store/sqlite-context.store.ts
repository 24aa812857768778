import type { Statement } from 'better-sqlite3';
import type { GroupCommit } from '../../database/group-commit';
import type { SqliteConnection } from '../../database/database-connection';
import { SQLITE_TIMES } from '../../database/time-columns';
import type { ListContextsQuery } from '../context.types';
import { CONTEXT_COLUMNS, ContextRow, fromContextRow } from './context-rows';
import { ContextRecord, ContextRecordUpdate, ContextStore, ExpectedRecord } from './context-store';
import type { SqliteContextWriter } from './sqlite-context.writer';

/**
 * The embedded backend: prepared statements on TypeORM's own better-sqlite3 connection (so they
 * share its transactions), writing the same formats as TypeORM: JSON text, and UTC
 * `YYYY-MM-DD HH:MM:SS.SSS` datetimes. Reads run at once; writes (the module's SQLite writer) go
 * through the connection's group commit, so the writes of concurrent requests share one
 * transaction (each still answers only after its own commit).
 */
export class SqliteContextStore extends ContextStore {
  private readonly statements: Record<
    'find' | 'page' | 'pageOfType' | 'count' | 'countOfType',
    Statement
  >;
  private readonly commits: GroupCommit;

  constructor(
    connection: SqliteConnection,
    private readonly writer: SqliteContextWriter,
  ) {
    super();
    const { db } = connection;
    this.commits = connection.commits;
    const order = 'ORDER BY created_at DESC, job_id DESC LIMIT ? OFFSET ?';
    this.statements = {
      find: db.prepare(`SELECT ${CONTEXT_COLUMNS} FROM contexts WHERE job_id = ?`),
      page: db.prepare(`SELECT ${CONTEXT_COLUMNS} FROM contexts ${order}`),
      pageOfType: db.prepare(`SELECT ${CONTEXT_COLUMNS} FROM contexts WHERE job_type = ? ${order}`),
      count: db.prepare('SELECT COUNT(*) AS total FROM contexts'),
      countOfType: db.prepare('SELECT COUNT(*) AS total FROM contexts WHERE job_type = ?'),
    };
  }

  async find(jobId: string): Promise<ContextRecord | undefined> {
    const row = this.statements.find.get(jobId) as ContextRow<string> | undefined;
    return row && fromRow(row);
  }

  insert(record: ContextRecord): Promise<boolean> {
    return this.commits.runStatement(() => this.writer.insert(record));
  }

  swap(jobId: string, expected: ExpectedRecord, next: ContextRecordUpdate): Promise<boolean> {
    return this.commits.runStatement(() => this.writer.swap(jobId, expected, next));
  }

  /** One UPDATE ... RETURNING: no read, no merge in JavaScript, no lost race to retry. */
  mergePatch(
    jobId: string,
    patch: Record<string, unknown>,
    at: Date,
  ): Promise<ContextRecord | undefined> {
    return this.commits.runStatement(() => this.writer.mergePatch(jobId, patch, at));
  }

  delete(jobId: string, expected?: ExpectedRecord): Promise<boolean> {
    return this.commits.runStatement(() => this.writer.delete(jobId, expected));
  }

  async list(query: ListContextsQuery): Promise<{ records: ContextRecord[]; total: number }> {
    const rows = (
      query.jobType
        ? this.statements.pageOfType.all(query.jobType, query.limit, query.skip)
        : this.statements.page.all(query.limit, query.skip)
    ) as ContextRow<string>[];
    const { total } = (
      query.jobType ? this.statements.countOfType.get(query.jobType) : this.statements.count.get()
    ) as { total: number };
    return { records: rows.map(fromRow), total };
  }
}

const fromRow = (row: ContextRow<string>) => fromContextRow(row, SQLITE_TIMES);
