import type { DataSource } from 'typeorm';
import {
  DatabaseConnection,
  PostgresConnection,
  SqliteConnection,
} from '../../src/database/database-connection';

/** A SQLite test app's connection as the SQLite stores take it (its own group commit). */
export function sqliteConnectionOf(dataSource: DataSource): SqliteConnection {
  const connection = DatabaseConnection.of(dataSource);
  if (!(connection instanceof SqliteConnection)) throw new Error('Not a SQLite data source');
  return connection;
}

/** A Postgres test app's connection as the Postgres stores take it (TypeORM's pool). */
export function postgresConnectionOf(dataSource: DataSource): PostgresConnection {
  const connection = DatabaseConnection.of(dataSource);
  if (!(connection instanceof PostgresConnection)) throw new Error('Not a Postgres data source');
  return connection;
}
