'use strict';

/* global fetch, AbortSignal, structuredClone */

/**
 * One job over a large prospect set, through POST /jobs: prospects.search (limit `prospects`)
 * → research.score_fit (threshold 0: every prospect kept) → email.draft → export.spreadsheet
 * (XLSX and CSV), offline (heuristic scores, template drafts: no LLM configured). Approval and
 * sending are not part of it. Reports the time of each step, the service's peak RSS while the
 * job ran, and the size of the largest checkpoint.
 *
 *   measureSetJob({ baseUrl, pid, prospects })  — against a running service holding at least
 *     `prospects` prospects (no sample data). The peak RSS is VmRSS polled every 100 ms during
 *     the job (`peakRssMb`) and the kernel's high-water mark VmHWM (`peakHwmMb`), which covers
 *     the process's whole life: start the service afresh for the job for it to mean the job.
 *
 *   node bench/scale-job.js  — its own run: `npm run build` first. Writes a fictional CSV of
 *     BENCH_SCALE_JOB_ROWS rows (default 120,000; 1 in 50 repeats a person), imports it through
 *     POST /prospects/import, restarts the service on the same database, and measures a job over
 *     BENCH_SCALE_JOB_PROSPECTS prospects (default 100,000). BENCH_DATABASE_URL: a Postgres
 *     database to use instead of SQLite (empty; the import fills it). BENCH_SCALE_JOB_FORMAT:
 *     export only `csv` or `xlsx`.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { installCleanup } = require('./lib/children');
const { importFile } = require('./prospects');
const { sampleRss } = require('./lib/proc');
const { writeProspectsCsv } = require('./lib/prospects-csv');
const { startService } = require('./lib/service');

const STEPS = [
  { agent: 'prospects', action: 'search', params: {} },
  {
    agent: 'research',
    action: 'score_fit',
    params: { icp: { titles: ['VP of Sales', 'CTO'], industries: ['Software'] }, threshold: 0 },
  },
  { agent: 'email', action: 'draft', params: {} },
  { agent: 'export', action: 'spreadsheet', params: {} },
];

/** VmRSS polled every 100 ms: the peak while something runs (MB). */
function pollRss(pid) {
  let peakKb = 0;
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // The process is gone; keep the last figure.
    }
  };
  read();
  const timer = setInterval(read, 100);
  timer.unref();
  return {
    stop() {
      read();
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}

async function api(baseUrl, method, route, body) {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    // Long: under load a busy service (a set of 100,000 written) may answer late.
    signal: AbortSignal.timeout(600_000),
  });
  const answer = await response.json();
  if (response.status >= 300) {
    throw new Error(`${method} ${route} answered ${response.status} ${JSON.stringify(answer)}`);
  }
  return answer;
}

/**
 * `format`: `xlsx` or `csv` only (both when absent). Runs the job and resolves { prospects, seconds, steps: [{ step, seconds, summary }],
 * startRssMb, peakRssMb, peakHwmMb, largestCheckpointBytes, exportedRows }. Throws when the
 * job fails.
 */
async function measureSetJob({ baseUrl, pid, prospects = 100_000, format, timeoutMs = 3_600_000 }) {
  const steps = structuredClone(STEPS);
  steps[0].params = { limit: prospects };
  if (format) steps[3].params = { format };
  const rss = pollRss(pid);
  const startRssMb = rss.stop();
  const peak = pollRss(pid);
  const hwm = sampleRss(pid);
  const started = performance.now();
  const { job_id: jobId } = await api(baseUrl, 'POST', '/jobs', {
    objective: `Bench: a job over ${prospects} prospects`,
    job_type: 'bench',
    steps,
    context: { sender: 'Ana from Acme' },
  });
  let job;
  for (;;) {
    job = await api(baseUrl, 'GET', `/jobs/${jobId}`);
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) break;
    if (performance.now() - started > timeoutMs) throw new Error(`job ${jobId} still running`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = peak.stop();
  const peakHwmMb = hwm.stop();
  if (job.status !== 'succeeded') {
    throw new Error(`job ${jobId} ${job.status}: ${job.error ?? JSON.stringify(job.steps)}`);
  }
  const checkpoints = await api(baseUrl, 'GET', `/jobs/${jobId}/checkpoints`);
  const largestCheckpointBytes = Math.max(
    ...checkpoints.map((checkpoint) => Buffer.byteLength(JSON.stringify(checkpoint))),
  );
  const exported = checkpoints[checkpoints.length - 1].state.export;
  return {
    prospects,
    seconds,
    steps: job.steps.map((step) => ({
      step: `${step.agent}.${step.action}`,
      seconds: (Date.parse(step.finished_at) - Date.parse(step.started_at)) / 1000,
      summary: step.summary,
    })),
    startRssMb,
    peakRssMb,
    peakHwmMb,
    largestCheckpointBytes,
    exportedRows: exported?.rows,
  };
}

function report(result) {
  const lines = [
    `Job over ${result.prospects.toLocaleString('en-US')} prospects: ${result.seconds.toFixed(1)} s`,
    ...result.steps.map(
      (step) =>
        `  ${step.step.padEnd(20)} ${step.seconds.toFixed(1).padStart(7)} s  ${step.summary}`,
    ),
    `  RSS at the start ${result.startRssMb.toFixed(0)} MB, peak during the job ` +
      `${result.peakRssMb.toFixed(0)} MB (VmRSS polled every 100 ms; ` +
      `VmHWM since start ${result.peakHwmMb.toFixed(0)} MB)`,
    `  largest checkpoint: ${result.largestCheckpointBytes} bytes; exported rows: ${result.exportedRows}`,
  ];
  return lines.join('\n');
}

async function main() {
  installCleanup(3 * 3600 * 1000);
  const rows = Number(process.env.BENCH_SCALE_JOB_ROWS) || 120_000;
  const prospects = Number(process.env.BENCH_SCALE_JOB_PROSPECTS) || 100_000;
  const distMain = path.resolve(__dirname, '..', 'dist', 'main.js');
  if (!fs.existsSync(distMain)) throw new Error('dist/main.js is missing: npm run build first');
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zigral-scale-job-'));
  const env = {
    SEED_SAMPLE_DATA: 'false',
    ...(process.env.BENCH_DATABASE_URL && { DATABASE_URL: process.env.BENCH_DATABASE_URL }),
  };
  const csv = path.join(tmpDir, 'prospects.csv');
  console.log(`Writing a ${rows.toLocaleString('en-US')}-row CSV...`);
  await writeProspectsCsv(csv, rows);
  let service = await startService({ distMain, tmpDir, logLevel: 'warn', env });
  try {
    console.log('Importing it through POST /prospects/import...');
    const { body: imported } = await importFile(service.baseUrl, csv, 1_800_000);
    console.log(`  ${imported.inserted} prospects stored`);
  } finally {
    await service.stop();
  }
  // A fresh process: its peak is the job's, not the import's. Diagnosis only:
  // BENCH_SERVICE_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
  const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  service = await startService({ distMain, tmpDir, logLevel: 'warn', env, nodeArgs });
  try {
    console.log(`Running the job over ${prospects.toLocaleString('en-US')} prospects...`);
    const result = await measureSetJob({
      baseUrl: service.baseUrl,
      pid: service.pid,
      prospects,
      format: process.env.BENCH_SCALE_JOB_FORMAT || undefined,
    });
    console.log(report(result));
  } finally {
    await service.stop();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

module.exports = { measureSetJob, reportSetJob: report };
