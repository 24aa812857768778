'use strict';

/**
 * The prospect database at scale (BENCH_ONLY=scale; not in the default run). Two fictional CSV
 * files in the generator's `wide` vocabulary, different people: a small one (a tenth of
 * BENCH_SCALE_ROWS, at most 100,000 rows) and a large one (BENCH_SCALE_ROWS, 1,000,000). Per
 * engine (SQLite, then Postgres in a throwaway cluster):
 *   1. a service on an empty database; both files streamed to POST /prospects/import in turn
 *      (scale-import.js: rows/s of each, CPU per row, peak RSS, the same-run csv-parse + raw
 *      INSERT baselines on each file), so the large one lands on a table already holding the
 *      small one;
 *   2. each measurement of MEASUREMENTS against that service (the searches);
 *   3. the service restarted on the same database, so that its peak RSS is the job's, and one job
 *      over BENCH_SCALE_JOB_PROSPECTS prospects (100,000): search → score → draft → export
 *      (scale-job.js).
 *
 * A measurement is `async (context) => rows`, context `{ baseUrl, engine, rows, pid, cpuTimeMs,
 * databaseCpuMs, settings }`; it returns table rows `{ name, cells }` (one cell per column of its
 * `columns`), shown per engine side by side.
 */
const fs = require('node:fs');
const path = require('node:path');
const { positiveIntegerFromEnv } = require('./lib/format');
const { startCluster } = require('./lib/postgres-cluster');
const { renderScaleReport } = require('./lib/scale-report');
const { searchMeasurement } = require('./lib/scale-searches');
const { startService } = require('./lib/service');
const { measureStreamedImport, writeScaleFiles } = require('./scale-import');
const { measureSetJob } = require('./scale-job');

const ENGINES = ['sqlite', 'postgres'];

/** What runs against each seeded service, in order. */
const MEASUREMENTS = [searchMeasurement];

function scaleSettings(logLevel = process.env.BENCH_LOG_LEVEL || 'info') {
  const engines = (process.env.BENCH_SCALE_ENGINES || ENGINES.join(','))
    .split(',')
    .map((engine) => engine.trim());
  const unknown = engines.filter((engine) => !ENGINES.includes(engine));
  if (unknown.length > 0) throw new Error(`BENCH_SCALE_ENGINES: unknown ${unknown.join(', ')}`);
  const rows = positiveIntegerFromEnv('BENCH_SCALE_ROWS', 1_000_000);
  return {
    rows,
    smallRows: Math.max(1, Math.min(100_000, Math.floor(rows / 10))),
    requests: positiveIntegerFromEnv('BENCH_SCALE_REQUESTS', 100),
    jobProspects: positiveIntegerFromEnv('BENCH_SCALE_JOB_PROSPECTS', Math.min(100_000, rows)),
    engines,
    logLevel,
  };
}

/**
 * A generous bound on the whole part (ms): per engine, the import and its baselines at ≥ 1,000
 * rows/s each, the searches, and the job at ≥ 200 prospects/s.
 */
function scaleTimeLimitMs(settings) {
  const perEngine = 2 * (settings.rows + settings.smallRows) + 5 * settings.jobProspects + 600_000;
  return settings.engines.length * perEngine + 120_000;
}

/** A service on the engine's database in `dir`; `startupTimeoutMs` long for a shared machine. */
function serviceOn(distMain, dir, settings, databaseUrl) {
  return startService({
    distMain,
    tmpDir: dir,
    logLevel: settings.logLevel,
    // IMPORT_MAX_BYTES as it comes (512 MB): the large file of 1,000,000 rows is within it.
    env: { SEED_SAMPLE_DATA: 'false', ...(databaseUrl && { DATABASE_URL: databaseUrl }) },
    startupTimeoutMs: 180_000,
  });
}

/** Import, searches and the job on one engine; resolves its results. */
async function runEngine({ distMain, dir, engine, files, settings, cluster }) {
  const databaseUrl = cluster ? await cluster.createDatabase('bench_scale') : undefined;
  const log = (line) => console.log(`Scale (${engine}): ${line}`);
  const results = { measurements: [] };
  if (cluster) results.cluster = cluster.description;
  let service = await serviceOn(distMain, dir, settings, databaseUrl);
  try {
    results.imported = await measureStreamedImport({
      baseUrl: service.baseUrl,
      pid: service.pid,
      file100k: files.file100k,
      file1m: files.file1m,
      schemaDb: databaseUrl ? undefined : path.join(dir, 'bench.sqlite'),
      postgresUrl: databaseUrl,
      scratchDir: dir,
      log,
    });
    service.assertRunning();
    const context = {
      baseUrl: service.baseUrl,
      engine,
      rows: settings.rows + settings.smallRows,
      pid: service.pid,
      cpuTimeMs: service.cpuTimeMs,
      databaseCpuMs: cluster ? cluster.cpuTimeMs : () => 0,
      settings,
    };
    for (const measurement of MEASUREMENTS) {
      results.measurements.push({
        title: measurement.title,
        columns: measurement.columns,
        rows: await measurement(context),
      });
    }
  } finally {
    await service.stop();
  }
  service = await serviceOn(distMain, dir, settings, databaseUrl);
  try {
    log(`a job over ${settings.jobProspects.toLocaleString('en-US')} prospects...`);
    results.job = await measureSetJob({
      baseUrl: service.baseUrl,
      pid: service.pid,
      prospects: settings.jobProspects,
    });
  } finally {
    await service.stop();
  }
  return results;
}

/** Writes the files, then runs each engine in turn; resolves { results, table }. */
async function runScaleBench({ distMain, tmpDir, settings = scaleSettings() }) {
  const dir = path.join(tmpDir, 'scale');
  fs.mkdirSync(dir, { recursive: true });
  console.log(
    `Scale: writing ${settings.smallRows.toLocaleString('en-US')}- and ` +
      `${settings.rows.toLocaleString('en-US')}-row CSV files (wide)...`,
  );
  const files = await writeScaleFiles(dir, settings.smallRows, settings.rows, 'wide');
  const results = { settings, files, engines: {} };
  for (const engine of settings.engines) {
    const engineDir = path.join(dir, engine);
    fs.mkdirSync(engineDir, { recursive: true });
    const cluster = engine === 'postgres' ? await startCluster() : undefined;
    try {
      results.engines[engine] = await runEngine({
        distMain,
        dir: engineDir,
        engine,
        files,
        settings,
        cluster,
      });
    } finally {
      await cluster?.stop();
    }
  }
  return { results, table: renderScaleReport(results) };
}

module.exports = { runScaleBench, scaleSettings, scaleTimeLimitMs, MEASUREMENTS };
