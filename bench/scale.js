'use strict';

/**
 * The prospect database at scale (BENCH_ONLY=scale; not in the default run): a fictional CSV of
 * BENCH_SCALE_ROWS rows (1,000,000) in the generator's `wide` vocabulary, imported once per engine
 * through POST /prospects/import into a service on SQLite, then on Postgres (a throwaway cluster),
 * and then each measurement of MEASUREMENTS run against the seeded service.
 *
 * A measurement is `async (context) => rows`, context `{ baseUrl, engine, rows, pid, cpuTimeMs,
 * databaseCpuMs, settings }`; it returns table rows `{ name, cells }` (one cell per column of its
 * `columns`), shown per engine side by side. Others plug in beside `searches` (a streamed-import
 * measurement, a 100k-prospect job) by adding one to MEASUREMENTS.
 */
const fs = require('node:fs');
const path = require('node:path');
const { importFile } = require('./prospects');
const { positiveIntegerFromEnv } = require('./lib/format');
const { startCluster } = require('./lib/postgres-cluster');
const { writeProspectsCsv } = require('./lib/prospects-csv');
const { renderScaleReport } = require('./lib/scale-report');
const { searchMeasurement } = require('./lib/scale-searches');
const { startService } = require('./lib/service');

const ENGINES = ['sqlite', 'postgres'];

/** What runs against each seeded service, in order. */
const MEASUREMENTS = [searchMeasurement];

function scaleSettings(logLevel = process.env.BENCH_LOG_LEVEL || 'info') {
  const engines = (process.env.BENCH_SCALE_ENGINES || ENGINES.join(','))
    .split(',')
    .map((engine) => engine.trim());
  const unknown = engines.filter((engine) => !ENGINES.includes(engine));
  if (unknown.length > 0) throw new Error(`BENCH_SCALE_ENGINES: unknown ${unknown.join(', ')}`);
  return {
    rows: positiveIntegerFromEnv('BENCH_SCALE_ROWS', 1_000_000),
    requests: positiveIntegerFromEnv('BENCH_SCALE_REQUESTS', 100),
    engines,
    logLevel,
  };
}

/** A generous bound on the whole part (ms): import at ≥ 1,000 rows/s per engine, and searches. */
function scaleTimeLimitMs(settings) {
  return settings.engines.length * (settings.rows + 600_000) + 120_000;
}

/** The service on one engine, seeded with the file; resolves `{ context, stop }`. */
async function seededService({ distMain, dir, engine, csv, settings, cluster }) {
  // The file is larger than IMPORT_MAX_BYTES's default (100 MB) from about 430,000 rows.
  const env = { SEED_SAMPLE_DATA: 'false', IMPORT_MAX_BYTES: '4096mb' };
  if (engine === 'postgres') env.DATABASE_URL = await cluster.createDatabase('bench_scale');
  // A shared machine may take more than the default 30 s to start it.
  const service = await startService({
    distMain,
    tmpDir: dir,
    logLevel: settings.logLevel,
    env,
    startupTimeoutMs: 180_000,
  });
  try {
    console.log(`Scale (${engine}): importing ${settings.rows.toLocaleString('en-US')} rows...`);
    const cpuBefore = service.cpuTimeMs();
    const imported = await importFile(service.baseUrl, csv.path, settings.rows + 600_000);
    service.assertRunning();
    const context = {
      baseUrl: service.baseUrl,
      engine,
      rows: settings.rows,
      pid: service.pid,
      cpuTimeMs: service.cpuTimeMs,
      databaseCpuMs: cluster && engine === 'postgres' ? cluster.cpuTimeMs : () => 0,
      settings,
      imported: {
        ...imported,
        cpuUsPerRow: ((service.cpuTimeMs() - cpuBefore) * 1000) / imported.body.rows,
      },
    };
    return { context, stop: () => service.stop() };
  } catch (error) {
    await service.stop();
    throw error;
  }
}

/** Seeds each engine once and runs every measurement on it; resolves { results, table }. */
async function runScaleBench({ distMain, tmpDir, settings = scaleSettings() }) {
  const dir = path.join(tmpDir, 'scale');
  fs.mkdirSync(dir, { recursive: true });
  const csv = { path: path.join(dir, 'prospects.csv') };
  console.log(`Scale: writing a ${settings.rows.toLocaleString('en-US')}-row CSV (wide)...`);
  Object.assign(csv, await writeProspectsCsv(csv.path, settings.rows, 42, { variety: 'wide' }));
  const results = { settings, csv, engines: {} };
  for (const engine of settings.engines) {
    const engineDir = path.join(dir, engine);
    fs.mkdirSync(engineDir, { recursive: true });
    const cluster = engine === 'postgres' ? await startCluster() : undefined;
    try {
      const seeded = await seededService({
        distMain,
        dir: engineDir,
        engine,
        csv,
        settings,
        cluster,
      });
      const engineResults = { imported: seeded.context.imported, measurements: [] };
      if (cluster) engineResults.cluster = cluster.description;
      try {
        for (const measurement of MEASUREMENTS) {
          engineResults.measurements.push({
            title: measurement.title,
            columns: measurement.columns,
            rows: await measurement(seeded.context),
          });
        }
      } finally {
        await seeded.stop();
      }
      results.engines[engine] = engineResults;
    } finally {
      await cluster?.stop();
    }
  }
  return { results, table: renderScaleReport(results) };
}

module.exports = { runScaleBench, scaleSettings, scaleTimeLimitMs, MEASUREMENTS };
