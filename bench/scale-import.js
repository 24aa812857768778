'use strict';

/* global fetch, AbortSignal */

/**
 * The CSV import at scale: a 100,000-row and a 1,000,000-row file (different people) streamed in
 * turn to POST /prospects/import of one service, so the second lands on a table that already
 * holds the first. Per file: rows/s, the service's CPU µs per row and peak RSS, and the rate of
 * each tenth of the big file (from GET /prospects/imports/{id}, polled while it streams), which
 * shows whether the import slows as the table grows. Same-run baselines, on each file:
 * csv-parse alone and csv-parse + raw INSERTs into the service's schema (better-sqlite3:
 * prospects-baseline.js; Postgres: prospects-baseline-pg.js).
 *
 * `measureStreamedImport` is self-contained (bench/scale.js calls it on its service);
 * `node bench/scale-import.js --rows 1000000 [--small 100000] [--postgres <url>] [--dir <folder>]
 * [--no-large-baseline]` starts a service of its own (after `npm run build`) and prints the
 * figures as JSON (--dir keeps the CSV files for the next run; the 1M baseline takes long).
 */
const fs = require('node:fs');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { forkWorker } = require('./lib/children');
const { importFile } = require('./prospects');
const { cpuTimeMs, sampleRss } = require('./lib/proc');
const { writeProspectsCsv } = require('./lib/prospects-csv');

/** How often the big import's progress is read. */
const POLL_MS = 2000;

/** Streams `file` to POST /prospects/import under a new import id; polls its progress meanwhile. */
async function importStreamed(baseUrl, pid, file, { onProgress } = {}) {
  const importId = randomUUID();
  const rss = sampleRss(pid);
  const cpuBefore = cpuTimeMs(pid);
  const started = performance.now();
  const curve = [];
  let polling = true;
  const poll = (async () => {
    while (polling) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const response = await fetch(`${baseUrl}/prospects/imports/${importId}`, {
        signal: AbortSignal.timeout(10_000),
      }).catch(() => undefined);
      if (response?.status !== 200) continue;
      const body = await response.json();
      const point = { seconds: (performance.now() - started) / 1000, written: body.rows_written };
      curve.push(point);
      onProgress?.(point);
    }
  })();
  try {
    const { body } = await importFile(baseUrl, file, 3_600_000, `&import_id=${importId}`);
    const seconds = (performance.now() - started) / 1000;
    return {
      rows: body.rows,
      inserted: body.inserted,
      updated: body.updated,
      skipped: body.skipped,
      seconds,
      rowsPerSecond: body.rows / seconds,
      cpuUsPerRow: ((cpuTimeMs(pid) - cpuBefore) * 1000) / body.rows,
      peakRssMb: rss.stop(),
      curve,
    };
  } finally {
    polling = false;
    await poll;
  }
}

/** Rows/s of each tenth of an import, from its progress curve (rows written over time). */
function ratesByTenth(curve, rows) {
  const rates = [];
  let last = { seconds: 0, written: 0 };
  for (let tenth = 1; tenth <= 10; tenth++) {
    const point = curve.find((p) => p.written >= (rows * tenth) / 10);
    if (!point) break;
    // Two tenths read by one poll (a small file): the rate covers both, given once.
    if (point === last) continue;
    rates.push(Math.round((point.written - last.written) / (point.seconds - last.seconds)));
    last = point;
  }
  return rates;
}

/**
 * csv-parse alone and csv-parse + raw INSERTs on `file`, in their own process: into a scratch
 * SQLite file with the schema of `baseline.schemaDb` (the service's database), or into copies of
 * the tables in a scratch schema of `baseline.postgresUrl` (the service's Postgres database).
 */
async function baselineOf(file, baseline, scratchDir, label) {
  const { message } = baseline.postgresUrl
    ? forkWorker(
        path.join(__dirname, 'prospects-baseline-pg.js'),
        [file, baseline.postgresUrl, label],
        3_600_000,
      )
    : forkWorker(
        path.join(__dirname, 'prospects-baseline.js'),
        [file, baseline.schemaDb, path.join(scratchDir, `baseline-${label}.sqlite`), 'full'],
        3_600_000,
      );
  const result = await message;
  return { parse: result.parse, insert: result.insert };
}

/**
 * Imports `file100k` then `file1m` (written with different people: see writeScaleFiles) through
 * the API of the service at `baseUrl` (process `pid`); with `schemaDb` (the service's SQLite
 * file) or `postgresUrl` (its Postgres database) also the same-run baselines (in `scratchDir`). Resolves the figures and the ratios the
 * bench holds the import to (≥ 70% of the 100k rate at 1M, ≥ 75% of the raw-insert baseline).
 */
async function measureStreamedImport({
  baseUrl,
  pid,
  file100k,
  file1m,
  schemaDb,
  postgresUrl,
  scratchDir,
  largeBaseline = true,
  log = () => {},
}) {
  log('Import of the 100k file...');
  const small = await importStreamed(baseUrl, pid, file100k);
  log(`  ${Math.round(small.rowsPerSecond)} rows/s; importing the 1M file...`);
  const large = await importStreamed(baseUrl, pid, file1m, {
    onProgress: (point) => log(`  ${point.written} rows written at ${Math.round(point.seconds)} s`),
  });
  log(`  ${Math.round(large.rowsPerSecond)} rows/s`);
  large.ratesByTenth = ratesByTenth(large.curve, large.rows);
  delete small.curve;
  delete large.curve;
  let baseline;
  if (schemaDb || postgresUrl) {
    const target = { schemaDb, postgresUrl };
    log('Baselines: csv-parse, csv-parse + raw INSERTs (the small file, then the large)...');
    baseline = { small: await baselineOf(file100k, target, scratchDir, 'small') };
    log(`  small: ${Math.round(baseline.small.insert)} rows/s`);
    if (largeBaseline) {
      baseline.large = await baselineOf(file1m, target, scratchDir, 'large');
      log(`  large: ${Math.round(baseline.large.insert)} rows/s`);
    }
  }
  return {
    small,
    large,
    baseline,
    peakRssMb: Math.max(small.peakRssMb, large.peakRssMb),
    ratios: {
      largeToSmall: large.rowsPerSecond / small.rowsPerSecond,
      smallToBaseline: baseline && small.rowsPerSecond / baseline.small.insert,
      largeToBaseline: baseline?.large && large.rowsPerSecond / baseline.large.insert,
    },
  };
}

/**
 * The two files of a run: `small` and `large` rows, different people, in the generator's
 * `variety` (reused when present). Resolves `{ file100k, file1m, small, large }`, the last two
 * the generator's `{ rows, bytes, duplicates }` when it wrote them.
 */
async function writeScaleFiles(dir, small, large, variety = 'narrow') {
  const file100k = path.join(dir, `scale-${variety}-${small}.csv`);
  const file1m = path.join(dir, `scale-${variety}-${large}-from-${small}.csv`);
  const written = (file, write) =>
    fs.existsSync(file) ? { rows: undefined, bytes: fs.statSync(file).size } : write();
  return {
    file100k,
    file1m,
    small: await written(file100k, () => writeProspectsCsv(file100k, small, 42, { variety })),
    large: await written(file1m, () =>
      writeProspectsCsv(file1m, large, 43, { variety, firstPerson: small }),
    ),
  };
}

module.exports = { measureStreamedImport, writeScaleFiles, ratesByTenth };

if (require.main === module) {
  const os = require('node:os');
  const { installCleanup } = require('./lib/children');
  const { startService } = require('./lib/service');
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const large = Number(arg('rows', '1000000'));
  const small = Number(arg('small', String(Math.min(100_000, large / 10))));
  const postgresUrl = arg('postgres');
  installCleanup(3 * 3600 * 1000);
  const dir = arg('dir') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'zigral-scale-import-'));
  (async () => {
    console.log(`Writing ${small} and ${large} rows in ${dir}...`);
    const { file100k, file1m } = await writeScaleFiles(dir, small, large);
    const runDir = fs.mkdtempSync(path.join(dir, 'run-'));
    const start = () =>
      startService({
        distMain: path.resolve(__dirname, '..', 'dist', 'main.js'),
        tmpDir: runDir,
        logLevel: 'warn',
        env: {
          SEED_SAMPLE_DATA: 'false',
          IMPORT_MAX_BYTES: '512mb',
          ...(postgresUrl && { DATABASE_URL: postgresUrl }),
        },
        nodeArgs: (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
        startupTimeoutMs: 120_000,
      });
    // A start can take over 30 s on a machine shared with other work: try again, a few times.
    let service;
    for (let attempt = 1; !service; attempt++) {
      service = await start().catch((error) => {
        if (attempt === 4) throw error;
        console.log(`The service did not start (${error.message.slice(0, 80)}); again...`);
      });
    }
    try {
      const figures = await measureStreamedImport({
        baseUrl: service.baseUrl,
        pid: service.pid,
        file100k,
        file1m,
        schemaDb: postgresUrl ? undefined : path.join(runDir, 'bench.sqlite'),
        postgresUrl,
        scratchDir: runDir,
        largeBaseline: !process.argv.includes('--no-large-baseline'),
        log: (line) => console.log(line),
      });
      console.log(JSON.stringify(figures, null, 2));
    } finally {
      await service.stop();
      fs.rmSync(runDir, { recursive: true, force: true });
    }
  })().then(
    () => process.exit(0),
    (error) => {
      console.error(`Scale import bench failed: ${error.stack || error}`);
      process.exit(1);
    },
  );
}
