import type { ThrottlerStorage } from '@nestjs/throttler';
import { DatabaseConnection, PostgresConnection } from '../../database/database-connection';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';
import { PostgresThrottlerStorage } from './postgres-throttler.storage';

/**
 * Where the rate limits count requests: in memory for the one process on SQLite, in the shared
 * database on Postgres, where several replicas must count one client's requests together.
 */
export function throttlerStorageFor(connection: DatabaseConnection): ThrottlerStorage {
  return connection instanceof PostgresConnection
    ? new PostgresThrottlerStorage(connection)
    : new FixedWindowThrottlerStorage();
}
