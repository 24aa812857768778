import { fromSqliteDatetime, toSqliteDatetime } from './sqlite-datetime';

/**
 * How an engine keeps a time in its columns, for stores that map rows by hand: SQLite as UTC
 * text (TypeORM's format), Postgres as a `timestamp` that node-postgres reads and writes as a
 * UTC Date (see postgres-types.ts).
 */
export interface TimeColumns<Time> {
  write(date: Date): Time;
  read(value: Time): Date;
}

export const SQLITE_TIMES: TimeColumns<string> = {
  write: toSqliteDatetime,
  read: fromSqliteDatetime,
};

export const POSTGRES_TIMES: TimeColumns<Date> = {
  write: (date) => date,
  read: (date) => date,
};
