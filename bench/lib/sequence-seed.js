'use strict';

/**
 * What the sequences and mailbox parts of the bench seed through the built application (dist),
 * run in-process as a Nest application context on a temporary SQLite file: one 3-step sequence
 * (email, wait 3 business days, email) with a run job, and its active enrollments at the
 * follow-up, each with its first touch sent; the touch of enrollment `e` has the Message-ID
 * `<e.0@bench.example>` (touchMessageId).
 */
const path = require('node:path');
const { randomUUID } = require('node:crypto');

const DIST = path.resolve(__dirname, '..', '..', 'dist');
const CHUNK = 500;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** The run job the sequence names (none runs: a wake-up is a statement that changes nothing). */
const RUN_JOB_ID = 'bench-run';
// Prospects spread over zones, so each touch resolves a zone as it would in production.
const PLACES = [
  ['DE', 'Berlin'],
  ['US', 'New York'],
  ['US', 'San Francisco'],
  ['GB', 'London'],
  ['FR', 'Paris'],
  ['IN', 'Bengaluru'],
  ['BR', 'São Paulo'],
  ['AU', 'Sydney'],
];

function elapsedMs(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A time as TypeORM writes it to SQLite (UTC, `YYYY-MM-DD HH:MM:SS.SSS`), so comparisons hold. */
function sqliteTime(date) {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** The Message-ID (with <>) of an enrollment's sent first touch. */
function touchMessageId(enrollmentId) {
  return `<${enrollmentId}.0@bench.example>`;
}

/**
 * The built application as an application context (no HTTP) on `dbFile`, logging at `warn` to
 * files in `tmpDir`; `env` is added to the process environment first (e.g. IMAP_URL).
 */
async function startApp({ tmpDir, dbFile, env = {} }) {
  process.chdir(tmpDir);
  Object.assign(process.env, {
    DATABASE_URL: `sqlite:${dbFile}`,
    LOG_LEVEL: 'warn',
    LOG_DIR: path.join(tmpDir, 'logs'),
    EMAIL_PACING_MS: '0',
    ...env,
  });
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require(path.join(DIST, 'app.module'));
  const { loadAppConfig } = require(path.join(DIST, 'config/load-environment'));
  return NestFactory.createApplicationContext(AppModule.forRoot(loadAppConfig()), {
    logger: ['error'],
  });
}

/** A window open only on the day after tomorrow (UTC): closed now, whatever the weekday. */
function closedWindow() {
  const day = new Date(Date.now() + 2 * DAY_MS).getUTCDay();
  return { days: [WEEKDAYS[day]], start: '09:00', end: '17:00' };
}

/** The bench's sequence, with its run job named; answers the entity. */
async function createSequence(app) {
  const { SequencesService } = require(path.join(DIST, 'agents/sequences/sequences.service'));
  const sequences = app.get(SequencesService, { strict: false });
  const sequence = await sequences.create({
    name: 'Bench sequence',
    steps: [
      { type: 'email', subject: 'A quick question', body: 'Hi {{first_name}},\n\nA first touch.' },
      { type: 'wait', business_days: 3 },
      {
        type: 'email',
        subject: 'Following up',
        body: 'Hi {{first_name}},\n\nFollowing up on {{offer_name}}.',
      },
    ],
    settings: {
      time_zone: 'UTC',
      window: closedWindow(),
      daily_cap: 1_000_000,
      review_follow_ups: false,
      one_active_sequence_per_prospect: true,
      stop_on_company_reply: false,
    },
  });
  await sequences.swapJob(sequence.id, 'runJobId', null, RUN_JOB_ID);
  return sequence;
}

/** One chunk's prospects, enrollments (due in 2 to 30 days) and sent first touches. */
function chunkRows(sequence, from, to, now) {
  const launched = new Date(now.getTime() - 3 * DAY_MS);
  const rows = { prospects: [], enrollments: [], touches: [] };
  for (let i = from; i < to; i++) {
    const [country, city] = PLACES[i % PLACES.length];
    const prospectId = randomUUID();
    const enrollmentId = randomUUID();
    const email = `person${i}@company${i % 5000}.example`;
    const name = `Person ${i} Example`;
    const at = { createdAt: launched, updatedAt: launched };
    rows.prospects.push({
      id: prospectId,
      name,
      email,
      title: 'VP of Sales',
      country,
      city,
      tags: [],
      createdAt: now,
      updatedAt: now,
    });
    rows.enrollments.push({
      id: enrollmentId,
      sequenceId: sequence.id,
      prospectId,
      status: 'active',
      stepIndex: 2,
      // Nothing due until a bench makes some due.
      nextDueAt: new Date(now.getTime() + (2 + (i % 29)) * DAY_MS),
      source: 'ids',
      launchedAt: launched,
      followUpsApproved: true,
      ...at,
    });
    rows.touches.push({
      id: randomUUID(),
      jobId: 'bench-launch',
      stepKey: `touch:${enrollmentId}:0`,
      prospectId,
      to: email,
      name,
      subject: 'A quick question',
      body: 'Hello,\n\nA first touch.\n',
      status: 'sent',
      sendKey: `${enrollmentId}:0`,
      messageId: touchMessageId(enrollmentId),
      enrollmentId,
      touchIndex: 0,
      sequenceId: sequence.id,
      ...at,
      sentAt: launched,
    });
  }
  return rows;
}

/** Seeds `count` enrollments of `sequence`, 500 to a transaction. */
async function seedEnrollments(app, sequence, count) {
  const { DataSource } = require('typeorm');
  const { ProspectEntity } = require(path.join(DIST, 'agents/prospects/prospect.entity'));
  const { SequenceEnrollmentEntity } = require(
    path.join(DIST, 'agents/sequences/sequence-enrollment.entity'),
  );
  const { OutboxMessageEntity } = require(path.join(DIST, 'agents/email/outbox-message.entity'));
  const dataSource = app.get(DataSource, { strict: false });
  const now = new Date();
  for (let start = 0; start < count; start += CHUNK) {
    const rows = chunkRows(sequence, start, Math.min(start + CHUNK, count), now);
    await dataSource.transaction(async (manager) => {
      await manager.getRepository(ProspectEntity).insert(rows.prospects);
      await manager.getRepository(SequenceEnrollmentEntity).insert(rows.enrollments);
      await manager.getRepository(OutboxMessageEntity).insert(rows.touches);
    });
  }
}

/**
 * `seed` mode of a bench worker: the sequence and `count` enrollments in this process; answers
 * `{ sequenceId, seeding: { ms, rows } }`.
 */
async function seedSequence({ tmpDir, dbFile, count }) {
  const app = await startApp({ tmpDir, dbFile });
  const sequence = await createSequence(app);
  const start = process.hrtime.bigint();
  await seedEnrollments(app, sequence, count);
  const ms = elapsedMs(start);
  await app.close();
  return { sequenceId: sequence.id, seeding: { ms, rows: count } };
}

module.exports = {
  DAY_MS,
  RUN_JOB_ID,
  elapsedMs,
  seedSequence,
  sqliteTime,
  startApp,
  touchMessageId,
};
