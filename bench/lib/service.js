'use strict';

/* global fetch, AbortSignal */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startFlags } = require('../../scripts/node-flags');
const { freePort, isRunning, stop, track } = require('./children');
const { cpuTimeMs, sampleRss } = require('./proc');

/**
 * Starts `node <npm start's flags> dist/main.js` as production runs it: JSON logs at LOG_LEVEL (default info) to stdout
 * (piped to a file in tmpDir) and to LOG_DIR, helmet, throttling with the limit raised so the load
 * is never refused, and a WAL SQLite database in tmpDir. `env` adds settings (JOB_CONCURRENCY, ...);
 * `nodeArgs` adds node flags for diagnosis (`--cpu-prof`, which NODE_OPTIONS does not accept).
 * Resolves once GET /health answers 200 (within `startTimeoutMs`).
 */
async function startService({
  distMain,
  tmpDir,
  logLevel,
  env: extraEnv = {},
  nodeArgs = [],
  startTimeoutMs = 30_000,
}) {
  const port = await freePort();
  const stdoutFile = path.join(tmpDir, 'service.stdout.log');
  const stderrFile = path.join(tmpDir, 'service.stderr.log');
  const out = fs.openSync(stdoutFile, 'a');
  const err = fs.openSync(stderrFile, 'a');
  // Only what node needs from this shell, so stray configuration (API_KEYS, LOG_STDOUT, ...) in
  // the caller's environment cannot change the figures; then production settings.
  const keep = /^(PATH|HOME|TMPDIR|TEMP|TMP|LANG|LC_ALL)$/;
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => keep.test(key))),
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${path.join(tmpDir, 'bench.sqlite')}`,
    LOG_DIR: path.join(tmpDir, 'logs'),
    LOG_LEVEL: logLevel,
    LOG_STDOUT: 'true',
    RATE_LIMIT: '100000000',
    ...extraEnv,
  };
  // cwd is the temp dir, so a developer's .env in the repository is not read either.
  const child = track(
    spawn(process.execPath, [...startFlags(), ...nodeArgs, distMain], {
      cwd: tmpDir,
      env,
      stdio: ['ignore', out, err],
    }),
  );
  fs.closeSync(out);
  fs.closeSync(err);

  const baseUrl = `http://127.0.0.1:${port}`;
  const describe = () => {
    const stderr = fs.readFileSync(stderrFile, 'utf8').trim().slice(-500);
    return `${stderr ? `stderr: ${stderr}\n` : ''}logs in ${stdoutFile} and ${stderrFile}`;
  };
  try {
    await waitForHealth(baseUrl, child, startTimeoutMs);
  } catch (error) {
    await stop(child, 1000);
    throw new Error(`${error.message}; ${describe()}`);
  }
  const rss = sampleRss(child.pid);
  return {
    baseUrl,
    pid: child.pid,
    stdoutFile,
    /** CPU time (user + system, all threads) the service has used so far, in ms. */
    cpuTimeMs: () => cpuTimeMs(child.pid),
    /** Throws when the service is no longer running (crashed, or killed from outside). */
    assertRunning() {
      if (!isRunning(child))
        throw new Error(`the service ${exitDescription(child)}; ${describe()}`);
    },
    /** Stops RSS sampling and the service (SIGTERM, graceful); returns the peak RSS in MB. */
    async stop() {
      const peakMb = rss.stop();
      await stop(child, 10_000);
      return peakMb;
    },
  };
}

function exitDescription(child) {
  return child.signalCode ? `was killed by ${child.signalCode}` : `exited with ${child.exitCode}`;
}

async function waitForHealth(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(child)) throw new Error(`the service ${exitDescription(child)} at start-up`);
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`GET /health did not answer 200 within ${timeoutMs} ms`);
}

module.exports = { startService };
