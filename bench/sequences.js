'use strict';

/**
 * The sequence scheduler's part of `npm run bench` (alone: BENCH_ONLY=sequences): 100,000 active
 * enrollments, 10,000 of them due in the same minute, in a worker process of its own
 * (sequences-worker.js). Reports the cost of a tick with nothing due, the rate of claiming and
 * queuing due touches to the outbox (sends excluded) against raw better-sqlite3 doing the same
 * statements on the same file, and the worker's peak RSS.
 *
 * Environment: BENCH_SEQ_ENROLLMENTS (100000), BENCH_SEQ_DUE (10000), BENCH_SEQ_TICKS (200).
 */
const path = require('node:path');
const { forkWorker, stop } = require('./lib/children');
const { int, pct, positiveIntegerFromEnv, verdict } = require('./lib/format');

const TICK_TARGET_MS = 5;
const QUEUE_TARGET_PER_S = 2000;
const RSS_TARGET_MB = 300;

const ms = (value) => (value >= 10 ? value.toFixed(0) : value.toFixed(2));

function renderSequencesReport({ enrollments, due, result }) {
  const { seeding, idle, queue, raw, rssMb } = result;
  const rate = (queue.touches / queue.ms) * 1000;
  const rawRate = (raw.touches / raw.ms) * 1000;
  const misses = [];
  const check = (label, met) => {
    if (!met) misses.push(label);
    return verdict(met);
  };
  const lines = [
    '## Sequences: the scheduler',
    '',
    `${int(enrollments)} active enrollments of one sequence (email, wait 3 business days, email), ` +
      `each at its follow-up with its first touch sent (${int(enrollments)} outbox rows), ` +
      `seeded in ${(seeding.ms / 1000).toFixed(1)} s. The built application runs in-process ` +
      'without HTTP on a temporary SQLite file (WAL); runs are `SequenceRunService.run` calls, ' +
      "as the run job's repeating parked step makes them. The sending window is closed, so a " +
      'due enrollment is claimed, its follow-up written from the template and queued as a ' +
      'threaded reply, and the enrollment scheduled for the window: all but the send.',
    '',
    '| measure | value | baseline | ratio | target | pass/fail |',
    '| --- | ---: | --- | ---: | --- | --- |',
    `| tick with nothing due (${idle.n} runs) | mean ${ms(idle.mean)} ms, p50 ${ms(idle.p50)} ms, p99 ${ms(idle.p99)} ms | | | < ${TICK_TARGET_MS} ms | ${check('idle tick', idle.mean < TICK_TARGET_MS)} |`,
    `| due touches claimed and queued | ${int(rate)}/s (${int(queue.touches)} in ${(queue.ms / 1000).toFixed(1)} s, ${queue.runs} runs) | the same statements per batch, raw better-sqlite3: ${int(rawRate)}/s | ${pct(rate / rawRate)} | ≥ ${int(QUEUE_TARGET_PER_S)}/s | ${check('touches queued/s', rate >= QUEUE_TARGET_PER_S)} |`,
    `| peak RSS of the process | ${rssMb.toFixed(0)} MB | | | < ${RSS_TARGET_MB} MB | ${check('peak RSS', rssMb < RSS_TARGET_MB)} |`,
    '',
    misses.length > 0 ? `Missed: ${misses.join(', ')}.` : 'Every target met.',
    '',
  ];
  return { table: lines.join('\n'), misses, due };
}

async function runSequencesBench({ tmpDir }) {
  const enrollments = positiveIntegerFromEnv('BENCH_SEQ_ENROLLMENTS', 100_000);
  const due = positiveIntegerFromEnv('BENCH_SEQ_DUE', 10_000);
  const ticks = positiveIntegerFromEnv('BENCH_SEQ_TICKS', 200);
  if (due > enrollments) throw new Error('BENCH_SEQ_DUE must not exceed BENCH_SEQ_ENROLLMENTS');
  console.log(`Sequences: ${int(enrollments)} enrollments, ${int(due)} due...`);
  const worker = path.join(__dirname, 'sequences-worker.js');
  const args = [tmpDir, String(enrollments), String(due), String(ticks)];
  const seeded = forkWorker(worker, ['seed', ...args], 10 * 60_000);
  let seeding;
  let sequenceId;
  try {
    ({ seeding, sequenceId } = await seeded.message);
  } finally {
    await stop(seeded.child);
  }
  const measured = forkWorker(worker, ['measure', ...args, sequenceId], 10 * 60_000);
  try {
    const result = { seeding, ...(await measured.message) };
    return { ...renderSequencesReport({ enrollments, due, result }), results: result };
  } finally {
    await stop(measured.child);
  }
}

module.exports = { runSequencesBench, renderSequencesReport };
