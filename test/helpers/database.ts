import type { DataSource } from 'typeorm';
import { DatabaseConnection, SqliteConnection } from '../../src/database/database-connection';

/** A SQLite test app's connection as the SQLite stores take it (its own group commit). */
export function sqliteConnectionOf(dataSource: DataSource): SqliteConnection {
  const connection = DatabaseConnection.of(dataSource);
  if (!(connection instanceof SqliteConnection)) throw new Error('Not a SQLite data source');
  return connection;
}
