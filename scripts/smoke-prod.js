'use strict';
// Production smoke test without Docker: installs only `dependencies` in a temp folder the way the
// Dockerfile's prod-deps stage does, runs dist/main.js there and probes it. A package the app
// loads at run time but that sits in devDependencies makes this fail. Then, beside the throwaway
// Postgres cluster of scripts/postgres.sh, the app services of compose.yaml run on one database
// (scripts/smoke-compose.js). Usage: npm run smoke:prod
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { dockerfileCommand, startFlags } = require('./node-flags');
const { composeReplicas } = require('./smoke-compose');

const { fetch, AbortSignal } = globalThis; // Node 18+ globals, not in the ESLint config's list

const ROOT = path.resolve(__dirname, '..');
const INSTALL_TIMEOUT_MS = 10 * 60_000; // compiling better-sqlite3 takes a few minutes when cold
const STARTUP_TIMEOUT_MS = 30_000;
const EXIT_TIMEOUT_MS = 15_000;
const WIN = process.platform === 'win32';

class Failure extends Error {}
const installers = new Set(); // running npm processes, stopped on exit
const check = (ok, what, detail = '') => {
  if (!ok) throw new Failure(`${what}${detail ? `: ${detail}` : ''}`);
  console.log(`PASS ${what}`);
};

// Children get only what npm and node need: no API keys, tokens or DATABASE_URL from this shell.
function cleanEnv(extra) {
  const keep =
    /^(PATH|HOME|USERPROFILE|APPDATA|LOCALAPPDATA|SYSTEMROOT|TMPDIR|TEMP|TMP|LANG|(HTTPS?|NO)_PROXY|npm_config_(cache|registry|userconfig))$/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => keep.test(key)));
  return { ...env, SCARF_ANALYTICS: 'false', ...extra };
}

// Runs a command with output appended to logFile; resolves its exit code, kills it at the deadline.
function run(cmd, args, cwd, env, logFile, deadline) {
  const fd = fs.openSync(logFile, 'a');
  // Own process group on POSIX, so a timeout also stops node-gyp's compilers.
  const options = { cwd, env, stdio: ['ignore', fd, fd], detached: !WIN, shell: WIN };
  const child = spawn(cmd, args, options);
  fs.closeSync(fd);
  installers.add(child);
  return new Promise((resolve) => {
    const timer = setTimeout(() => killTree(child, 'SIGKILL'), Math.max(deadline - Date.now(), 0));
    child.on('error', () => resolve(-1));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      installers.delete(child);
      resolve(signal ? `signal ${signal}` : code);
    });
  });
}

function killTree(child, signal) {
  try {
    if (WIN) child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

// npm states the cause in its first error lines and a compiler in its last ones: show both.
function npmFailure(file) {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
  const errors = lines.filter((line) => /^npm error \S/.test(line)).slice(0, 20);
  return [...errors, '--- npm log (tail) ---', ...lines.slice(-25)].join('\n');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Unref: a pending wait never keeps the script alive once everything else is done.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());
const request = (url, init = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });

async function main(tmp, state) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'main.js'))) {
    throw new Failure('dist/main.js is missing: run `npm run build` first');
  }
  // The image runs the service with npm start's node flags.
  const flags = startFlags();
  const cmd = dockerfileCommand();
  check(
    JSON.stringify(cmd) === JSON.stringify(['node', ...flags, 'dist/main.js']),
    `the Dockerfile CMD uses npm start's node flags (${flags.join(' ') || 'none'})`,
    `CMD ${JSON.stringify(cmd)}`,
  );
  for (const item of ['package.json', 'package-lock.json', 'dist']) {
    fs.cpSync(path.join(ROOT, item), path.join(tmp, item), { recursive: true });
  }

  // Same recipe as the Dockerfile: no install scripts except better-sqlite3's, built from source.
  const npmLog = path.join(tmp, 'npm.log');
  const npmEnv = cleanEnv({ npm_config_build_from_source: 'true' });
  const deadline = Date.now() + INSTALL_TIMEOUT_MS;
  const ci = ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'];
  const started = Date.now();
  let code = await run('npm', ci, tmp, npmEnv, npmLog, deadline);
  if (code === 0) {
    code = await run('npm', ['rebuild', 'better-sqlite3'], tmp, npmEnv, npmLog, deadline);
  }
  if (code !== 0) console.log(npmFailure(npmLog));
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  check(code === 0, `npm ci --omit=dev + rebuild better-sqlite3 (${seconds} s)`, `ended ${code}`);
  // Also like the Dockerfile: drop better-sqlite3's compile intermediates, unused at run time.
  for (const dir of ['deps', 'build/Release/obj', 'build/Release/obj.target']) {
    fs.rmSync(path.join(tmp, 'node_modules/better-sqlite3', dir), { recursive: true, force: true });
  }

  // A bad setting stops start-up with exit code 1 and one line naming the variable.
  const bad = spawnSync(process.execPath, ['dist/main.js'], {
    cwd: tmp,
    env: cleanEnv({ PORT: 'not-a-port' }),
    encoding: 'utf8',
    timeout: STARTUP_TIMEOUT_MS,
  });
  const badLines = `${bad.stdout}${bad.stderr}`.trim().split('\n');
  check(
    bad.status === 1 && badLines.length === 1 && /^Invalid configuration: PORT=/.test(badLines[0]),
    'a bad PORT stops start-up with one line naming it',
    `exit ${bad.status}, output: ${badLines.slice(0, 3).join(' | ')}`,
  );

  const sqlite = await startApp(tmp, state, flags, {
    DATABASE_URL: `sqlite:${path.join(tmp, 'data', 'zigral.sqlite')}`,
    LOG_DIR: path.join(tmp, 'logs'),
  });
  const { base } = sqlite;
  check(
    sqlite.healthy,
    `GET /health answers 200 within ${STARTUP_TIMEOUT_MS / 1000} s`,
    sqlite.why,
  );

  const created = await request(`${base}/context`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ job_type: 'smoke', context_data: { ok: true } }),
  });
  check(created.status === 201, 'POST /context answers 201', `got ${created.status}`);

  const docs = await request(`${base}/docs-json`);
  const spec = await docs.json().catch(() => null);
  check(docs.status === 200 && Boolean(spec?.openapi), 'GET /docs-json answers 200 with OpenAPI');

  // The web app: built into dist/web by `npm run build`, served by the production install.
  const shell = await request(`${base}/app/jobs`);
  const html = await shell.text();
  const script = /<script[^>]+src="(\/app\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  check(
    shell.status === 200 && Boolean(script),
    'GET /app/jobs answers the web app shell with its script',
    `got ${shell.status}`,
  );
  const asset = script ? await request(`${base}${script}`) : null;
  check(
    asset?.status === 200 && /immutable/.test(asset.headers.get('cache-control') ?? ''),
    "the app's hashed script is served with a long immutable cache",
    `got ${asset?.status}`,
  );
  if (asset) await asset.arrayBuffer();

  const exit = await sqlite.stop();
  check(exit === 0, 'SIGTERM: graceful exit with code 0', `ended ${exit}`);

  // stdout is buffered: the request lines must still be there after the shutdown flush.
  const stdoutLines = sqlite
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'));
  check(
    stdoutLines.some((line) => line.includes('"module":"HTTP"')) &&
      stdoutLines.some((line) => line.includes('Shutdown complete')),
    'stdout holds JSON log lines up to the shutdown',
    `${stdoutLines.length} JSON lines`,
  );

  const logFile = path.join(tmp, 'logs', 'zigral.log');
  const size = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  check(size > 0, 'logs/zigral.log written', 'missing or empty');

  if (process.env.ZIGRAL_TEST_POSTGRES_URL) await postgresReplicas(tmp, state, flags);
  else console.log('SKIP the Postgres replicas of compose.yaml: run through scripts/postgres.sh');
}

/**
 * The app services of compose.yaml, each a replica of the production install, on one database of
 * the throwaway cluster: both healthy, a context written through one is read through the other,
 * and a job submitted to one is followed to its end over the other's event stream.
 */
async function postgresReplicas(tmp, state, flags) {
  const replicas = composeReplicas(check);
  const { Client } = require('pg');
  const admin = new Client({ connectionString: process.env.ZIGRAL_TEST_POSTGRES_URL });
  await admin.connect();
  const database = `zigral_smoke_${process.pid}`;
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(process.env.ZIGRAL_TEST_POSTGRES_URL);
  url.pathname = `/${database}`;
  const apps = [];
  for (const [index, replica] of replicas.entries()) {
    const app = await startApp(tmp, state, flags, {
      ...replica.env,
      DATABASE_URL: url.toString(),
      LOG_DIR: path.join(tmp, `logs-${replica.name}`),
      EXPORT_DIR: path.join(tmp, 'exports'), // shared, as the compose volume is
    });
    apps.push(app);
    check(
      app.healthy,
      `${replica.name} (replica ${index + 1}) on Postgres: GET /health 200`,
      app.why,
    );
  }
  const [first, second] = apps;
  const created = await request(`${first.base}/context`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ job_type: 'smoke', context_data: { replica: 1 } }),
  }).then((r) => r.json());
  const read = await request(`${second.base}/context/${created.job_id}`);
  const body = await read.json().catch(() => null);
  check(
    read.status === 200 && body?.context_data?.replica === 1,
    'a context written through one replica is read through the other',
    `got ${read.status}`,
  );

  const job = await request(`${first.base}/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      objective: 'Smoke: two steps',
      job_type: 'smoke',
      steps: [0, 1].map((i) => ({
        agent: 'core',
        action: 'set_context',
        params: { values: { [`k${i}`]: i } },
      })),
    }),
  }).then((r) => r.json());
  const stream = await fetch(`${second.base}/jobs/${job.job_id}/events`, {
    signal: AbortSignal.timeout(20_000),
  });
  const events = await stream.text();
  check(
    stream.status === 200 &&
      events.includes('event: job_finished') &&
      events.includes('"succeeded"'),
    "a job submitted to one replica is followed to its end on the other's event stream",
    `status ${stream.status}, ${events.length} bytes`,
  );

  for (const app of apps) {
    const exit = await app.stop();
    check(exit === 0, 'SIGTERM: replica exits with code 0', `ended ${exit}`);
  }
}

/** Starts dist/main.js of the install in `tmp` with production settings and `env` on top. */
async function startApp(tmp, state, flags, env) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const appEnv = cleanEnv({
    NODE_ENV: 'production',
    ...env,
    HOST: '127.0.0.1',
    PORT: String(port),
  });
  const app = spawn(process.execPath, [...flags, 'dist/main.js'], { cwd: tmp, env: appEnv });
  state.apps.push(app);
  let output = '';
  const exited = new Promise((resolve) => app.on('exit', (c, s) => resolve(s ? `signal ${s}` : c)));
  const collect = (chunk) => {
    output = (output + chunk).slice(-20_000);
    state.output = output;
  };
  app.stdout.on('data', collect);
  app.stderr.on('data', collect);

  // Poll /health until 200, the app exits, or the start-up timeout passes.
  let healthy = false;
  for (const stop = Date.now() + STARTUP_TIMEOUT_MS; !healthy && Date.now() < stop;) {
    if (app.exitCode !== null) break;
    healthy = await request(`${base}/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (!healthy) await sleep(250);
  }
  const why = app.exitCode !== null ? `app exited with ${app.exitCode}` : 'timed out';
  return {
    base,
    healthy,
    why,
    output: () => output,
    stop: async () => {
      app.kill('SIGTERM');
      return Promise.race([exited, sleep(EXIT_TIMEOUT_MS).then(() => 'timeout')]);
    },
  };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zigral-smoke-'));
const state = { apps: [], output: '' };
// Runs on every way out, an unexpected exception included: stop the app, remove the temp folder.
process.on('exit', () => {
  for (const app of state.apps) if (app.exitCode === null) app.kill('SIGKILL');
  for (const child of installers) killTree(child, 'SIGKILL');
  try {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    console.log(`could not remove ${tmp}: ${error.message}`);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

main(tmp, state).then(
  () => console.log('PASS smoke:prod'),
  (error) => {
    console.log(`FAIL ${error instanceof Failure ? error.message : error.stack}`);
    if (state.output) {
      console.log(`--- app output (tail) ---\n${state.output.split('\n').slice(-40).join('\n')}`);
    }
    process.exitCode = 1;
    // The replicas' pipes would keep this process alive: stop them now.
    for (const app of state.apps) if (app.exitCode === null) app.kill('SIGKILL');
  },
);
