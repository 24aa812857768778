import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { POSTGRES_DEFAULTS } from '../../src/config/app-config';
import { buildDataSourceOptions } from '../../src/database/data-source-options';

/**
 * Test databases on the throwaway cluster of `scripts/postgres.sh` (ZIGRAL_TEST_POSTGRES_URL):
 * each test app gets its own database, copied from a migrated template (fast, and suites running
 * in parallel never see each other's rows).
 */

const TEMPLATE = 'zigral_template';
/** Serialises template creation across jest workers. */
const TEMPLATE_LOCK = 7_262_001;
/** Where a test folder remembers its database, so an app restarted on the folder finds it again. */
const DATABASE_FILE = 'postgres-database';

/** The engine the suite's test apps run on: `ZIGRAL_TEST_ENGINE=postgres` (npm run test:pg). */
export function testEngine(): 'sqlite' | 'postgres' {
  return process.env.ZIGRAL_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

/** The cluster's superuser URL; throws when the suite runs outside scripts/postgres.sh. */
export function adminUrl(): string {
  const url = process.env.ZIGRAL_TEST_POSTGRES_URL;
  if (!url)
    throw new Error('No Postgres test cluster: run through scripts/postgres.sh (npm run test:pg)');
  return url;
}

/** The URL of another database on the same cluster. */
export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the migrated template once per cluster (the first worker does it, the others wait). */
async function ensureTemplate(admin: Client): Promise<void> {
  await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const { rows } = await admin.query<{ datistemplate: boolean }>(
      'SELECT datistemplate FROM pg_database WHERE datname = $1',
      [TEMPLATE],
    );
    if (rows[0]?.datistemplate) return;
    // A template left half-migrated by an interrupted run is made again.
    if (rows.length > 0) await admin.query(`DROP DATABASE ${TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
    const dataSource = new DataSource(
      buildDataSourceOptions({
        type: 'postgres',
        url: databaseUrl(TEMPLATE),
        ...POSTGRES_DEFAULTS,
      }),
    );
    await dataSource.initialize(); // runs the migrations
    await dataSource.destroy();
    await admin.query(`ALTER DATABASE ${TEMPLATE} IS_TEMPLATE true`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

/** A fresh, migrated, empty database; its URL. */
export async function createTestDatabase(
  name = `zt_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
): Promise<string> {
  await withAdmin(async (admin) => {
    await ensureTemplate(admin);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  });
  return databaseUrl(name);
}

/** An empty database without any table (for migration tests); its URL. */
export async function createEmptyDatabase(
  name = `ze_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
): Promise<string> {
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  return databaseUrl(name);
}

/** Drops a test database, closing whatever is still connected to it. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * The database of a test folder: the one it used before (an app restarted on the same folder),
 * or a fresh one remembered in the folder.
 */
export async function testDatabaseOfFolder(dir: string): Promise<string> {
  const file = join(dir, DATABASE_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const url = await createTestDatabase();
  writeFileSync(file, url);
  return url;
}
