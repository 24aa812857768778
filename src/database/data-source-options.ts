import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { migrations } from './migrations';

/** SQLite waits this long for a lock held by another connection or process before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** SQLite's page cache per connection, in KiB. */
const SQLITE_CACHE_KIB = 32 * 1024;

/**
 * TypeORM options from DATABASE_URL. SQLite goes through better-sqlite3 in WAL mode with a busy
 * timeout; Postgres takes the URL as is. Migrations run at start-up; `synchronize` is never on.
 */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  // Entities come from each module's TypeOrmModule.forFeature (autoLoadEntities in DatabaseModule).
  const common = { migrations, migrationsRun: true, synchronize: false } as const;
  if (database.type === 'postgres') {
    return { ...common, type: 'postgres', url: database.url };
  }
  const file = resolve(database.path);
  mkdirSync(dirname(file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    enableWAL: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      // WAL with synchronous=NORMAL is durable across process crashes (not power loss of the
      // last transactions) and several times faster than FULL.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // A 32 MB page cache (SQLite's default is 2 MB), filled only as pages are read: with
      // 100,000 prospects and their indexes, searches and bulk imports stop re-reading pages
      // from the OS on every row (see the benchmark).
      db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    },
  };
}
