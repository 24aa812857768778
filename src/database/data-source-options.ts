import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { migrations } from './migrations';
import { installPostgresTypes } from './postgres-types';

/** SQLite waits this long for a lock held by another connection or process before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Settings of every SQLite connection beyond WAL and synchronous=NORMAL (the benchmark also
 * measures raw better-sqlite3 with them):
 * - a 32 MB page cache (SQLite's default is 2 MB), filled only as pages are read: with 100,000
 *   prospects and their indexes, searches and bulk imports stop re-reading pages from the OS on
 *   every row;
 * - a checkpoint every 10,000 WAL pages (about 40 MB) instead of every 1,000: each one costs two
 *   fsyncs and copies every page written since, and pages written again and again (index and
 *   table tails) are copied once instead of ten times. Measured with single-row writes: about
 *   1.3x the inserts and 1.5x the updates per second, and the 99.9th percentile write went from
 *   11 ms to 0.6 ms; the price is one pause of tens of ms per 40 MB written;
 * - the WAL file cut back to 64 MB after a checkpoint emptied it.
 */
export const SQLITE_TUNING: readonly string[] = [
  'cache_size = -32768',
  'wal_autocheckpoint = 10000',
  `journal_size_limit = ${64 * 1024 * 1024}`,
];

/**
 * TypeORM options from DATABASE_URL. SQLite goes through better-sqlite3 in WAL mode with a busy
 * timeout; Postgres takes the URL as is. Migrations run at start-up; `synchronize` is never on.
 */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  // Entities come from each module's TypeOrmModule.forFeature (autoLoadEntities in DatabaseModule).
  const common = { migrations, migrationsRun: true, synchronize: false } as const;
  if (database.type === 'postgres') {
    installPostgresTypes();
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      poolSize: database.poolSize,
      connectTimeoutMS: database.connectTimeoutMs,
      applicationName: 'zigral',
      extra: {
        // Every statement of the service is bounded; a lost server is noticed by TCP keepalive.
        statement_timeout: database.statementTimeoutMs || undefined,
        // A transaction left open by a crashed request does not hold its row locks forever.
        idle_in_transaction_session_timeout: 60_000,
        keepAlive: true,
      },
    };
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
      for (const pragma of SQLITE_TUNING) db.pragma(pragma);
    },
  };
}
