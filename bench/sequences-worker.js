'use strict';

/* global AbortController */

/**
 * The sequence scheduler's bench, in a process of its own (forked by bench/sequences.js, which
 * reads its peak RSS): the built application (dist) as an application context on a temporary
 * SQLite file, without HTTP, so the figures are the scheduler's own.
 *
 *   1. Seeds ENROLLMENTS active enrollments of one 3-step sequence (email, wait, email) at its
 *      follow-up, each with its first touch sent, every one due in days.
 *   2. Idle ticks: SequenceRunService.run with nothing due, TICKS times (a run job's wake-up).
 *   3. DUE of them fall due within the last minute; runs follow until none is left due. The
 *      sending window is closed now (the window's only day is another weekday), so each due
 *      enrollment is claimed, its follow-up written and queued to the outbox as a threaded
 *      reply, and the enrollment scheduled for the window: everything but the send.
 *   4. The same-run baseline: the same rows made due again, and the same statements per touch
 *      (read the due batch by the index; per touch: look for the touch, read the thread, insert
 *      the outbox row, update the enrollment, each write its own transaction) through raw
 *      better-sqlite3 on the same file, with no service code.
 *
 * Args: mode (`seed`, then `measure` in a fresh process, so the peak RSS is the scheduler's and
 * not the seeding's) tmpDir enrollments due ticks [sequenceId]. Answers over IPC.
 */
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const {
  DAY_MS,
  RUN_JOB_ID,
  elapsedMs,
  seedSequence,
  sqliteTime,
  startApp,
} = require('./lib/sequence-seed');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const [mode, tmpDir, enrollmentsArg, dueArg, ticksArg, sequenceIdArg] = process.argv.slice(2);
const ENROLLMENTS = Number(enrollmentsArg);
const DUE = Number(dueArg);
const TICKS = Number(ticksArg);
const DB_FILE = path.join(tmpDir, 'sequences.sqlite');

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(samplesMs) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { mean, p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
}

/** Makes DUE enrollments due within the last minute (the first DUE by id), and clears their touch 1. */
async function makeDue(run) {
  run(
    `DELETE FROM outbox_messages WHERE touch_index = 1`,
    `UPDATE sequence_enrollments SET next_due_at = :due, status = 'active', step_index = 2
       WHERE id IN (SELECT id FROM sequence_enrollments ORDER BY id LIMIT ${DUE})`,
  );
}

/** `seed`: the sequence and its enrollments, in this process; answers the sequence id. */
async function seedMode() {
  process.send(await seedSequence({ tmpDir, dbFile: DB_FILE, count: ENROLLMENTS }));
}

/** `measure`: idle ticks, then the due touches, then the raw baseline; in a fresh process. */
async function measureMode(sequenceId) {
  const app = await startApp({ tmpDir, dbFile: DB_FILE });
  const { DataSource } = require('typeorm');
  const { SequenceRunService } = require(
    path.join(DIST, 'agents/sequences/run/sequence-run.service'),
  );
  const runs = app.get(SequenceRunService, { strict: false });
  const dataSource = app.get(DataSource, { strict: false });
  const inputs = {
    sender: { name: 'Alex Bench', company: 'Zigral' },
    offer: { name: 'Zigral' },
    jobId: RUN_JOB_ID,
    signal: new AbortController().signal,
  };

  // Idle ticks: nothing due; each run parks until the first due time.
  for (let i = 0; i < 20; i++) await runs.run(sequenceId, inputs); // warm-up
  const idleSamples = [];
  for (let i = 0; i < TICKS; i++) {
    const start = process.hrtime.bigint();
    const result = await runs.run(sequenceId, inputs);
    idleSamples.push(elapsedMs(start));
    if (!result.repeat || !/Nothing was due/.test(result.summary)) {
      throw new Error(`An idle run did something: ${result.summary}`);
    }
  }

  // Due touches: claimed, written and queued, scheduled for the window.
  const due = new Date(Date.now() - 1000);
  const sql = (...statements) =>
    dataSource.transaction(async (manager) => {
      for (const statement of statements) {
        const params = statement.includes(':due') ? [sqliteTime(due)] : [];
        await manager.query(statement.replace(':due', '?'), params);
      }
    });
  await makeDue(sql);
  const queueStart = process.hrtime.bigint();
  let runsNeeded = 0;
  for (;;) {
    runsNeeded += 1;
    const result = await runs.run(sequenceId, inputs);
    if (/Nothing was due/.test(result.summary)) break;
    if (runsNeeded > DUE) throw new Error('The runs did not empty the due enrollments');
  }
  const queueMs = elapsedMs(queueStart);
  const [{ queued }] = await dataSource.query(
    `SELECT COUNT(*) AS queued FROM outbox_messages WHERE touch_index = 1 AND status = 'approved'`,
  );
  if (Number(queued) !== DUE) throw new Error(`Queued ${queued} touches, expected ${DUE}`);
  const rssMb = process.resourceUsage().maxRSS / 1024;

  await makeDue(sql);
  await app.close();
  const raw = rawBaseline(sequenceId, due);
  process.send(
    {
      idle: summary(idleSamples),
      queue: { touches: DUE, ms: queueMs, runs: runsNeeded },
      raw,
      rssMb,
    },
    () => process.exit(0),
  );
}

/**
 * The scheduler's statements per batch through raw better-sqlite3 with prepared statements, on
 * the same file: read the due batch by the index, its prospects and its touches; insert the
 * follow-ups in one transaction; update the enrollments 100 to a transaction (the service's
 * group commit of its concurrent writes). The ceiling of claiming and queuing on this machine.
 */
function rawBaseline(sequenceId, due) {
  const Database = require('better-sqlite3');
  const db = new Database(DB_FILE);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const dueBatch = db.prepare(
    `SELECT * FROM sequence_enrollments WHERE sequence_id = ? AND status = 'active'
       AND next_due_at <= ? ORDER BY next_due_at, id LIMIT 500`,
  );
  const prospectsOf = db.prepare(
    'SELECT * FROM prospects WHERE id IN (SELECT value FROM json_each(?))',
  );
  const touchesOf = db.prepare(
    `SELECT * FROM outbox_messages WHERE enrollment_id IN (SELECT value FROM json_each(?))
       ORDER BY touch_index`,
  );
  const columns = db
    .prepare('SELECT name FROM pragma_table_info(?)')
    .all('outbox_messages')
    .map((row) => row.name);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO outbox_messages (${columns.join(', ')})
       VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
  );
  const update = db.prepare(
    `UPDATE sequence_enrollments SET next_due_at = ?, updated_at = ? WHERE id = ?
       AND status IN ('active', 'paused') AND step_index = ?`,
  );
  const insertAll = db.transaction((rows) => rows.forEach((row) => insert.run(row)));
  const updateAll = db.transaction((rows, later, now) =>
    rows.forEach((row) => update.run(later, now, row.id, row.step_index)),
  );
  const later = sqliteTime(new Date(Date.now() + 2 * DAY_MS));
  const dueAt = sqliteTime(due);
  const start = process.hrtime.bigint();
  let touches = 0;
  for (;;) {
    const batch = dueBatch.all(sequenceId, dueAt);
    if (batch.length === 0) break;
    prospectsOf.all(JSON.stringify(batch.map((enrollment) => enrollment.prospect_id)));
    const firsts = new Map(
      touchesOf
        .all(JSON.stringify(batch.map((enrollment) => enrollment.id)))
        .map((touch) => [touch.enrollment_id, touch]),
    );
    const now = sqliteTime(new Date());
    insertAll(
      batch.map((enrollment) => {
        const first = firsts.get(enrollment.id);
        return {
          ...first,
          id: randomUUID(),
          status: 'approved',
          touch_index: 1,
          step_key: `touch:${enrollment.id}:1`,
          send_key: null,
          message_id: null,
          subject: `Re: ${first.subject}`,
          in_reply_to: first.message_id,
          thread_references: first.message_id,
          created_at: now,
          updated_at: now,
          sent_at: null,
        };
      }),
    );
    for (let i = 0; i < batch.length; i += 100) updateAll(batch.slice(i, i + 100), later, now);
    touches += batch.length;
  }
  const ms = elapsedMs(start);
  db.close();
  return { touches, ms };
}

(mode === 'seed' ? seedMode() : measureMode(sequenceIdArg)).catch((error) => {
  process.send({ error: error.stack || String(error) });
  process.exitCode = 1;
});
