'use strict';

/* global fetch, AbortSignal */

/**
 * The durable job runner under load: jobs of 5 and 20 `core.set_context` steps created through
 * POST /jobs and followed to `succeeded`, by 1 and by 10 clients, each client starting its next job
 * once the last one finished (closed loop), for a bounded time per scenario after a warm-up.
 *
 * A job is followed through its SSE stream (GET /jobs/{id}/events, opened right after POST /jobs
 * answers): the stream replays what already happened, pushes each event as it commits and ends
 * after `job_finished`. Latency is what a client sees, from sending POST /jobs to reading
 * `job_finished`; unlike polling GET /jobs/{id} every few ms, it neither adds requests that compete
 * with the runner for the CPU nor rounds latency up to the poll interval. The server's own record
 * (finished_at - created_at, ms precision) is reported beside it, and every job is checked
 * afterwards: succeeded, each step succeeded, and (for a sample) one checkpoint per step.
 */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { startService } = require('./lib/service');
const { renderJobsTable } = require('./lib/jobs-report');

const ALL_SCENARIOS = [
  { steps: 5, concurrency: 1 },
  { steps: 20, concurrency: 1 },
  { steps: 5, concurrency: 10 },
  { steps: 20, concurrency: 10 },
];

/**
 * BENCH_JOBS_SCENARIOS (e.g. `5x10,20x10`) runs only some scenarios, for quick iterations; the
 * report of a full run has all four.
 */
function selectScenarios(spec = process.env.BENCH_JOBS_SCENARIOS) {
  if (!spec) return ALL_SCENARIOS;
  const wanted = new Set(spec.split(',').map((entry) => entry.trim()));
  const chosen = ALL_SCENARIOS.filter((s) => wanted.has(`${s.steps}x${s.concurrency}`));
  if (chosen.length === 0) throw new Error(`BENCH_JOBS_SCENARIOS matches none: ${spec}`);
  return chosen;
}
const SCENARIOS = selectScenarios();
/** Jobs per scenario whose checkpoints are fetched and counted after the run. */
const CHECKPOINT_SAMPLE = 20;
const REQUEST_TIMEOUT_MS = 10_000;
const JSON_HEADERS = { 'content-type': 'application/json' };

/** A job of `steps` set_context steps, each writing its own key. */
function jobBody(steps) {
  return JSON.stringify({
    objective: `Bench: ${steps} set_context steps`,
    job_type: 'bench',
    steps: Array.from({ length: steps }, (_, i) => ({
      agent: 'core',
      action: 'set_context',
      params: { values: { [`k${i}`]: i } },
    })),
  });
}

async function getJson(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  return body;
}

/** The status `job_finished` reports in an SSE body (event, id, data lines per message). */
function finishedStatus(text) {
  for (const message of text.split('\n\n')) {
    const lines = message.split('\n');
    if (!lines.includes('event: job_finished')) continue;
    const data = lines.find((line) => line.startsWith('data: '));
    return data ? JSON.parse(data.slice('data: '.length)).status : undefined;
  }
  return undefined;
}

/** Creates one job and reads its event stream to the end; resolves the client-side latency. */
async function runJob(baseUrl, body) {
  const started = performance.now();
  const created = await fetch(`${baseUrl}/jobs`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const job = await created.json();
  if (created.status !== 201) {
    throw new Error(`POST /jobs answered ${created.status} ${JSON.stringify(job)}`);
  }
  const stream = await fetch(`${baseUrl}/jobs/${job.job_id}/events`, {
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await stream.text();
  const ms = performance.now() - started;
  const status = finishedStatus(text) ?? 'stream ended without job_finished';
  if (status !== 'succeeded') throw new Error(`job ${job.job_id}: ${status}`);
  return { jobId: job.job_id, ms, baseUrl };
}

/**
 * `concurrency` clients in a closed loop for `seconds`; a client stops at its first failure.
 * Client k talks to `baseUrls[k % baseUrls.length]` (one URL per replica of the service).
 */
async function drive(baseUrls, { steps, concurrency }, seconds) {
  const body = jobBody(steps);
  const jobs = [];
  const failures = [];
  const deadline = performance.now() + seconds * 1000;
  const client = async (_, k) => {
    const baseUrl = baseUrls[k % baseUrls.length];
    while (performance.now() < deadline) {
      try {
        jobs.push(await runJob(baseUrl, body));
      } catch (error) {
        failures.push(error.message);
        return;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  return { jobs, failures, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** After the run: each job succeeded with every step; a sample has one checkpoint per step. */
async function verify(jobs, steps) {
  const problems = [];
  const serverMs = [];
  for (const { jobId, baseUrl } of jobs) {
    const job = await getJson(`${baseUrl}/jobs/${jobId}`);
    serverMs.push(Date.parse(job.finished_at) - Date.parse(job.created_at));
    if (job.status !== 'succeeded' || job.steps.some((step) => step.status !== 'succeeded')) {
      problems.push(`${jobId} is ${job.status}`);
    }
  }
  for (const { jobId, baseUrl } of jobs.slice(0, CHECKPOINT_SAMPLE)) {
    const checkpoints = await getJson(`${baseUrl}/jobs/${jobId}/checkpoints`);
    if (checkpoints.length !== steps) {
      problems.push(`${jobId} has ${checkpoints.length} checkpoints for ${steps} steps`);
    }
  }
  return { problems, serverMs: serverMs.sort((a, b) => a - b) };
}

/**
 * One scenario on the service's replicas (their CPU time added up); `databaseCpuMs` (optional)
 * reads a database server's CPU time, to report its cost per step too.
 */
async function measureScenario(services, scenario, settings, databaseCpuMs) {
  const baseUrls = services.map((service) => service.baseUrl);
  const serviceCpuMs = () => services.reduce((sum, service) => sum + service.cpuTimeMs(), 0);
  if (settings.warmup > 0) await drive(baseUrls, scenario, Math.min(settings.warmup, 1));
  const cpuBefore = serviceCpuMs();
  const databaseCpuBefore = databaseCpuMs?.();
  const run = await drive(baseUrls, scenario, settings.jobSeconds);
  const cpuMs = serviceCpuMs() - cpuBefore;
  const databaseMs = databaseCpuMs ? databaseCpuMs() - databaseCpuBefore : NaN;
  for (const service of services) service.assertRunning();
  const { problems, serverMs } = await verify(run.jobs, scenario.steps);
  const latencies = run.jobs.map((job) => job.ms).sort((a, b) => a - b);
  const stepCount = run.jobs.length * scenario.steps;
  return {
    ...scenario,
    jobs: run.jobs.length,
    seconds: run.seconds,
    jobsPerSecond: run.jobs.length / run.seconds,
    stepsPerSecond: stepCount / run.seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    serverP50: percentile(serverMs, 0.5),
    serverP99: percentile(serverMs, 0.99),
    cpuUsPerStep: (cpuMs * 1000) / stepCount,
    databaseCpuUsPerStep: (databaseMs * 1000) / stepCount,
    failures: [...run.failures, ...problems],
  };
}

/**
 * Starts the service on its own temporary database with JOB_CONCURRENCY at the highest client
 * concurrency, runs every scenario, and resolves { results, table } (markdown).
 *
 * `postgres` (optional) runs it on Postgres instead of SQLite: `{ url, replicas, cpuTimeMs }`,
 * `replicas` service processes on the database of `url` (started one after the other, so the
 * first alone migrates it), the clients spread over them; `cpuTimeMs` reads the server's CPU time.
 */
async function runJobsBench({ distMain, tmpDir, settings, postgres }) {
  const replicas = postgres?.replicas ?? 1;
  const dir = path.join(tmpDir, postgres ? `jobs-postgres-${replicas}` : 'jobs');
  const jobConcurrency = Math.max(...ALL_SCENARIOS.map((scenario) => scenario.concurrency));
  const where = postgres ? ` on Postgres, ${replicas} replica${replicas > 1 ? 's' : ''}` : '';
  console.log(`Starting the service for jobs${where} (JOB_CONCURRENCY=${jobConcurrency})...`);
  const services = [];
  const results = [];
  try {
    for (let replica = 1; replica <= replicas; replica++) {
      const serviceDir = replicas > 1 ? path.join(dir, `replica-${replica}`) : dir;
      fs.mkdirSync(serviceDir, { recursive: true });
      services.push(
        await startService({
          distMain,
          tmpDir: serviceDir,
          logLevel: settings.logLevel,
          env: {
            JOB_CONCURRENCY: String(jobConcurrency),
            ...(postgres && { DATABASE_URL: postgres.url }),
          },
          // Diagnosis only, e.g. BENCH_SERVICE_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
          nodeArgs: (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
        }),
      );
    }
    for (const scenario of SCENARIOS) {
      console.log(`Jobs${where}: ${scenario.steps} steps, ${scenario.concurrency} at a time...`);
      results.push(await measureScenario(services, scenario, settings, postgres?.cpuTimeMs));
    }
  } finally {
    for (const service of services) await service.stop();
  }
  return { results, jobConcurrency, table: renderJobsTable({ results, settings, jobConcurrency }) };
}

module.exports = { runJobsBench, runJob, jobBody };

// `node bench/jobs.js` runs this part alone (after `npm run build`).
if (require.main === module) {
  const os = require('node:os');
  const { installCleanup } = require('./lib/children');
  const seconds = Number(process.env.BENCH_JOBS_SECONDS) || 5;
  installCleanup((60 + SCENARIOS.length * (seconds + 1) * 3) * 1000);
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zigral-bench-jobs-'));
  process.once('exit', () => fs.rmSync(tmpDir, { recursive: true, force: true }));
  const settings = {
    jobSeconds: seconds,
    warmup: 1,
    logLevel: process.env.BENCH_LOG_LEVEL || 'info',
  };
  const distMain = path.resolve(__dirname, '..', 'dist', 'main.js');
  runJobsBench({ distMain, tmpDir, settings })
    .then(({ table }) => console.log(`\n${table}`))
    .then(
      () => process.exit(0),
      (error) => {
        console.error(`Jobs bench failed: ${error.stack || error}`);
        process.exit(1);
      },
    );
}
