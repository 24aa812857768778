import type { Database } from 'better-sqlite3';
import type { Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import { GroupCommit } from './group-commit';

/** The two engines Zigral runs on. */
export type DatabaseEngine = 'sqlite' | 'postgres';

/**
 * The database every store writes through, injected by DatabaseModule: TypeORM's own connection
 * (one pool, one file), with the unit of work of its engine. Stores whose SQL differs per engine
 * take the subclass of theirs (`SqliteConnection`, `PostgresConnection`), chosen by DI.
 */
export abstract class DatabaseConnection {
  abstract readonly engine: DatabaseEngine;

  /** The connection of a TypeORM data source, once initialised. */
  static of(dataSource: DataSource): DatabaseConnection {
    if (dataSource.options.type === 'better-sqlite3') {
      const driver = dataSource.driver as unknown as { databaseConnection: Database };
      return new SqliteConnection(driver.databaseConnection);
    }
    if (dataSource.options.type === 'postgres') {
      const driver = dataSource.driver as unknown as { master: Pool };
      return new PostgresConnection(driver.master);
    }
    throw new Error(`Unsupported database type ${dataSource.options.type}`);
  }
}

/**
 * The embedded engine: one better-sqlite3 connection. Its unit of work is synchronous statements
 * run inside `commits.run` (group commit: one IMMEDIATE transaction per tick, a savepoint each).
 */
export class SqliteConnection extends DatabaseConnection {
  readonly engine = 'sqlite' as const;
  readonly commits: GroupCommit;

  constructor(readonly db: Database) {
    super();
    this.commits = new GroupCommit(db);
  }
}

/**
 * A statement's text, or a named one: prepared (parsed and planned) once per pooled connection
 * and reused after, for the hot statements whose text never changes. A name stands for one text.
 */
export type Statement = string | { name: string; text: string };

/** One transaction on Postgres: the statements several stores run together. */
export interface PostgresTransaction {
  query<R extends QueryResultRow = QueryResultRow>(
    sql: Statement,
    params?: readonly unknown[],
  ): Promise<{ rows: R[]; rowCount: number }>;
}

/**
 * Postgres: TypeORM's connection pool. `transaction` is the unit of work (READ COMMITTED; a
 * store that needs more takes row locks); `query` runs one statement on any free connection.
 */
export class PostgresConnection extends DatabaseConnection {
  readonly engine = 'postgres' as const;

  constructor(readonly pool: Pool) {
    super();
  }

  async query<R extends QueryResultRow = QueryResultRow>(
    sql: Statement,
    params: readonly unknown[] = [],
  ): Promise<{ rows: R[]; rowCount: number }> {
    const result = await this.pool.query<R>(queryConfig(sql, params));
    return { rows: result.rows, rowCount: result.rowCount ?? 0 };
  }

  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(work: (tx: PostgresTransaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    // A checked-out client has no 'error' listener of the pool's: the server ending the session
    // between two statements (a restart: 57P01) would be an unhandled 'error' event and end the
    // process. The next statement fails instead, and the connection is not given back.
    const lost = () => (broken = true);
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      const result = await work(transactionOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      broken ||= !rolledBack;
      throw error;
    } finally {
      // A connection whose ROLLBACK failed is in an unknown state: the pool closes it.
      client.removeListener('error', lost);
      client.release(broken);
    }
  }
}

function transactionOf(client: PoolClient): PostgresTransaction {
  return {
    query: async <R extends QueryResultRow>(sql: Statement, params: readonly unknown[] = []) => {
      const result = await client.query<R>(queryConfig(sql, params));
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
  };
}

function queryConfig(sql: Statement, params: readonly unknown[]): QueryConfig {
  const values = params as unknown[];
  return typeof sql === 'string' ? { text: sql, values } : { ...sql, values };
}
