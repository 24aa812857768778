import { Client } from 'pg';
import { DatabaseConnection, PostgresConnection } from '../../../database/database-connection';
import type { JobStore } from '../store/job-store';
import { JobEventsBus, LocalJobEventsBus } from './job-events-bus';
import { PostgresJobEventsBus } from './postgres-job-events.bus';

/**
 * The bus of the engine: in-process on SQLite (one process writes every event); LISTEN/NOTIFY on
 * Postgres, on a connection of its own made with the pool's settings.
 */
export function jobEventsBusFor(connection: DatabaseConnection, store: JobStore): JobEventsBus {
  if (!(connection instanceof PostgresConnection)) return new LocalJobEventsBus();
  return new PostgresJobEventsBus(store, () => new Client(connection.pool.options));
}
