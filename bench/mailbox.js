'use strict';

/**
 * The mailbox's part of `npm run bench` (alone: BENCH_ONLY=mailbox): 100,000 enrollments with
 * their first touches sent, and 5,000 answers to them waiting in the INBOX of a throwaway Dovecot
 * before the watcher starts (60% replies, 25% out-of-office answers with a return date, 15%
 * Postfix 5.1.1 bounces, each answering a distinct touch). Reports the rate from the watcher
 * starting to the last message applied (fetched, read, matched, its row written, its enrollment
 * updated), beside raw imapflow fetching the same messages from the same server, and the
 * process's peak RSS. Each step in a worker process of its own (mailbox-worker.js).
 *
 * Environment: BENCH_MAIL_ENROLLMENTS (100000), BENCH_MAIL_MESSAGES (5000).
 */
const path = require('node:path');
const { forkWorker, stop } = require('./lib/children');
const { int, pct, positiveIntegerFromEnv, verdict } = require('./lib/format');
const { appendAll, startDovecot } = require('./lib/dovecot');
const { expectedKinds, inboundMessage } = require('./lib/mail-messages');
const { DAY_MS, elapsedMs } = require('./lib/sequence-seed');

const RATE_TARGET_PER_S = 200;
const RSS_TARGET_MB = 300;
const WORKER = path.join(__dirname, 'mailbox-worker.js');

const perS = (pass) => (pass.messages / pass.ms) * 1000;

/** One worker step: its answer, the worker stopped whatever happens. */
async function step(args, timeoutMs) {
  const { child, message } = forkWorker(WORKER, args, timeoutMs);
  try {
    return await message;
  } finally {
    await stop(child);
  }
}

function renderMailboxReport({ enrollments, result }) {
  const { seeding, appendMs, baseline, apply, rssMb, checked, kinds } = result;
  const rate = perS(apply);
  const misses = [];
  const check = (label, met) => {
    if (!met) misses.push(label);
    return verdict(met);
  };
  const base = (label, pass) =>
    `| report only: ${label} | ${int(perS(pass))}/s (${(pass.ms / 1000).toFixed(1)} s) | | ${(rate / perS(pass)).toFixed(2)}× | | |`;
  const { found, expected, wrong } = checked;
  const lines = [
    '## Mailbox: the watcher and the intake',
    '',
    `${int(enrollments)} active enrollments of one sequence, each with its first touch sent ` +
      `(seeded in ${(seeding.ms / 1000).toFixed(1)} s). ${int(apply.messages)} messages were ` +
      `APPENDed to the INBOX of a throwaway Dovecot 2.3 on loopback (plain IMAP; ` +
      `${(appendMs / 1000).toFixed(1)} s) before the watcher started, each answering a distinct ` +
      `touch: ${int(kinds.reply)} replies in its thread, ${int(kinds.out_of_office)} ` +
      `out-of-office answers with a return date after its next due time, ${int(kinds.bounce)} ` +
      'Postfix 5.1.1 bounces carrying its Message-ID. The built application runs in-process ' +
      'without HTTP on a temporary SQLite file (WAL) with IMAP_URL set, no LLM (the offline ' +
      'heuristic classifies the replies): the time runs from the watcher starting to the last ' +
      'message applied (fetched, read, matched, its row written, its enrollment updated). The ' +
      'baselines read the same messages from the same server through imapflow alone, in a ' +
      'process of their own, after an untimed pass; the ratio is the service over the baseline.',
    '',
    '| measure | value | baseline | ratio | target | pass/fail |',
    '| --- | ---: | --- | ---: | --- | --- |',
    `| messages applied, fetch to enrollment update | ${int(rate)}/s (${int(apply.messages)} in ${(apply.ms / 1000).toFixed(1)} s) | raw imapflow, one streamed FETCH of all: ${int(perS(baseline.streamed))}/s | ${pct(rate / perS(baseline.streamed))} | ≥ ${int(RATE_TARGET_PER_S)}/s | ${check('messages/s', rate >= RATE_TARGET_PER_S)} |`,
    base('raw imapflow, one FETCH per UID after a listing, as the watcher', baseline.oneByOne),
    base('the same + mailparser simpleParser', baseline.parsed),
    `| peak RSS of the process | ${rssMb.toFixed(0)} MB | | | < ${RSS_TARGET_MB} MB | ${check('peak RSS', rssMb < RSS_TARGET_MB)} |`,
    `| rows applied; enrollments replied, bounced, postponed | ${int(found.applied)}; ${int(found.replied)}, ${int(found.bounced)}, ${int(found.postponed)} | | | ${int(expected.applied)}; ${int(expected.replied)}, ${int(expected.bounced)}, ${int(expected.postponed)} | ${check('outcomes', wrong.length === 0)} |`,
    '',
    misses.length > 0 ? `Missed: ${misses.join(', ')}.` : 'Every target met.',
    ...(wrong.length > 0 ? ['', `Wrong counts: ${wrong.join(', ')}.`] : []),
    '',
  ];
  return { table: lines.join('\n'), misses };
}

async function runMailboxBench({ tmpDir }) {
  const enrollments = positiveIntegerFromEnv('BENCH_MAIL_ENROLLMENTS', 100_000);
  const messages = positiveIntegerFromEnv('BENCH_MAIL_MESSAGES', 5000);
  if (messages > enrollments) {
    throw new Error('BENCH_MAIL_MESSAGES must not exceed BENCH_MAIL_ENROLLMENTS');
  }
  console.log(`Mailbox: ${int(enrollments)} enrollments, ${int(messages)} messages...`);
  const args = [tmpDir, String(enrollments), String(messages)];
  const { seeding, touches } = await step(['seed', ...args], 10 * 60_000);
  const dovecot = await startDovecot();
  try {
    const now = new Date();
    // After every seeded due time (at most 30 days out), so each answer postpones its enrollment.
    const returnDate = new Date(now.getTime() + 60 * DAY_MS);
    const appendStart = process.hrtime.bigint();
    await appendAll(
      dovecot.port,
      touches.map((touch, index) => inboundMessage(touch, index, { date: now, returnDate })),
    );
    const appendMs = elapsedMs(appendStart);
    const baseline = await step(['baseline', ...args, String(dovecot.port)], 5 * 60_000);
    const measured = await step(['measure', ...args, dovecot.url], 10 * 60_000);
    const result = {
      seeding,
      appendMs,
      baseline,
      ...measured,
      kinds: expectedKinds(messages),
    };
    return { ...renderMailboxReport({ enrollments, result }), results: result };
  } finally {
    await dovecot.stop();
  }
}

module.exports = { runMailboxBench, renderMailboxReport };
