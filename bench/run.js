'use strict';

/**
 * `npm run bench` (builds first, then runs this file): measures the service against its ceilings
 * in one bounded run and prints a markdown report, also written to bench/results/latest.md.
 *
 *   1. Ceilings, each in its own process so none shares an event loop with the load generator:
 *      raw better-sqlite3 INSERT/SELECT/UPDATE rates (sqlite-ceiling.js) and a bare Nest app on
 *      Fastify driven by autocannon (bare-nest-app.js): its GET route (the ceiling of
 *      GET /context/{id}) and its PATCH route, one raw json_patch UPDATE (the ceiling of
 *      PATCH /context/{id}).
 *   2. The service (dist/main.js) with production settings on a temporary database, seeded through
 *      the API, then each route driven by autocannon for a fixed time.
 *   3. The durable job runner (jobs.js): jobs created through POST /jobs and followed to success,
 *      on a service of its own.
 *   4. The prospect database (prospects.js): a 100,000-row CSV imported through
 *      POST /prospects/import, then searches over it, on a service of its own.
 *   4b. The web app (web.js): its first-load JavaScript gzipped, and in headless chromium the
 *      prospects page over the 100,000 imported rows: first results and a filter change.
 *   5. The sequence scheduler (sequences.js) and the mailbox (mailbox.js): 5,000 messages in a
 *      throwaway Dovecot applied by the watcher and the intake on 100,000 enrollments.
 *   6. Postgres (postgres.js), on a throwaway durable cluster of its own: the Context routes,
 *      durable jobs on one replica and on two, the raw baseline of the job store's SQL per step,
 *      LangGraph JS with its Postgres checkpointer (the peer), and the import and searches;
 *      printed beside the SQLite figures of this run.
 *
 * Environment: BENCH_DURATION (s per route, 8), BENCH_WARMUP (s, 2), BENCH_CONNECTIONS (50),
 * BENCH_SEED (entries, 1000), BENCH_SQLITE_SECONDS (s per raw operation, 3), BENCH_JOBS_SECONDS
 * (s per job scenario, also of the raw baseline and the peer, 5), BENCH_JOBS_SCENARIOS (e.g.
 * `5x10`: only those job scenarios), BENCH_IMPORT_ROWS (100000), BENCH_SEARCH_REQUESTS (per
 * search, 200), BENCH_SEARCH_JOBS (30), BENCH_MAIL_ENROLLMENTS (100000), BENCH_MAIL_MESSAGES
 * (5000), BENCH_ONLY (`context`, `jobs`, `prospects`, `web`, `sequences`, `mailbox`, `postgres`:
 * that part alone; `scale`: the prospect database at 1,000,000 rows, see scale.js, only this
 * way; `sqlite`: every part but Postgres; printed but not written to
 * bench/results/latest.md), BENCH_PG_PARTS (e.g. `jobs,baseline`: only those Postgres parts),
 * BENCH_LOG_LEVEL (the service's LOG_LEVEL, info; change it only to diagnose) and BENCH_KEEP_TMP
 * (1: keep the temporary folder, with the services' logs and the Postgres statement trace).
 * Exits 0 when the report is printed, even with missed targets; 1 when the bench itself fails.
 * Every child is killed on the way out, and the Postgres cluster and Dovecot stopped and removed.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runJobsBench } = require('./jobs');
const { runPostgresBench } = require('./postgres');
const { runMailboxBench } = require('./mailbox');
const { runSequencesBench } = require('./sequences');
const { prospectsSettings, runProspectsBench } = require('./prospects');
const { runWebBench } = require('./web');
const { runScaleBench, scaleSettings, scaleTimeLimitMs } = require('./scale');
const { forkWorker, installCleanup, stop } = require('./lib/children');
const { cpuTimeMs } = require('./lib/proc');
const { runContextRoutes } = require('./lib/context-routes');
const { measure, rotating, serviceRoutes } = require('./lib/load');
const { renderReport } = require('./lib/report');

const ROOT = path.resolve(__dirname, '..');
const DIST_MAIN = path.join(ROOT, 'dist', 'main.js');
const RESULTS_FILE = path.join(__dirname, 'results', 'latest.md');

function numberFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

function readSettings() {
  return {
    duration: numberFromEnv('BENCH_DURATION', 8),
    warmup: numberFromEnv('BENCH_WARMUP', 2),
    connections: Math.round(numberFromEnv('BENCH_CONNECTIONS', 50)),
    seed: Math.round(numberFromEnv('BENCH_SEED', 1000)),
    sqliteSeconds: numberFromEnv('BENCH_SQLITE_SECONDS', 3),
    jobSeconds: numberFromEnv('BENCH_JOBS_SECONDS', 5),
    logLevel: process.env.BENCH_LOG_LEVEL || 'info',
    only: process.env.BENCH_ONLY || undefined,
    prospects: prospectsSettings(process.env.BENCH_LOG_LEVEL || 'info'),
  };
}

/** BENCH_ONLY: one part alone, printed but not written to bench/results/latest.md. */
async function runOnly(settings, tmpDir) {
  if (settings.only === 'prospects') {
    return (await runProspectsBench({ distMain: DIST_MAIN, tmpDir, settings: settings.prospects }))
      .table;
  }
  if (settings.only === 'jobs') {
    return (await runJobsBench({ distMain: DIST_MAIN, tmpDir, settings })).table;
  }
  if (settings.only === 'postgres') {
    return (await runPostgresBench({ distMain: DIST_MAIN, tmpDir, settings })).table;
  }
  if (settings.only === 'sequences') return (await runSequencesBench({ tmpDir })).table;
  if (settings.only === 'mailbox') return (await runMailboxBench({ tmpDir })).table;
  if (settings.only === 'web') return (await runWebBench({ distMain: DIST_MAIN, tmpDir })).table;
  if (settings.only === 'scale') {
    return (await runScaleBench({ distMain: DIST_MAIN, tmpDir, settings: scaleSettings() })).table;
  }
  throw new Error(
    `BENCH_ONLY must be context, jobs, prospects, web, sequences, mailbox, scale, sqlite or postgres, not ${settings.only}`,
  );
}

async function sqliteCeiling(tmpDir, settings) {
  console.log(`Raw better-sqlite3 ceiling (${settings.sqliteSeconds} s per operation)...`);
  const file = path.join(tmpDir, 'raw.sqlite');
  const timeoutMs = (settings.sqliteSeconds * 5 + 30) * 1000;
  const { message } = forkWorker(
    path.join(__dirname, 'sqlite-ceiling.js'),
    [file, String(settings.sqliteSeconds)],
    timeoutMs,
  );
  return message;
}

/**
 * The bare Nest app: its GET route (the ceiling of GET /context/{id}), then its PATCH route with
 * the service's PATCH requests (the ceiling of PATCH /context/{id}).
 */
async function bareNestCeiling(tmpDir, settings) {
  console.log('Bare Nest routes on Fastify (ceiling)...');
  const { child, message } = forkWorker(
    path.join(__dirname, 'bare-nest-app.js'),
    [path.join(tmpDir, 'bare.sqlite'), String(settings.seed)],
    30_000,
  );
  try {
    const { port, ids } = await message;
    const url = `http://127.0.0.1:${port}`;
    const cpu = () => cpuTimeMs(child.pid);
    const getRequests = rotating(ids, (id) => ({ method: 'GET', path: `/context/${id}` }));
    const get = await measure(url, getRequests, settings, cpu);
    const patchRoute = serviceRoutes(ids).find((route) => route.name.startsWith('PATCH'));
    const patch = await measure(url, patchRoute.requests, settings, cpu);
    return { get, patch };
  } finally {
    await stop(child);
  }
}

async function main() {
  const settings = readSettings();
  // A hard bound on the whole run, whatever hangs: generous against the expected ~13 minutes,
  // as a loaded machine can double it.
  const perRoute = settings.duration + settings.warmup;
  const perJobScenario = 2 * (settings.jobSeconds + 1); // run, then every job checked
  // Each prospects part: about a minute or two to import and search, bounded at five; the
  // Postgres part's cluster, raw baseline and peer (with its first install): five more.
  // The scale part (BENCH_ONLY=scale) has a bound of its own, from its row count.
  installCleanup(
    settings.only === 'scale'
      ? scaleTimeLimitMs(scaleSettings())
      : (1200 + 5 * settings.sqliteSeconds + 10 * perRoute + 12 * perJobScenario) * 1000 +
          settings.jobSeconds * 18 * 1000,
  );

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zigral-bench-'));
  // Removed on every way out (also Ctrl-C), except a failure, whose service logs are worth a look.
  let keepTmpDir = Boolean(process.env.BENCH_KEEP_TMP);
  if (keepTmpDir) console.log(`Temporary files kept in ${tmpDir} (BENCH_KEEP_TMP)`);
  process.once('exit', () => {
    if (!keepTmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  });
  try {
    if (settings.only && !['context', 'sqlite'].includes(settings.only)) {
      const report = await runOnly(settings, tmpDir);
      console.log(`\n${report}`);
      return;
    }
    const raw = await sqliteCeiling(tmpDir, settings);
    const bare = await bareNestCeiling(tmpDir, settings);
    const { routes, peakRssMb } = await runContextRoutes({
      distMain: DIST_MAIN,
      tmpDir,
      settings,
      label: 'a temporary SQLite database',
    });
    const ceilings = {
      ...raw,
      bareNest: bare.get.rps,
      barePatch: bare.patch.rps,
      bareNestResult: bare.get,
      barePatchResult: bare.patch,
    };
    if (settings.only === 'context') {
      console.log(`\n${renderReport({ settings, routes, ceilings, peakRssMb })}`);
      return;
    }
    const jobs = await runJobsBench({ distMain: DIST_MAIN, tmpDir, settings });
    const prospects = await runProspectsBench({
      distMain: DIST_MAIN,
      tmpDir,
      settings: settings.prospects,
    });
    const sections = [renderReport({ settings, routes, ceilings, peakRssMb }), jobs.table];
    sections.push(prospects.table);
    // The web app on the prospects part's file (about a minute: one import, a browser).
    sections.push(
      (await runWebBench({ distMain: DIST_MAIN, tmpDir, csv: prospects.results.file })).table,
    );
    sections.push((await runSequencesBench({ tmpDir })).table);
    sections.push((await runMailboxBench({ tmpDir })).table);
    if (settings.only !== 'sqlite') {
      const postgres = await runPostgresBench({
        distMain: DIST_MAIN,
        tmpDir,
        settings,
        sqlite: { routes, jobs: jobs.results, prospects: prospects.results },
        csv: prospects.results.file,
      });
      sections.push(postgres.table);
    }
    const report = sections.join('\n');
    console.log(`\n${report}`);
    if (settings.only) return;
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, report);
    console.log(`Written to ${path.relative(ROOT, RESULTS_FILE)}`);
  } catch (error) {
    keepTmpDir = true;
    console.error(`Temporary files (service logs) kept in ${tmpDir}`);
    throw error;
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Bench failed: ${error.stack || error}`);
    process.exit(1);
  },
);
