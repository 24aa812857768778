import { Logger, OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { PostgresConnection } from '../../database/database-connection';

const SWEEP_INTERVAL_MS = 60_000;

/**
 * One request counted: a fresh window when there is none or it has ended, else one more hit.
 * Times are the database's, so replicas with clocks apart still agree on the window. A named
 * (prepared) statement: parsed and planned once per pooled connection.
 */
const HIT = {
  name: 'zigral_rate_limit_hit',
  text:
    'INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at) ' +
    "VALUES ($1, 1, now() + $2 * interval '1 millisecond') " +
    'ON CONFLICT (key) DO UPDATE SET ' +
    'hits = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END, ' +
    'window_ends_at = CASE WHEN c.window_ends_at <= now() ' +
    'THEN excluded.window_ends_at ELSE c.window_ends_at END ' +
    'RETURNING hits, ceil(extract(epoch FROM window_ends_at - now()) * 1000)::int AS ms_left',
};

const SWEEP = 'DELETE FROM rate_limit_counters WHERE window_ends_at <= now()';

/**
 * The fixed-window counters of FixedWindowThrottlerStorage, kept in Postgres so that one client's
 * requests count against one allowance on every replica: one atomic upsert per request (no lock
 * held across statements) into the UNLOGGED `rate_limit_counters`, and a sweep of ended windows
 * every minute. A blocked client waits until its window ends; `blockDuration` is not used.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(PostgresThrottlerStorage.name);
  private readonly sweeper = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
  private sweeping: Promise<unknown> = Promise.resolve();

  constructor(private readonly connection: PostgresConnection) {
    this.sweeper.unref();
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const result = await this.connection.pool.query<{ hits: number; ms_left: number }>({
      ...HIT,
      values: [`${throttlerName}:${key}`, ttl],
    });
    const { hits, ms_left: msLeft } = result.rows[0];
    const secondsLeft = Math.max(1, Math.ceil(msLeft / 1000));
    const isBlocked = hits > limit;
    return {
      totalHits: hits,
      timeToExpire: secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsLeft : 0,
    };
  }

  /** Deletes ended windows (any replica may; they all do, once a minute); how many went. */
  sweep(): Promise<number> {
    const run = this.connection.query(SWEEP).then(
      (result) => result.rowCount,
      (error: unknown) => {
        this.logger.warn({ err: error }, 'Could not delete ended rate-limit windows');
        return 0;
      },
    );
    this.sweeping = run;
    return run;
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweeper);
    // The pool closes after this: a sweep under way finishes first.
    await this.sweeping;
  }
}
