'use strict';

const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { Client } = require('pg');
const { isRunning } = require('./children');
const { clusterCpuMs } = require('./postgres-cpu');

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * A throwaway Postgres cluster for the benchmark, started by `scripts/postgres.sh` as the tests
 * start theirs, with ZIGRAL_PG_DURABLE=1: fsync, full page writes and synchronous commit on, as
 * a production server runs. The script's command is a small node program that prints the
 * cluster's settings and waits for its stdin to close; closing it (or this process dying, which
 * closes it too) lets the script stop the server and remove its folder.
 *
 * When ZIGRAL_TEST_POSTGRES_URL is set (the bench itself runs under scripts/postgres.sh), that
 * cluster is used as it is, and the report shows its fsync and synchronous_commit settings.
 */
async function startCluster() {
  if (process.env.ZIGRAL_TEST_POSTGRES_URL) {
    return describeCluster({
      url: process.env.ZIGRAL_TEST_POSTGRES_URL,
      data: process.env.ZIGRAL_TEST_POSTGRES_DATA,
      stop: async () => {},
    });
  }
  console.log('Starting a throwaway Postgres cluster (scripts/postgres.sh, durable settings)...');
  const hold =
    'process.stdout.write(JSON.stringify({url:process.env.ZIGRAL_TEST_POSTGRES_URL,' +
    'data:process.env.ZIGRAL_TEST_POSTGRES_DATA})+"\\n");' +
    'process.stdin.resume();process.stdin.on("end",()=>process.exit(0))';
  const child = spawn('bash', [path.join(ROOT, 'scripts', 'postgres.sh'), 'node', '-e', hold], {
    env: { ...process.env, ZIGRAL_PG_DURABLE: '1' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const line = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('Postgres did not start within 120 s')),
      120_000,
    );
    readline.createInterface({ input: child.stdout }).once('line', (text) => {
      clearTimeout(timer);
      resolve(text);
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`scripts/postgres.sh exited (${code}) before the cluster was up`));
    });
  });
  const { url, data } = JSON.parse(line);
  return describeCluster({
    url,
    data,
    /** Ends the holder; the script stops the server and removes its folder. */
    stop: async () => {
      if (!isRunning(child)) return;
      child.stdin.end();
      let timer;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
      clearTimeout(timer);
    },
  });
}

async function withClient(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function describeCluster({ url, data, stop }) {
  const settings = await withClient(url, async (client) => {
    const { rows } = await client.query(
      "SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'fsync', " +
        "'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_connections')",
    );
    return Object.fromEntries(rows.map((row) => [row.name, row]));
  });
  const show = (name) => settings[name]?.setting;
  const sharedBuffersMb = (Number(show('shared_buffers')) * 8) / 1024;
  return {
    url,
    data,
    stop,
    version: show('server_version'),
    durable: show('fsync') === 'on' && show('synchronous_commit') === 'on',
    description:
      `Postgres ${show('server_version')}, fsync=${show('fsync')}, ` +
      `synchronous_commit=${show('synchronous_commit')}, full_page_writes=${show('full_page_writes')}, ` +
      `shared_buffers=${sharedBuffersMb} MB, on 127.0.0.1 on the same machine (it shares the ` +
      'cores with the service and the load generator)',
    /** A fresh, empty database of the cluster; its URL (the service migrates it at start). */
    async createDatabase(name) {
      await withClient(url, (client) => client.query(`CREATE DATABASE ${name}`));
      const database = new URL(url);
      database.pathname = `/${name}`;
      return database.toString();
    },
    /** Drops a database, closing whatever is still connected to it. */
    async dropDatabase(name) {
      await withClient(url, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
    /**
     * CPU time (ms) the whole server has used so far: the postmaster, its live processes
     * (backends, WAL writer, checkpointer...), and the processes that already exited (counted in
     * the postmaster's children times). Null when the data folder is unknown. Linux only.
     */
    cpuTimeMs: data ? () => clusterCpuMs(data) : () => NaN,
  };
}

module.exports = { startCluster, withClient };
