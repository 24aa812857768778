'use strict';

/**
 * The mailbox part's worker (forked by bench/mailbox.js, which reads its answers over IPC):
 *
 *   seed       the sequence and ENROLLMENTS enrollments with their sent first touches
 *              (lib/sequence-seed.js), on a temporary SQLite file; answers the first MESSAGES
 *              touches (enrollment, address, Message-ID), the ones the messages answer;
 *   baseline   raw imapflow on the same Dovecot, no service code: after an untimed pass (so
 *              Dovecot's cache is as warm for every measured pass), one streamed
 *              `UID FETCH 1:* BODY.PEEK[]`; the watcher's pattern (a listing with sizes, then
 *              one FETCH per UID); and the same plus mailparser's simpleParser with the reader's
 *              options;
 *   measure    the built application (dist) as an application context with IMAP_URL set: the
 *              time from the watcher starting (its onApplicationBootstrap) until the pipeline has
 *              applied MESSAGES messages, the process's peak RSS, then what the rows and the
 *              enrollments say.
 *
 * Args: mode tmpDir enrollments messages [port | imapUrl].
 */
const path = require('node:path');
const { elapsedMs, seedSequence, startApp } = require('./lib/sequence-seed');
const { imapClient } = require('./lib/dovecot');
const { expectedKinds } = require('./lib/mail-messages');

const DIST = path.resolve(__dirname, '..', 'dist');
const [mode, tmpDir, enrollmentsArg, messagesArg, target] = process.argv.slice(2);
const ENROLLMENTS = Number(enrollmentsArg);
const MESSAGES = Number(messagesArg);
const DB_FILE = path.join(tmpDir, 'mailbox.sqlite');
const APPLY_TIMEOUT_MS = 8 * 60_000;

async function seedMode() {
  const seeded = await seedSequence({ tmpDir, dbFile: DB_FILE, count: ENROLLMENTS });
  const Database = require('better-sqlite3');
  const db = new Database(DB_FILE, { readonly: true });
  const touches = db
    .prepare(
      `SELECT enrollment_id AS enrollmentId, to_address AS email, message_id AS messageId
         FROM outbox_messages WHERE touch_index = 0 ORDER BY rowid LIMIT ?`,
    )
    .all(MESSAGES);
  db.close();
  return { ...seeded, touches };
}

/** Runs `pass` over the open INBOX and answers its time and the bytes it read. */
async function timed(pass) {
  const start = process.hrtime.bigint();
  const { messages, bytes } = await pass();
  if (messages !== MESSAGES) throw new Error(`A baseline pass read ${messages} messages`);
  return { messages, bytes, ms: elapsedMs(start) };
}

async function baselineMode() {
  const { simpleParser } = require('mailparser');
  const client = await imapClient(Number(target));
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    const streamed = async () => {
      let messages = 0;
      let bytes = 0;
      for await (const message of client.fetch('1:*', { uid: true, source: true }, { uid: true })) {
        messages += 1;
        bytes += message.source.length;
      }
      return { messages, bytes };
    };
    // As the watcher: the listing, then each message by UID; `parse` on each source.
    const oneByOne = (parse) => async () => {
      const listing = await client.fetchAll('1:*', { uid: true, size: true }, { uid: true });
      let bytes = 0;
      for (const { uid } of listing) {
        const { source } = await client.fetchOne(
          String(uid),
          { uid: true, source: true },
          { uid: true },
        );
        bytes += source.length;
        if (parse) await parse(source);
      }
      return { messages: listing.length, bytes };
    };
    await streamed(); // warm-up
    const parse = (source) =>
      simpleParser(source, {
        skipHtmlToText: true,
        skipTextToHtml: true,
        skipImageLinks: true,
        skipTextLinks: true,
      });
    return {
      streamed: await timed(streamed),
      oneByOne: await timed(oneByOne()),
      parsed: await timed(oneByOne(parse)),
    };
  } finally {
    await client.logout().catch(() => undefined);
  }
}

/** Starts the clock when the watcher starts, and resolves when the pipeline applied MESSAGES. */
function instrument() {
  const { MailboxWatcher } = require(
    path.join(DIST, 'agents/mailbox/watch/mailbox-watcher.service'),
  );
  const { InboundPipeline } = require(
    path.join(DIST, 'agents/mailbox/intake/inbound-pipeline.service'),
  );
  const clock = { startedAt: null, received: 0 };
  const bootstrap = MailboxWatcher.prototype.onApplicationBootstrap;
  MailboxWatcher.prototype.onApplicationBootstrap = function (...args) {
    clock.startedAt = process.hrtime.bigint();
    return bootstrap.apply(this, args);
  };
  const receive = InboundPipeline.prototype.receive;
  clock.done = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Only ${clock.received} messages applied in time`)),
      APPLY_TIMEOUT_MS,
    );
    InboundPipeline.prototype.receive = async function (...args) {
      const record = await receive.apply(this, args);
      clock.received += 1;
      if (clock.received === MESSAGES) {
        clearTimeout(timer);
        resolve(elapsedMs(clock.startedAt));
      }
      return record;
    };
  });
  return clock;
}

/** What the rows and the enrollments say, against what the messages should have done. */
async function outcome(dataSource) {
  const count = async (sql) => Number((await dataSource.query(sql))[0].n);
  const found = {
    rows: await count('SELECT COUNT(*) AS n FROM inbound_messages'),
    applied: await count('SELECT COUNT(*) AS n FROM inbound_messages WHERE applied_at IS NOT NULL'),
    matched: await count('SELECT COUNT(*) AS n FROM inbound_messages WHERE matched = 1'),
    replied: await count(`SELECT COUNT(*) AS n FROM sequence_enrollments WHERE status = 'replied'`),
    bounced: await count(`SELECT COUNT(*) AS n FROM sequence_enrollments WHERE status = 'bounced'`),
    postponed: await count(
      `SELECT COUNT(*) AS n FROM sequence_enrollment_events
         WHERE type = 'out_of_office' AND json_extract(data, '$.postponed') = 1`,
    ),
  };
  const kinds = expectedKinds(MESSAGES);
  const expected = {
    rows: MESSAGES,
    applied: MESSAGES,
    matched: MESSAGES,
    replied: kinds.reply,
    bounced: kinds.bounce,
    postponed: kinds.out_of_office,
  };
  const wrong = Object.keys(expected).filter((key) => found[key] !== expected[key]);
  return { found, expected, wrong };
}

async function measureMode() {
  const clock = instrument();
  const app = await startApp({
    tmpDir,
    dbFile: DB_FILE,
    // No LLM and no webhook: a reply's intent is the offline heuristic's.
    env: { IMAP_URL: target, OPENAI_API_KEY: '', REPLY_WEBHOOK_URL: '' },
  });
  const ms = await clock.done;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const { DataSource } = require('typeorm');
  const checked = await outcome(app.get(DataSource, { strict: false }));
  await app.close();
  return { apply: { messages: MESSAGES, ms }, rssMb, checked };
}

const modes = { seed: seedMode, baseline: baselineMode, measure: measureMode };
modes[mode]().then(
  (answer) => process.send(answer, () => process.exit(0)),
  (error) => {
    process.send({ error: error.stack || String(error) });
    process.exitCode = 1;
  },
);
