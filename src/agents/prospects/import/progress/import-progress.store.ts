import { Injectable } from '@nestjs/common';
import type { Statement } from 'better-sqlite3';
import {
  DatabaseConnection,
  PostgresConnection,
  SqliteConnection,
} from '../../../../database/database-connection';
import { toSqliteDatetime } from '../../../../database/sqlite-datetime';
import type { ImportStatus } from './prospect-import.entity';

/** The counts of an import so far. */
export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  warnings: number;
}

type Row = Record<string, unknown>;

/**
 * The writes of `prospect_imports`, as raw SQL on the injected connection: prepared statements of
 * constant text on SQLite (TypeORM would inline the counts into the text, a new statement each
 * time), plain parameters on Postgres. Each statement is one write (on SQLite, in the connection's group
 * commit).
 */
@Injectable()
export class ImportProgressStore {
  constructor(private readonly connection: DatabaseConnection) {}

  /** A new running import; false when the id is taken. */
  async create(id: string, source: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const changed = await this.write(
      'INSERT INTO prospect_imports (id, status, source, rows_read, rows_inserted, rows_updated, ' +
        'rows_rejected, warnings, cancel_requested, started_at, updated_at, lease_until) ' +
        "VALUES (?, 'running', ?, 0, 0, 0, 0, 0, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
      [id, source, false, now, now, leaseUntil],
    );
    return changed === 1;
  }

  /**
   * The counts so far and a renewed lease, while the import is running; answers whether a cancel
   * was asked for (by any replica), or undefined when the row is no longer running.
   */
  async saveProgress(
    id: string,
    counts: ImportCounts,
    now: Date,
    leaseUntil: Date,
  ): Promise<{ cancelRequested: boolean } | undefined> {
    const row = await this.read(
      'UPDATE prospect_imports SET rows_read = ?, rows_inserted = ?, rows_updated = ?, ' +
        'rows_rejected = ?, warnings = ?, updated_at = ?, lease_until = ? ' +
        "WHERE id = ? AND status = 'running' RETURNING cancel_requested",
      [...countValues(counts), now, leaseUntil, id],
    );
    if (!row) return undefined;
    const flag = row.cancel_requested;
    return { cancelRequested: flag === true || flag === 1 };
  }

  /** The end of a running import: its status, final counts and, for a failure, why. */
  async finish(
    id: string,
    status: Exclude<ImportStatus, 'running'>,
    counts: ImportCounts,
    now: Date,
    error?: string,
  ): Promise<void> {
    await this.write(
      'UPDATE prospect_imports SET status = ?, rows_read = ?, rows_inserted = ?, ' +
        'rows_updated = ?, rows_rejected = ?, warnings = ?, error = ?, updated_at = ?, ' +
        "finished_at = ? WHERE id = ? AND status = 'running'",
      [status, ...countValues(counts), error?.slice(0, 500) ?? null, now, now, id],
    );
  }

  /** Asks a running import to stop; false when it is not running. */
  async requestCancel(id: string, now: Date): Promise<boolean> {
    const changed = await this.write(
      'UPDATE prospect_imports SET cancel_requested = ?, updated_at = ? ' +
        "WHERE id = ? AND status = 'running'",
      [true, now, id],
    );
    return changed === 1;
  }

  /** Running imports whose lease has passed become `interrupted`; answers how many. */
  markInterrupted(now: Date, reason: string): Promise<number> {
    return this.write(
      "UPDATE prospect_imports SET status = 'interrupted', error = ?, finished_at = lease_until, " +
        "updated_at = ? WHERE status = 'running' AND lease_until < ?",
      [reason, now, now],
    );
  }

  /** SQLite statements by text (a handful, of constant text). */
  private readonly statements = new Map<string, Statement>();

  private prepared(connection: SqliteConnection, sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = connection.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs a write; answers the rows it changed. */
  private async write(sql: string, params: unknown[]): Promise<number> {
    const { connection } = this;
    if (connection instanceof SqliteConnection) {
      const statement = this.prepared(connection, sql);
      return connection.commits.runStatement(() => statement.run(params.map(toSqlite)).changes);
    }
    if (connection instanceof PostgresConnection) {
      return (await connection.query(numbered(sql), params)).rowCount;
    }
    throw new Error(`No import progress store for ${connection.engine}`);
  }

  /** Runs a statement that answers at most one row. */
  private async read(sql: string, params: unknown[]): Promise<Row | undefined> {
    const { connection } = this;
    if (connection instanceof SqliteConnection) {
      const statement = this.prepared(connection, sql);
      return connection.commits.runStatement(
        () => statement.get(params.map(toSqlite)) as Row | undefined,
      );
    }
    if (connection instanceof PostgresConnection) {
      return (await connection.query(numbered(sql), params)).rows[0];
    }
    throw new Error(`No import progress store for ${connection.engine}`);
  }
}

const countValues = (counts: ImportCounts) => [
  counts.rows,
  counts.inserted,
  counts.updated,
  counts.skipped,
  counts.warnings,
];

/** A value in TypeORM's SQLite formats: dates as UTC text, booleans as 0/1. */
function toSqlite(value: unknown): unknown {
  if (value instanceof Date) return toSqliteDatetime(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** `?` placeholders as Postgres's `$1, $2, …`. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
