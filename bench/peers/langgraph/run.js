'use strict';

/**
 * The peer of Zigral's durable jobs on Postgres (forked by bench/postgres.js, which installs this
 * folder's own dependencies with `npm ci` on first use): LangGraph JS's engine with its Postgres
 * checkpointer (`PostgresSaver`, `setup()` once), a graph of five nodes in a line, each setting
 * one key of the state (as each of Zigral's `core.set_context` steps sets one context key),
 * invoked in-process with a new thread per run by 1 and by 10 callers in a closed loop, for a
 * bounded time per scenario after a warm-up.
 *
 * Durability modes: `sync` commits each step's checkpoint before the next step starts (Zigral's
 * guarantee: one durable checkpoint per step); `async`, LangGraph's default, writes it while the
 * next step runs (the run still waits for every write before it returns).
 *
 * The checkpointer's pool has as many connections as a Zigral process (DATABASE_POOL_SIZE).
 * After each scenario a sample of threads is checked: seven checkpoints (the input's, the start
 * node's and one per node) and every key set.
 *
 * Usage: node run.js <postgres url> <seconds> <warm-up seconds> <pool size> [concurrencies] [modes]
 *          [postgres data folder]
 * e.g. `node run.js postgres://postgres@127.0.0.1:5432/peer 5 1 10 1,10 sync,async`. With the
 * server's data folder (same machine), its CPU time per step is reported too. Sends
 * `{ results: [...] }` over IPC when forked, else prints it as JSON.
 */
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Annotation, END, START, StateGraph } = require('@langchain/langgraph');
const { PostgresSaver } = require('@langchain/langgraph-checkpoint-postgres');
const pg = require('pg');

const NODES = 5;
const SAMPLE = 10;

const [
  url,
  secondsArg,
  warmupArg,
  poolArg,
  concurrencyArg = '1,10',
  modesArg = 'sync,async',
  dataDir,
] = process.argv.slice(2);
// The bench's own reader of a Postgres server's CPU time (no dependencies).
const databaseCpuMs = dataDir
  ? () => require('../../lib/postgres-cpu').clusterCpuMs(dataDir)
  : () => NaN;

const State = Annotation.Root({
  values: Annotation({ reducer: (left, right) => ({ ...left, ...right }), default: () => ({}) }),
});

function buildGraph(checkpointer) {
  let graph = new StateGraph(State);
  for (let i = 0; i < NODES; i++)
    graph = graph.addNode(`n${i}`, () => ({ values: { [`k${i}`]: i } }));
  graph = graph.addEdge(START, 'n0');
  for (let i = 1; i < NODES; i++) graph = graph.addEdge(`n${i - 1}`, `n${i}`);
  return graph.addEdge(`n${NODES - 1}`, END).compile({ checkpointer });
}

function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** `concurrency` callers in a closed loop for `seconds`; each run on a thread of its own. */
async function drive(graph, durability, concurrency, seconds) {
  const runs = [];
  const deadline = performance.now() + seconds * 1000;
  const caller = async () => {
    while (performance.now() < deadline) {
      const threadId = randomUUID();
      const started = performance.now();
      const state = await graph.invoke(
        { values: {} },
        { configurable: { thread_id: threadId }, durability },
      );
      if (Object.keys(state.values).length !== NODES)
        throw new Error(`run ${threadId}: ${JSON.stringify(state)}`);
      runs.push({ threadId, ms: performance.now() - started });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, caller));
  return { runs, seconds: (performance.now() - started) / 1000 };
}

/** A sample of the runs: seven checkpoints each (input, start, one per node), every key set. */
async function verify(checkpointer, runs) {
  const problems = [];
  for (const { threadId } of runs.slice(0, SAMPLE)) {
    const config = { configurable: { thread_id: threadId } };
    let count = 0;
    for await (const _tuple of checkpointer.list(config)) count++;
    const latest = await checkpointer.getTuple(config);
    const keys = Object.keys(latest?.checkpoint.channel_values.values ?? {}).length;
    if (count !== NODES + 2 || keys !== NODES) {
      problems.push(`thread ${threadId}: ${count} checkpoints, ${keys} keys`);
    }
  }
  return problems;
}

async function main() {
  const seconds = Number(secondsArg);
  const warmup = Number(warmupArg);
  const pool = new pg.Pool({ connectionString: url, max: Number(poolArg) });
  const checkpointer = new PostgresSaver(pool);
  await checkpointer.setup();
  const graph = buildGraph(checkpointer);
  const results = [];
  try {
    for (const durability of modesArg.split(',')) {
      for (const concurrency of concurrencyArg.split(',').map(Number)) {
        if (warmup > 0) await drive(graph, durability, concurrency, warmup);
        const cpuBefore = process.cpuUsage();
        const databaseBefore = databaseCpuMs();
        const run = await drive(graph, durability, concurrency, seconds);
        const cpu = process.cpuUsage(cpuBefore);
        const databaseMs = databaseCpuMs() - databaseBefore;
        const latencies = run.runs.map((r) => r.ms).sort((a, b) => a - b);
        const steps = run.runs.length * NODES;
        results.push({
          durability,
          concurrency,
          runs: run.runs.length,
          seconds: run.seconds,
          stepsPerSecond: steps / run.seconds,
          p50: percentile(latencies, 0.5),
          p99: percentile(latencies, 0.99),
          cpuUsPerStep: (cpu.user + cpu.system) / steps,
          databaseCpuUsPerStep: (databaseMs * 1000) / steps,
          failures: await verify(checkpointer, run.runs),
        });
      }
    }
  } finally {
    await checkpointer.end();
  }
  return results;
}

main().then(
  (results) => {
    if (process.send) process.send({ results }, () => process.exit(0));
    else console.log(JSON.stringify({ results }, null, 2));
  },
  (error) => {
    if (process.send) process.send({ error: error.stack || String(error) }, () => process.exit(1));
    else {
      console.error(error);
      process.exit(1);
    }
  },
);
