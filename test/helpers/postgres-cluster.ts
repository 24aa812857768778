import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The one place a test cluster is made, started and stopped (scripts/postgres.sh uses it too). */
const CLUSTER_SCRIPT = resolve(__dirname, '..', '..', 'scripts', 'postgres-cluster.sh');

/** A Postgres cluster of one test file's own, which it may stop and start. */
export interface PostgresCluster {
  /** The superuser's URL of its `postgres` database. */
  url: string;
  /** Its folder: data, socket, logs. */
  dir: string;
  /** A fast shutdown (`pg_ctl stop -m fast`): sessions are ended with 57P01, as on a restart. */
  stop(): Promise<void>;
  /** Starts it again and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

const cluster = (...args: string[]) => run('bash', [CLUSTER_SCRIPT, ...args]).then(() => undefined);

/**
 * A throwaway cluster in a temporary folder, as scripts/postgres.sh makes the shared one: for tests
 * that stop the database, which must never stop the cluster other test files run on.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'zigral-pg-own-'));
  const port = await freePort();
  try {
    await cluster('init', dir, String(port));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop: () => cluster('stop', dir, 'fast'),
    start: () => cluster('start', dir),
    destroy: async () => {
      await cluster('stop', dir, 'immediate').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
