import type { PostgresConnection } from '../../database/database-connection';
import { POSTGRES_TIMES } from '../../database/time-columns';
import type { ListContextsQuery } from '../context.types';
import { CONTEXT_COLUMNS, ContextRow, fromContextRow } from './context-rows';
import { ContextRecord, ContextRecordUpdate, ContextStore, ExpectedRecord } from './context-store';
import type { PostgresContextWriter } from './postgres-context.writer';

/**
 * Postgres: raw SQL on TypeORM's pool. Reads and one-statement writes run on any free
 * connection; a merge patch is one transaction that holds the entry's row lock from its read to
 * its write, so concurrent patches (from any replica) all land.
 */
export class PostgresContextStore extends ContextStore {
  constructor(
    private readonly connection: PostgresConnection,
    private readonly writer: PostgresContextWriter,
  ) {
    super();
  }

  async find(jobId: string): Promise<ContextRecord | undefined> {
    const { rows } = await this.connection.query<ContextRow<Date>>(
      `SELECT ${CONTEXT_COLUMNS} FROM contexts WHERE job_id = $1`,
      [jobId],
    );
    return rows[0] && fromRow(rows[0]);
  }

  insert(record: ContextRecord): Promise<boolean> {
    return this.writer.insert(this.connection, record);
  }

  swap(jobId: string, expected: ExpectedRecord, next: ContextRecordUpdate): Promise<boolean> {
    return this.writer.swap(this.connection, jobId, expected, next);
  }

  mergePatch(
    jobId: string,
    patch: Record<string, unknown>,
    at: Date,
  ): Promise<ContextRecord | undefined> {
    return this.connection.transaction((tx) => this.writer.mergePatch(tx, jobId, patch, at));
  }

  delete(jobId: string, expected?: ExpectedRecord): Promise<boolean> {
    return this.writer.delete(this.connection, jobId, expected);
  }

  async list(query: ListContextsQuery): Promise<{ records: ContextRecord[]; total: number }> {
    const filter = query.jobType ? 'WHERE job_type = $1' : '';
    const params = query.jobType ? [query.jobType] : [];
    const next = params.length;
    const [page, count] = await Promise.all([
      this.connection.query<ContextRow<Date>>(
        `SELECT ${CONTEXT_COLUMNS} FROM contexts ${filter} ` +
          `ORDER BY created_at DESC, job_id DESC LIMIT $${next + 1} OFFSET $${next + 2}`,
        [...params, query.limit, query.skip],
      ),
      this.connection.query<{ total: number }>(
        `SELECT COUNT(*) AS total FROM contexts ${filter}`,
        params,
      ),
    ]);
    return { records: page.rows.map(fromRow), total: count.rows[0].total };
  }
}

const fromRow = (row: ContextRow<Date>) => fromContextRow(row, POSTGRES_TIMES);
