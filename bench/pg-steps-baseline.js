'use strict';

/**
 * Raw baseline of a durable step on Postgres (forked by postgres.js): the very statements the
 * service sent to Postgres for one job, replayed through `pg` with the service out of the way.
 *
 * postgres.js runs a traced service (lib/pg-recorder.js records every statement it sends through
 * `pg`, with its parameters as sent) and one job of each size through the API, one at a time.
 * From that trace this worker takes each job's transactions: every BEGIN … COMMIT whose
 * statements name the job (its creation, the claim with the first step's start, each step's
 * writes: job row, checkpoint, context entry, events and their NOTIFY; the finish). Reads outside
 * a transaction (the API's GET and the event stream's queries) and idle claims are left out.
 *
 * It then replays them, job after job, by `workers` callers in a closed loop on a pool of
 * `connections`, each job under a new id (the recorded id replaced in every parameter). The
 * claim is replayed as recorded and takes whichever job is queued first, as the runner's does;
 * the rest of that job's statements then name the job it took.
 *
 * Usage: node bench/pg-steps-baseline.js <database url> <trace file> <seconds> <connections>
 *          <postgres data folder or -> <scenario>…
 * scenario: <steps>x<workers>:<recorded job id>[:nosync], `nosync` with synchronous_commit off.
 * Sends `{ results: [{ steps, concurrency, jobs, stepsPerSecond, p50, ... }], transactions }`.
 */
const fs = require('node:fs');
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Pool } = require('pg');
const { clusterCpuMs } = require('./lib/postgres-cpu');

const [url, traceFile, secondsArg, connectionsArg, dataDir, ...scenarioArgs] =
  process.argv.slice(2);

/** The recorded statements, grouped into transactions per connection, in the order they began. */
function readTransactions(file) {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line, index) => ({ ...JSON.parse(line), index }));
  const open = new Map();
  const units = [];
  for (const line of lines) {
    const verb = line.text.trim().toUpperCase();
    if (verb === 'BEGIN' || verb.startsWith('START TRANSACTION')) {
      open.set(line.c, { first: line.index, statements: [line] });
    } else if (open.has(line.c)) {
      const unit = open.get(line.c);
      unit.statements.push(line);
      if (verb === 'COMMIT' || verb === 'ROLLBACK') {
        open.delete(line.c);
        if (verb === 'COMMIT') units.push(unit);
      }
    }
  }
  return units.sort((a, b) => a.first - b.first).map((unit) => unit.statements);
}

/** The committed transactions that name the job in a parameter. */
function transactionsOfJob(transactions, jobId) {
  const chosen = transactions.filter((statements) =>
    statements.some((s) => s.values.some((v) => typeof v === 'string' && v.includes(jobId))),
  );
  if (chosen.length === 0) throw new Error(`no transaction of job ${jobId} in the trace`);
  for (const statements of chosen) {
    for (const s of statements) {
      if (s.values.some((v) => v !== null && typeof v !== 'string')) {
        throw new Error(`a parameter of "${s.text.slice(0, 60)}" is neither text nor null`);
      }
    }
  }
  return chosen;
}

/** The claim came up empty: another worker's claim holds the queued job this one would take. */
class ClaimMissed extends Error {}

/** Most times a claim is tried again at once before the job counts as failed. */
const CLAIM_TRIES = 1000;

/**
 * One replayed job: its transactions in order, the recorded id replaced by the current one.
 * Resolves its duration and how many claims came up empty (SKIP LOCKED: a claim may pass over
 * the one queued job while another claim holds it, and miss a job committed after its snapshot);
 * such a claim is rolled back and made again at once, where the runner would poll.
 */
async function replayJob(pool, transactions, recordedId) {
  let jobId = randomUUID();
  let missedClaims = 0;
  const started = performance.now();
  for (const statements of transactions) {
    for (let attempt = 1; ; attempt++) {
      try {
        jobId = await replayTransaction(pool, statements, recordedId, jobId);
        break;
      } catch (error) {
        if (!(error instanceof ClaimMissed) || attempt === CLAIM_TRIES) throw error;
        missedClaims++;
      }
    }
  }
  return { ms: performance.now() - started, missedClaims };
}

/** One transaction on one connection; resolves the job id the rest of the job names. */
async function replayTransaction(pool, statements, recordedId, jobId) {
  const client = await pool.connect();
  let broken = false;
  let current = jobId;
  // Reads `current` when called: the statements after the claim name the job it took.
  const swap = (value) =>
    typeof value === 'string' ? value.split(recordedId).join(current) : value;
  try {
    for (const statement of statements) {
      const namesJob = statement.values.some(
        (v) => typeof v === 'string' && v.includes(recordedId),
      );
      const result = await client.query(statement.text, statement.values.map(swap));
      // The claim names no job: it takes the oldest queued one, which the rest then names.
      if (!namesJob && /UPDATE jobs/i.test(statement.text)) {
        if (typeof result.rows?.[0]?.id === 'string') current = result.rows[0].id;
        else if (result.rowCount === 0) throw new ClaimMissed('the claim found no queued job');
      }
    }
    return current;
  } catch (error) {
    broken = !(await client.query('ROLLBACK').then(
      () => true,
      () => false,
    ));
    throw error;
  } finally {
    client.release(broken);
  }
}

function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function drive(pool, { transactions, recordedId, workers }, seconds) {
  const latencies = [];
  const failures = [];
  let missedClaims = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      try {
        const job = await replayJob(pool, transactions, recordedId);
        latencies.push(job.ms);
        missedClaims += job.missedClaims;
      } catch (error) {
        failures.push(error.message);
        return;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, worker));
  return { latencies, failures, missedClaims, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const seconds = Number(secondsArg);
  const pools = {
    sync: new Pool({ connectionString: url, max: Number(connectionsArg) }),
    nosync: new Pool({
      connectionString: url,
      max: Number(connectionsArg),
      options: '-c synchronous_commit=off',
    }),
  };
  const databaseCpuMs = dataDir && dataDir !== '-' ? () => clusterCpuMs(dataDir) : () => NaN;
  const transactions = readTransactions(traceFile);
  const results = [];
  const shapes = {};
  try {
    for (const arg of scenarioArgs) {
      const [, steps, workers, recordedId, mode = 'sync'] = /^(\d+)x(\d+):([^:]+)(?::(\w+))?$/.exec(
        arg,
      );
      const pool = pools[mode];
      const scenario = {
        transactions: transactionsOfJob(transactions, recordedId),
        recordedId,
        workers: Number(workers),
      };
      shapes[steps] ??= scenario.transactions.map((statements) => statements.map((s) => s.text));
      await drive(pool, scenario, 1); // warm-up
      const cpuBefore = process.cpuUsage();
      const databaseBefore = databaseCpuMs();
      const run = await drive(pool, scenario, seconds);
      const cpu = process.cpuUsage(cpuBefore);
      const databaseMs = databaseCpuMs() - databaseBefore;
      const stepCount = run.latencies.length * Number(steps);
      const sorted = run.latencies.sort((a, b) => a - b);
      results.push({
        steps: Number(steps),
        concurrency: Number(workers),
        synchronousCommit: mode === 'sync',
        jobs: run.latencies.length,
        transactionsPerJob: scenario.transactions.length,
        statementsPerJob: scenario.transactions.reduce((n, t) => n + t.length, 0),
        seconds: run.seconds,
        missedClaims: run.missedClaims,
        stepsPerSecond: stepCount / run.seconds,
        p50: percentile(sorted, 0.5),
        p99: percentile(sorted, 0.99),
        cpuUsPerStep: (cpu.user + cpu.system) / stepCount,
        databaseCpuUsPerStep: (databaseMs * 1000) / stepCount,
        failures: run.failures,
      });
    }
  } finally {
    await Promise.all(Object.values(pools).map((pool) => pool.end()));
  }
  return { results, shapes };
}

main().then(
  (message) => process.send(message, () => process.exit(0)),
  (error) => process.send({ error: error.stack || String(error) }, () => process.exit(1)),
);
