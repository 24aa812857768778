'use strict';

const { fork } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

/** Every child this bench started and that is still running: killed on any way out. */
const live = new Set();

function track(child) {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

function isRunning(child) {
  return child.exitCode === null && child.signalCode === null;
}

/** SIGKILLs each tracked child by its pid. Synchronous, so it also works in an 'exit' handler. */
function killAll() {
  for (const child of live) {
    if (isRunning(child)) child.kill('SIGKILL');
  }
  live.clear();
}

/** Resolves true once the child has exited, false when `ms` passes first. */
function waitForExit(child, ms) {
  if (!isRunning(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** SIGTERM, then SIGKILL if the child has not exited within `graceMs`. */
async function stop(child, graceMs = 5000) {
  if (!isRunning(child)) return;
  child.kill('SIGTERM');
  if (!(await waitForExit(child, graceMs))) {
    child.kill('SIGKILL');
    await waitForExit(child, 1000);
  }
}

/** A port that was free on 127.0.0.1 a moment ago (listen on :0, read it, close). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Forks a bench worker script and resolves with the first IPC message it sends; rejects when it
 * exits first, reports `{ error }`, or stays silent for `timeoutMs`.
 */
function forkWorker(script, args, timeoutMs) {
  const name = path.basename(script);
  const child = track(fork(script, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const message = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} sent nothing within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.once('message', (msg) => {
      clearTimeout(timer);
      if (msg && msg.error) reject(new Error(`${name}: ${msg.error}`));
      else resolve(msg);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before reporting`));
    });
  });
  return { child, message };
}

/** Kills every tracked child whatever way this process ends, and bounds the whole run. */
function installCleanup(hardLimitMs) {
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the bench`);
      killAll();
      process.exit(130);
    });
  }
  const watchdog = setTimeout(() => {
    console.error(`Bench exceeded its ${Math.round(hardLimitMs / 1000)} s limit; aborting`);
    killAll();
    process.exit(1);
  }, hardLimitMs);
  watchdog.unref();
}

module.exports = { track, killAll, stop, freePort, forkWorker, installCleanup, isRunning };
