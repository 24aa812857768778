'use strict';

/* global fetch, AbortSignal */

/**
 * The prospect database under a bulk import and searches:
 *   1. a fictional 100,000-row Apollo-style CSV (BENCH_IMPORT_ROWS) written to a temp file;
 *   2. baselines in their own process (prospects-baseline.js): csv-parse alone, and csv-parse +
 *      raw better-sqlite3 INSERTs into the service's tables;
 *   3. the service (dist/main.js, production settings, no sample data) imports the file through
 *      POST /prospects/import, streamed as a text/csv body: rows/s, and the service's RSS (idle
 *      before, peak during);
 *   4. GET /prospects with realistic filter mixes over the imported rows, and jobs of one
 *      prospects.search step through POST /jobs, one client at a time: p50/p99 latency.
 */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { forkWorker } = require('./lib/children');
const { sampleRss } = require('./lib/proc');
const { writeProspectsCsv } = require('./lib/prospects-csv');
const { renderProspectsReport } = require('./lib/prospects-report');
const { startService } = require('./lib/service');

const REQUEST_TIMEOUT_MS = 10_000;

/** Searches a sales user runs (each `limit` is a page), over the benchmark file's vocabulary. */
const SEARCHES = [
  { name: 'title + country', query: 'title=VP%20Sales&country=Germany&limit=20' },
  {
    name: 'seniority + industry + size',
    query: 'seniority=c_level,vp&industry=Software&employees_min=50&employees_max=500&limit=20',
  },
  { name: 'title + cities', query: 'title=CTO&city=Berlin,Munich,Vienna&limit=20' },
  {
    name: 'department + countries + tag',
    query: 'department=Marketing&country=France,Spain&tag=saas&limit=50',
  },
  { name: 'free text', query: 'q=greta%20fischer&limit=20' },
];
const JOB_SEARCH = {
  objective: 'Bench: one prospects.search step',
  job_type: 'bench',
  steps: [
    {
      agent: 'prospects',
      action: 'search',
      params: { titles: ['VP of Sales'], countries: ['Germany'], employees_min: 50, limit: 100 },
    },
  ],
};

function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const latencyOf = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), count: sorted.length };
};

/**
 * Streams the file as the body of POST /prospects/import; resolves the answer and the time.
 * `timeoutMs`: how long the import may take.
 */
async function importFile(baseUrl, file, timeoutMs = 600_000, query = '') {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/prospects/import?source=bench${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'content-length': String(fs.statSync(file).size) },
    body: fs.createReadStream(file),
    duplex: 'half',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await response.json();
  if (response.status !== 200)
    throw new Error(`import answered ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
  return { body, seconds: (performance.now() - started) / 1000 };
}

/** `count` sequential GETs of one search (after a few unmeasured); resolves p50/p99 and totals. */
async function timeSearch(baseUrl, { query }, count) {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/prospects?${query}`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`GET /prospects?${query}: ${response.status}`);
    return { ms: performance.now() - started, total: body.total };
  };
  for (let i = 0; i < 5; i++) await once();
  const samples = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const result = await once();
    samples.push(result.ms);
    total = result.total;
  }
  return { ...latencyOf(samples), total };
}

/** Creates a job with one prospects.search step and reads its event stream to the end. */
async function runSearchJob(baseUrl) {
  const started = performance.now();
  const created = await fetch(`${baseUrl}/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(JOB_SEARCH),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const job = await created.json();
  if (created.status !== 201) throw new Error(`POST /jobs answered ${created.status}`);
  const stream = await fetch(`${baseUrl}/jobs/${job.job_id}/events`, {
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await stream.text();
  const finished = text
    .split('\n\n')
    .map((message) => message.split('\n'))
    .find((lines) => lines.includes('event: job_finished'));
  const data = finished?.find((line) => line.startsWith('data: '));
  const status = data ? JSON.parse(data.slice('data: '.length)).status : 'no job_finished';
  if (status !== 'succeeded') throw new Error(`search job ${job.job_id}: ${status}`);
  return performance.now() - started;
}

async function baselines(csvFile, serviceDb, dir) {
  console.log('Baselines: csv-parse alone, csv-parse + raw better-sqlite3 INSERTs...');
  const { message } = forkWorker(
    path.join(__dirname, 'prospects-baseline.js'),
    [csvFile, serviceDb, path.join(dir, 'baseline.sqlite')],
    300_000,
  );
  return message;
}

/**
 * `postgres` (optional): `{ url, cpuTimeMs }`, the service on that Postgres database instead of
 * SQLite; the raw baselines are better-sqlite3's and run only on SQLite. `csv` (optional): the
 * file an earlier run wrote, `{ path, ...writeProspectsCsv's answer }`, reused as it is.
 */
async function runProspectsBench({ distMain, tmpDir, settings, postgres, csv }) {
  const dir = path.join(tmpDir, postgres ? 'prospects-postgres' : 'prospects');
  fs.mkdirSync(dir, { recursive: true });
  let csvFile = csv?.path;
  let file = csv;
  if (!csvFile) {
    csvFile = path.join(dir, 'prospects.csv');
    console.log(`Writing a ${settings.importRows.toLocaleString('en-US')}-row CSV...`);
    file = { path: csvFile, ...(await writeProspectsCsv(csvFile, settings.importRows)) };
  }
  const service = await startService({
    distMain,
    tmpDir: dir,
    logLevel: settings.logLevel,
    env: { SEED_SAMPLE_DATA: 'false', ...(postgres && { DATABASE_URL: postgres.url }) },
    // Diagnosis only, e.g. BENCH_SERVICE_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
    nodeArgs: (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
  });
  const databaseCpuMs = postgres?.cpuTimeMs ?? (() => NaN);
  const on = postgres ? ' (Postgres)' : '';
  try {
    const baseline = postgres
      ? undefined
      : await baselines(csvFile, path.join(dir, 'bench.sqlite'), dir);
    const idleRssMb = sampleRss(service.pid).stop();
    console.log(`Import${on}: POST /prospects/import (text/csv, streamed)...`);
    const cpuBefore = service.cpuTimeMs();
    const databaseBefore = databaseCpuMs();
    const imported = await importFile(service.baseUrl, csvFile);
    imported.cpuUsPerRow = ((service.cpuTimeMs() - cpuBefore) * 1000) / imported.body.rows;
    imported.databaseCpuUsPerRow = ((databaseCpuMs() - databaseBefore) * 1000) / imported.body.rows;
    const importPeakRssMb = sampleRss(service.pid).stop();
    service.assertRunning();
    const searches = [];
    for (const search of SEARCHES) {
      console.log(`Search${on}: ${search.name}...`);
      const searchCpuBefore = service.cpuTimeMs();
      const searchDatabaseBefore = databaseCpuMs();
      const timed = await timeSearch(service.baseUrl, search, settings.searchCount);
      const cpuMs = (service.cpuTimeMs() - searchCpuBefore) / (timed.count + 5);
      const databaseMs = (databaseCpuMs() - searchDatabaseBefore) / (timed.count + 5);
      searches.push({ ...search, ...timed, cpuMs, databaseCpuMs: databaseMs });
    }
    console.log(`Search jobs${on}: POST /jobs with one prospects.search step...`);
    const jobMs = [];
    for (let i = 0; i < settings.searchJobs; i++) jobMs.push(await runSearchJob(service.baseUrl));
    const results = {
      file,
      baseline,
      idleRssMb,
      importPeakRssMb,
      imported,
      searches,
      job: latencyOf(jobMs),
    };
    return { results, table: postgres ? undefined : renderProspectsReport(results) };
  } finally {
    await service.stop();
  }
}

/** Settings of this part, from the environment. */
function prospectsSettings(logLevel) {
  return {
    importRows: Number(process.env.BENCH_IMPORT_ROWS) || 100_000,
    searchCount: Number(process.env.BENCH_SEARCH_REQUESTS) || 200,
    searchJobs: Number(process.env.BENCH_SEARCH_JOBS) || 30,
    logLevel,
  };
}

module.exports = { runProspectsBench, prospectsSettings, importFile };

// `node bench/prospects.js` runs this part alone (after `npm run build`).
if (require.main === module) {
  const os = require('node:os');
  const { installCleanup } = require('./lib/children');
  installCleanup(15 * 60 * 1000);
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zigral-bench-prospects-'));
  process.once('exit', () => fs.rmSync(tmpDir, { recursive: true, force: true }));
  const distMain = path.resolve(__dirname, '..', 'dist', 'main.js');
  const settings = prospectsSettings(process.env.BENCH_LOG_LEVEL || 'info');
  runProspectsBench({ distMain, tmpDir, settings })
    .then(({ table }) => console.log(`\n${table}`))
    .then(
      () => process.exit(0),
      (error) => {
        console.error(`Prospects bench failed: ${error.stack || error}`);
        process.exit(1);
      },
    );
}
