'use strict';

/**
 * What the shared rate-limit counter costs a request on Postgres, against the in-memory one of
 * SQLite: `npm run build && bash scripts/postgres.sh node bench/rate-limit-counter.js`.
 *
 * On a fresh migrated database of the throwaway cluster, the two storages the ThrottlerGuard uses
 * (dist/common/throttling) count BENCH_COUNTER_HITS increments each (20,000), as a GET would:
 *   - one after another on one key (one client; the latency a request pays);
 *   - BENCH_COUNTER_CONCURRENCY (50) in flight over as many keys (many clients), and all on one
 *     key (one busy client: its row is updated by every request in turn);
 * and, for comparison, the same upsert as an unnamed statement (parsed and planned every time),
 * and a bare `SELECT 1` (the round trip every query pays).
 * Prints µs per increment (mean and percentiles) and increments per second. A measurement, not a
 * test: nothing fails on a slow machine.
 */
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { DataSource } = require('typeorm');

const DIST = path.resolve(__dirname, '..', 'dist');
const { buildDataSourceOptions } = require(path.join(DIST, 'database/data-source-options'));
const { DatabaseConnection } = require(path.join(DIST, 'database/database-connection'));
const { FixedWindowThrottlerStorage } = require(
  path.join(DIST, 'common/throttling/fixed-window-throttler.storage'),
);
const { PostgresThrottlerStorage } = require(
  path.join(DIST, 'common/throttling/postgres-throttler.storage'),
);

const HITS = Number(process.env.BENCH_COUNTER_HITS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_COUNTER_CONCURRENCY ?? 50);
const TTL = 60_000;
const LIMIT = 1_000_000_000;

async function sequential(increment) {
  const times = new Float64Array(HITS);
  for (let i = 0; i < HITS; i++) {
    const start = performance.now();
    await increment('ip:10.0.0.1');
    times[i] = (performance.now() - start) * 1000;
  }
  times.sort();
  const mean = times.reduce((sum, t) => sum + t, 0) / HITS;
  const at = (q) => times[Math.min(HITS - 1, Math.floor(q * HITS))];
  return { mean, p50: at(0.5), p99: at(0.99), max: times[HITS - 1] };
}

async function concurrent(increment, keys) {
  let next = 0;
  const start = performance.now();
  const worker = async (w) => {
    while (next < HITS) {
      next += 1;
      await increment(`ip:10.0.${keys === 1 ? 0 : w}.1`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  return HITS / ((performance.now() - start) / 1000);
}

const fmt = (n) => n.toFixed(1).padStart(8);

async function measure(name, increment) {
  for (let i = 0; i < 2000; i++) await increment('ip:warm-up'); // JIT, pool, plans
  const seq = await sequential(increment);
  const many = await concurrent(increment, CONCURRENCY);
  const one = await concurrent(increment, 1);
  console.log(
    `| ${name.padEnd(36)} | ${fmt(seq.mean)} | ${fmt(seq.p50)} | ${fmt(seq.p99)} | ` +
      `${Math.round(many).toString().padStart(9)} | ${Math.round(one).toString().padStart(9)} |`,
  );
}

async function main() {
  const admin = process.env.ZIGRAL_TEST_POSTGRES_URL;
  if (!admin) throw new Error('Run beside a Postgres cluster: bash scripts/postgres.sh node …');
  const name = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = new URL(admin);
  const adminClient = new Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  const dataSource = new DataSource(
    buildDataSourceOptions({
      type: 'postgres',
      url: url.toString(),
      poolSize: 10,
      statementTimeoutMs: 30_000,
      connectTimeoutMs: 5000,
    }),
  );
  await dataSource.initialize(); // migrations
  const connection = DatabaseConnection.of(dataSource);
  const memory = new FixedWindowThrottlerStorage();
  const postgres = new PostgresThrottlerStorage(connection);
  const unnamed = (key) =>
    connection.pool.query(
      'INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at) ' +
        "VALUES ($1, 1, now() + $2 * interval '1 millisecond') ON CONFLICT (key) DO UPDATE SET " +
        'hits = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END, ' +
        'window_ends_at = CASE WHEN c.window_ends_at <= now() ' +
        'THEN excluded.window_ends_at ELSE c.window_ends_at END ' +
        'RETURNING hits, ceil(extract(epoch FROM window_ends_at - now()) * 1000)::int AS ms_left',
      [`default:${key}`, TTL],
    );
  console.log(
    `${HITS} increments per line; pool of 10; ${CONCURRENCY} in flight for the rates\n\n` +
      '| storage                              | mean µs |  p50 µs |  p99 µs | /s, many keys | /s, one key |\n' +
      '|---|---|---|---|---|---|',
  );
  try {
    await measure('in memory (SQLite)', (key) => memory.increment(key, TTL, LIMIT, TTL, 'default'));
    await measure('Postgres, named statement (used)', (key) =>
      postgres.increment(key, TTL, LIMIT, TTL, 'default'),
    );
    await measure('Postgres, unnamed statement', unnamed);
    await measure('Postgres, SELECT 1 (one round trip)', () =>
      connection.pool.query({ name: 'bench_select_1', text: 'SELECT 1' }),
    );
  } finally {
    memory.onModuleDestroy();
    await postgres.onModuleDestroy();
    await dataSource.destroy();
    await adminClient.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await adminClient.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
