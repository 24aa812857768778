'use strict';

/**
 * Ceiling worker (forked by run.js): raw better-sqlite3, the driver the service uses, on a fresh
 * WAL file with synchronous=NORMAL and the service's contexts table and indices. Measures
 * single-row autocommit INSERTs, primary-key SELECTs and UPDATEs per second, each for a fixed time
 * with prepared statements, and sends `{ insert, select, update, tuned }` (ops/s) over IPC.
 * `tuned` repeats INSERT and UPDATE on a second file with the service's own SQLite settings on top
 * (SQLITE_TUNING: page cache, checkpoint interval), so the report shows what they are worth.
 *
 * Usage: node bench/sqlite-ceiling.js <database file> <seconds per operation>
 */
const { performance } = require('node:perf_hooks');
const { openContextsDb } = require('./lib/contexts-db');
const { CONTEXT_JSON } = require('./lib/payload');
const { SQLITE_TUNING } = require('../dist/database/data-source-options');

const [file, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg) > 0 ? Number(secondsArg) : 3;

/** Runs `op(n)` with n = 0, 1, 2, ... for `seconds`; returns calls per second. */
function rate(op) {
  const start = performance.now();
  const end = start + seconds * 1000;
  let n = 0;
  let now = start;
  while (now < end) {
    // Read the clock every 64 calls, so timing stays out of the measured cost.
    for (let i = 0; i < 64; i++) op(n++);
    now = performance.now();
  }
  return { opsPerSec: n / ((now - start) / 1000), count: n };
}

function measure(dbFile, extraPragmas) {
  const { db, insert: insertStmt } = openContextsDb(dbFile, extraPragmas);
  const selectStmt = db.prepare('SELECT * FROM contexts WHERE job_id = ?');
  const updateStmt = db.prepare(
    'UPDATE contexts SET context_data = ?, version = version + 1, updated_at = ? WHERE job_id = ?',
  );
  const jobId = (n) => `raw-${n}`;

  const insert = rate((n) => {
    const now = new Date().toISOString();
    insertStmt.run(jobId(n), CONTEXT_JSON, now, now);
  });
  const rows = insert.count;
  const select = rate((n) => {
    if (!selectStmt.get(jobId(n % rows))) throw new Error(`row ${jobId(n % rows)} missing`);
  });
  const update = rate((n) => {
    updateStmt.run(CONTEXT_JSON, new Date().toISOString(), jobId(n % rows));
  });
  db.close();
  return { insert: insert.opsPerSec, select: select.opsPerSec, update: update.opsPerSec, rows };
}

try {
  const plain = measure(file, []);
  const tuned = measure(`${file.replace(/\.sqlite$/, '')}-tuned.sqlite`, SQLITE_TUNING);
  process.send({ ...plain, tuned: { insert: tuned.insert, update: tuned.update } }, () =>
    process.exit(0),
  );
} catch (error) {
  process.send({ error: error.stack || String(error) }, () => process.exit(1));
}
