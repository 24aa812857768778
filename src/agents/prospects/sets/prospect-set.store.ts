import { Injectable } from '@nestjs/common';
import {
  DatabaseConnection,
  PostgresConnection,
  SqliteConnection,
} from '../../../database/database-connection';
import { toSqliteDatetime } from '../../../database/sqlite-datetime';
import type { ProspectSetStatus } from './prospect-set.entity';

/** A SELECT of `position` and `prospect_id` columns, with its parameters in the engine's style. */
export interface MemberSelect {
  sql: string;
  params: unknown[];
}

/** The set a write makes: its id is the caller's (a UUID, written into the SQL as a literal). */
export interface NewSet {
  id: string;
  jobId: string;
  stepIndex: number;
  status: ProspectSetStatus;
  createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The writes of prospect sets that must be atomic and must not pass rows through JavaScript:
 * a set and its members written by one INSERT … SELECT in one transaction (a SQLite group-commit
 * unit, a Postgres transaction), so a set exists whole or not at all.
 */
@Injectable()
export class ProspectSetStore {
  constructor(private readonly connection: DatabaseConnection) {}

  /** `?` on SQLite, `$n` on Postgres. */
  placeholder(index: number): string {
    return this.connection instanceof PostgresConnection ? `$${index}` : '?';
  }

  /** Writes a set with the members `select` yields; answers how many. */
  async create(set: NewSet, select: MemberSelect): Promise<number> {
    if (!UUID.test(set.id)) throw new Error(`Not a set id: ${set.id}`);
    const insertMembers =
      'INSERT INTO prospect_set_members (set_id, position, prospect_id, score) ' +
      `SELECT '${set.id}', s.position, s.prospect_id, s.score FROM (${select.sql}) s`;
    const ph = (index: number) => this.placeholder(index);
    const insertSet =
      'INSERT INTO prospect_sets (id, job_id, step_index, status, count, created_at) ' +
      `VALUES (${ph(1)}, ${ph(2)}, ${ph(3)}, ${ph(4)}, ${ph(5)}, ${ph(6)})`;
    const setParams = (count: number) => [
      set.id,
      set.jobId,
      set.stepIndex,
      set.status,
      count,
      this.time(set.createdAt),
    ];
    if (this.connection instanceof SqliteConnection) {
      const { db } = this.connection;
      return this.connection.commits.run(() => {
        const { changes } = db.prepare(insertMembers).run(...select.params);
        db.prepare(insertSet).run(...setParams(changes));
        return changes;
      });
    }
    if (this.connection instanceof PostgresConnection) {
      return this.connection.transaction(async (tx) => {
        const { rowCount } = await tx.query(insertMembers, select.params);
        await tx.query(insertSet, setParams(rowCount));
        return rowCount;
      });
    }
    throw new Error(`No prospect set store for ${this.connection.engine}`);
  }

  /** Deletes sets and their members in one transaction; `where` selects ids from prospect_sets. */
  async remove(where: MemberSelect): Promise<number> {
    const ids = `SELECT id FROM prospect_sets WHERE ${where.sql}`;
    const members = `DELETE FROM prospect_set_members WHERE set_id IN (${ids})`;
    const sets = `DELETE FROM prospect_sets WHERE id IN (${ids})`;
    if (this.connection instanceof SqliteConnection) {
      const { db } = this.connection;
      return this.connection.commits.run(() => {
        db.prepare(members).run(...where.params);
        return db.prepare(sets).run(...where.params).changes;
      });
    }
    if (this.connection instanceof PostgresConnection) {
      return this.connection.transaction(async (tx) => {
        await tx.query(members, where.params);
        return (await tx.query(sets, where.params)).rowCount;
      });
    }
    throw new Error(`No prospect set store for ${this.connection.engine}`);
  }

  /** A time as a parameter of this engine (SQLite keeps TypeORM's text form). */
  time(date: Date): unknown {
    return this.connection instanceof SqliteConnection ? toSqliteDatetime(date) : date;
  }
}
