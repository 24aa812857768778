'use strict';

/**
 * The Postgres part of `npm run bench`, on a throwaway cluster of its own (scripts/postgres.sh
 * with durable settings: fsync and synchronous commit on), each part on a database of its own,
 * created empty and migrated by the service at start:
 *   1. the Context routes (as on SQLite: seeded, then each route driven by autocannon);
 *   2. durable jobs (jobs.js's scenarios) on one replica, then on two replicas (two service
 *      processes on one database, the clients spread over them);
 *   3. the raw baseline of a durable step (pg-steps-baseline.js): the statements the service's
 *      Postgres job store runs per step, sent through `pg` with as many connections;
 *   4. the peer: LangGraph JS with its Postgres checkpointer (peers/langgraph, its own package,
 *      installed on first use), a 5-node graph invoked in-process by 1 and by 10 callers;
 *   5. the prospects import and searches (prospects.js), on the CSV the SQLite part wrote.
 *
 * BENCH_PG_PARTS (e.g. `jobs,baseline`) runs only some parts, for quick iterations.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { jobBody, runJob, runJobsBench } = require('./jobs');
const { runProspectsBench } = require('./prospects');
const { forkWorker } = require('./lib/children');
const { runContextRoutes } = require('./lib/context-routes');
const { startCluster } = require('./lib/postgres-cluster');
const { renderPostgresReport } = require('./lib/postgres-report');
const { startService } = require('./lib/service');

const PEER_DIR = path.join(__dirname, 'peers', 'langgraph');
const ALL_PARTS = ['context', 'jobs', 'baseline', 'peer', 'prospects'];
/** Connections of each service process (the service's DATABASE_POOL_SIZE default). */
const POOL_SIZE = 10;

function selectParts(spec = process.env.BENCH_PG_PARTS) {
  if (!spec) return new Set(ALL_PARTS);
  const parts = spec.split(',').map((part) => part.trim());
  const unknown = parts.filter((part) => !ALL_PARTS.includes(part));
  if (unknown.length > 0) {
    throw new Error(`BENCH_PG_PARTS: unknown ${unknown.join(', ')} (of ${ALL_PARTS.join(', ')})`);
  }
  return new Set(parts);
}

/** The peer's own dependencies, installed from its lock file when missing. */
function installPeer() {
  if (fs.existsSync(path.join(PEER_DIR, 'node_modules', '@langchain', 'langgraph'))) return;
  console.log('Installing the LangGraph peer (npm ci --prefix bench/peers/langgraph)...');
  execFileSync('npm', ['ci', '--prefix', PEER_DIR, '--ignore-scripts', '--no-audit', '--no-fund'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 300_000,
  });
}

function peerVersions() {
  const lock = JSON.parse(fs.readFileSync(path.join(PEER_DIR, 'package-lock.json'), 'utf8'));
  const version = (name) => lock.packages[`node_modules/${name}`]?.version ?? '?';
  return {
    langgraph: version('@langchain/langgraph'),
    checkpointer: version('@langchain/langgraph-checkpoint-postgres'),
  };
}

async function runPeer(url, dataDir, settings) {
  installPeer();
  console.log('Peer: LangGraph JS with PostgresSaver, 5-node graph, in-process...');
  const seconds = settings.jobSeconds;
  const timeoutMs = (4 * (seconds + 1) * 3 + 120) * 1000;
  const { message } = forkWorker(
    path.join(PEER_DIR, 'run.js'),
    [
      url,
      String(seconds),
      '1',
      String(POOL_SIZE),
      '1,10',
      'sync,async',
      ...(dataDir ? [dataDir] : []),
    ],
    timeoutMs,
  );
  const { results } = await message;
  return { results, versions: peerVersions() };
}

/**
 * The raw baseline: a traced service (lib/pg-recorder.js) on a database of its own runs one
 * 5-step and one 20-step job, one at a time after a warm-up job; pg-steps-baseline.js then
 * replays those jobs' transactions on the same database through `pg`, with `connections`.
 */
async function runBaseline({ distMain, dir, cluster, settings, connections }) {
  console.log('Raw baseline: tracing what the service sends to Postgres for one job...');
  const url = await cluster.createDatabase('bench_raw');
  const traceDir = path.join(dir, 'trace');
  fs.mkdirSync(traceDir, { recursive: true });
  const traceFile = path.join(traceDir, 'statements.jsonl');
  const service = await startService({
    distMain,
    tmpDir: traceDir,
    logLevel: settings.logLevel,
    env: { JOB_CONCURRENCY: '10', DATABASE_URL: url, BENCH_PG_TRACE: traceFile },
    nodeArgs: ['--require', path.join(__dirname, 'lib', 'pg-recorder.js')],
  });
  const traced = {};
  try {
    await runJob(service.baseUrl, jobBody(5)); // warm-up: first statements, prepared plans
    for (const steps of [5, 20])
      traced[steps] = (await runJob(service.baseUrl, jobBody(steps))).jobId;
  } finally {
    await service.stop();
  }
  console.log(
    `Raw baseline: replaying those jobs' transactions through pg, ${connections} connections...`,
  );
  const seconds = settings.jobSeconds;
  // Then, report only, the 5-step replays again with synchronous_commit off (no wait for the WAL
  // flush at commit): what the disk's flushes cost.
  const scenarios = [`5x1:${traced[5]}`, `5x10:${traced[5]}`, `20x10:${traced[20]}`];
  scenarios.push(`5x1:${traced[5]}:nosync`, `5x10:${traced[5]}:nosync`);
  const { message } = forkWorker(
    path.join(__dirname, 'pg-steps-baseline.js'),
    [url, traceFile, String(seconds), String(connections), cluster.data ?? '-', ...scenarios],
    (scenarios.length * (seconds + 1) * 3 + 60) * 1000,
  );
  return message;
}

/**
 * Runs the parts on a cluster of their own and resolves { results, table } (markdown, with the
 * SQLite figures of the same run beside: `sqlite` = { routes, jobs, prospects }, any missing).
 */
async function runPostgresBench({ distMain, tmpDir, settings, sqlite = {}, csv }) {
  const parts = selectParts();
  const cluster = await startCluster();
  const dir = path.join(tmpDir, 'postgres');
  fs.mkdirSync(dir, { recursive: true });
  const results = { cluster: cluster.description, durable: cluster.durable, poolSize: POOL_SIZE };
  const database = async (name) => ({
    url: await cluster.createDatabase(name),
    cpuTimeMs: cluster.cpuTimeMs,
  });
  try {
    if (parts.has('context')) {
      results.context = await runContextRoutes({
        distMain,
        tmpDir: path.join(dir, 'context'),
        settings,
        env: { DATABASE_URL: (await database('bench_context')).url },
        databaseCpuMs: cluster.cpuTimeMs,
        label: 'Postgres',
      });
    }
    if (parts.has('jobs')) {
      results.jobs = {};
      for (const replicas of [1, 2]) {
        const postgres = { ...(await database(`bench_jobs_${replicas}`)), replicas };
        results.jobs[replicas] = await runJobsBench({ distMain, tmpDir: dir, settings, postgres });
      }
    }
    if (parts.has('baseline')) {
      // As many connections as the two replicas have together.
      const connections = 2 * POOL_SIZE;
      const baseline = await runBaseline({ distMain, dir, cluster, settings, connections });
      results.baseline = { connections, ...baseline };
    }
    if (parts.has('peer')) {
      results.peer = await runPeer((await database('bench_langgraph')).url, cluster.data, settings);
    }
    if (parts.has('prospects')) {
      results.prospects = (
        await runProspectsBench({
          distMain,
          tmpDir: dir,
          settings: settings.prospects,
          postgres: await database('bench_prospects'),
          csv,
        })
      ).results;
    }
  } finally {
    await cluster.stop();
  }
  return { results, table: renderPostgresReport({ results, sqlite, settings }) };
}

module.exports = { runPostgresBench };
