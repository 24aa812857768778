import request from 'supertest';
import { EmailSendingService, INTERRUPTED_REASON } from '../src/agents/email/email-sending.service';
import type { OutboxMessageEntity } from '../src/agents/email/outbox-message.entity';
import type { NewTouch } from '../src/agents/email/outbox-touch.types';
import { OutboxService } from '../src/agents/email/outbox.service';
import { utcDayStart } from '../src/agents/email/utils/daily-limit.util';
import { messageIdFor } from '../src/agents/email/utils/outgoing-message.util';
import { touchSendKey } from '../src/agents/email/utils/send-key.util';
import { followUpSubject, replyHeaders } from '../src/agents/email/utils/threading.util';
import type { ProspectInState } from '../src/agents/prospects/prospect.types';
import { Clock } from '../src/common/time/clock';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { storeProspects } from './helpers/email-flow';
import { FakeClock } from './helpers/fake-clock';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * Sequence touches through the outbox against a real SMTP server on 127.0.0.1: queued once,
 * sent once under `{enrollmentId}:{touchIndex}`, threaded as replies, held to the sequence's
 * daily cap and EMAIL_DAILY_LIMIT (deferred, still sendable), skipped for a suppressed address,
 * never resent after a crash mid-send. Time is a FakeClock: each test starts on a UTC day of its
 * own, so the daily counts of one test never reach the next.
 */
const FROM = 'ana@zigral.example';
const DAILY_LIMIT = 6;
const smtp = new TestSmtpServer();
const clock = new FakeClock('2026-03-02T09:00:00.000Z');
let testApp: TestApp;
let outbox: OutboxService;
let sending: EmailSendingService;

beforeAll(async () => {
  await smtp.start();
  testApp = await createTestApp({
    env: {
      SMTP_URL: smtp.url,
      EMAIL_FROM: `Ana Exemple <${FROM}>`,
      EMAIL_PACING_MS: '0',
      EMAIL_DAILY_LIMIT: String(DAILY_LIMIT),
    },
    override: (builder) => builder.overrideProvider(Clock).useValue(clock),
  });
  outbox = testApp.app.get(OutboxService);
  sending = testApp.app.get(EmailSendingService);
});
afterAll(async () => {
  await testApp.destroy();
  await smtp.stop();
});
beforeEach(() => {
  smtp.received.length = 0;
  clock.advance({ days: 1 });
});

const signal = () => new AbortController().signal;

/** A touch of `enrollmentId` to `prospect`, approved unless said otherwise. */
function touchOf(
  prospect: ProspectInState,
  enrollmentId: string,
  touchIndex: number,
  change: Partial<NewTouch> = {},
): NewTouch {
  return {
    enrollmentId,
    touchIndex,
    sequenceId: 'seq-intro',
    jobId: 'launch-job',
    prospectId: prospect.id!,
    to: prospect.email!,
    name: prospect.name,
    subject: `A quick idea for ${prospect.company?.name}`,
    body: `Hi ${prospect.name.split(' ')[0]},\n\nTouch ${touchIndex + 1}.\n\nAna`,
    status: 'approved',
    ...change,
  };
}

/** Queues the next touch of an enrollment as the scheduler will: a reply in its thread. */
async function queueFollowUp(touch: NewTouch): Promise<OutboxMessageEntity> {
  const thread = await outbox.threadOf(touch.enrollmentId);
  const headers = replyHeaders(thread.messageIds);
  return outbox.queueTouch({
    ...touch,
    subject: thread.subject ? followUpSubject(thread.subject) : touch.subject,
    inReplyTo: headers?.inReplyTo,
    references: headers?.references,
  });
}

describe('sequence touches in the outbox', () => {
  it('sends three touches of an enrollment in order, one thread, each with its own Message-ID', async () => {
    const [carla] = await storeProspects(testApp, [
      { name: 'Carla Voorbeeld', email: 'carla@gamma.example', company: 'Gamma BV' },
    ]);
    const enrollment = 'enr-carla';
    const results = [];
    for (let index = 0; index < 3; index++) {
      const queued = await queueFollowUp(touchOf(carla, enrollment, index));
      results.push(await sending.sendTouch({ outboxId: queued.id, signal: signal() }));
      clock.advance({ days: 3 });
    }
    expect(results.map((result) => result.status)).toEqual(['sent', 'sent', 'sent']);

    const ids = [0, 1, 2].map((index) => messageIdFor(touchSendKey(enrollment, index), FROM));
    expect(new Set(ids).size).toBe(3);
    expect(results.map((result) => result.message_id)).toEqual(ids);
    const received = smtp.to('carla@gamma.example');
    expect(received.map((entry) => entry.mail.messageId)).toEqual(ids);
    expect(received.map((entry) => entry.mail.subject)).toEqual([
      'A quick idea for Gamma BV',
      'Re: A quick idea for Gamma BV',
      'Re: A quick idea for Gamma BV',
    ]);
    const [first, second, third] = received;
    expect(first.header('in-reply-to')).toBeUndefined();
    expect(first.header('references')).toBeUndefined();
    expect(second.header('in-reply-to')).toBe(ids[0]);
    expect(second.mail.references).toBe(ids[0]);
    expect(third.header('in-reply-to')).toBe(ids[1]);
    expect(third.mail.references).toEqual([ids[0], ids[1]]);
    expect(third.header('references')!.replace(/\s+/g, ' ')).toBe(`${ids[0]} ${ids[1]}`);
    expect(third.mail.text).toMatch(/^Hi Carla,\n\nTouch 3\.\n\nAna\n\n--\n/);
    expect(third.header('list-unsubscribe')).toMatch(/^<https?:\/\/.+\/unsubscribe\//);

    const thread = await outbox.threadOf(enrollment);
    expect(thread).toEqual({ messageIds: ids, subject: 'A quick idea for Gamma BV' });
    const stored = await outbox.findTouch(enrollment, 2);
    expect(stored).toMatchObject({
      status: 'sent',
      sendKey: `${enrollment}:2`,
      messageId: ids[2],
      sequenceId: 'seq-intro',
      inReplyTo: ids[1],
      threadReferences: `${ids[0]} ${ids[1]}`,
    });
  });

  it('queues a touch once and sends it once, also when asked twice at the same time', async () => {
    const [dirk] = await storeProspects(testApp, [
      { name: 'Dirk Exempel', email: 'dirk@delta.example', company: 'Delta AB' },
    ]);
    const touch = touchOf(dirk, 'enr-dirk', 0);
    const queued = await Promise.all([1, 2, 3, 4].map(() => outbox.queueTouch(touch)));
    expect(new Set(queued.map((row) => row.id)).size).toBe(1);
    const again = await outbox.queueTouch({ ...touch, subject: 'Changed', status: 'draft' });
    expect(again).toMatchObject({ id: queued[0].id, subject: touch.subject, status: 'approved' });

    const racing = await Promise.all([
      sending.sendTouch({ outboxId: again.id, signal: signal() }),
      sending.sendTouch({ outboxId: again.id, signal: signal() }),
    ]);
    expect(racing.map((result) => result.status).sort()).toEqual(['sent', 'skipped']);
    const later = await sending.sendTouch({ outboxId: again.id, signal: signal() });
    const sent = racing.find((result) => result.status === 'sent');
    expect(later).toMatchObject({ status: 'sent', message_id: sent?.message_id });
    expect(later.message_id).toEqual(expect.stringMatching(/^<.+@.+>$/));
    expect(smtp.to('dirk@delta.example')).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
  });

  it("defers the touch over its sequence's daily cap, still sendable, and sends it the next day", async () => {
    const prospects = await storeProspects(testApp, [
      { name: 'Eva Exemplo', email: 'eva@epsilon.example' },
      { name: 'Finn Esempio', email: 'finn@zeta.example' },
      { name: 'Gus Example', email: 'gus@eta.example' },
    ]);
    const touches = await Promise.all(
      prospects.map((prospect, i) =>
        outbox.queueTouch(touchOf(prospect, `enr-cap-${i}`, 0, { sequenceId: 'seq-capped' })),
      ),
    );
    const send = (row: OutboxMessageEntity) =>
      sending.sendTouch({ outboxId: row.id, signal: signal(), sequenceDailyCap: 2 });
    const results = [];
    for (const row of touches) results.push(await send(row));
    expect(results.map((result) => result.status)).toEqual(['sent', 'sent', 'deferred']);
    expect(results[2]).toMatchObject({ deferred: 'sequence_daily_limit' });
    expect(smtp.received).toHaveLength(2);
    expect((await outbox.get(touches[2].id)).status).toBe('approved');
    // Another sequence is not held by this one's cap.
    const [hana] = await storeProspects(testApp, [
      { name: 'Hana Beispiel', email: 'hana@theta.example' },
    ]);
    const other = await outbox.queueTouch(touchOf(hana, 'enr-other', 0, { sequenceId: 'seq-b' }));
    expect(await send(other)).toMatchObject({ status: 'sent' });

    clock.advance({ days: 1 });
    expect(await send(touches[2])).toMatchObject({ status: 'sent' });
    expect(smtp.to('gus@eta.example')).toHaveLength(1);
  });

  it('defers touches over EMAIL_DAILY_LIMIT, counted with the day of every sequence', async () => {
    const prospects = await storeProspects(
      testApp,
      Array.from({ length: DAILY_LIMIT + 1 }, (_, i) => ({
        name: `Ivo${i} Exemple`,
        email: `ivo${i}@iota.example`,
      })),
    );
    const results = [];
    for (const [i, prospect] of prospects.entries()) {
      const sequenceId = i % 2 === 0 ? 'seq-even' : 'seq-odd';
      const row = await outbox.queueTouch(touchOf(prospect, `enr-limit-${i}`, 0, { sequenceId }));
      results.push(
        await sending.sendTouch({ outboxId: row.id, signal: signal(), sequenceDailyCap: 100 }),
      );
    }
    expect(results.filter((result) => result.status === 'sent')).toHaveLength(DAILY_LIMIT);
    expect(results[DAILY_LIMIT]).toMatchObject({ status: 'deferred', deferred: 'daily_limit' });
    expect(smtp.received).toHaveLength(DAILY_LIMIT);
    expect((await outbox.get(results[DAILY_LIMIT].id)).status).toBe('approved');
  });

  it('skips a touch to a suppressed address for good', async () => {
    const [jo] = await storeProspects(testApp, [{ name: 'Jo Exempel', email: 'jo@kappa.example' }]);
    await request(testApp.server)
      .post('/suppressions')
      .send({ value: 'kappa.example' })
      .expect(201);
    const row = await outbox.queueTouch(touchOf(jo, 'enr-jo', 0));
    const result = await sending.sendTouch({ outboxId: row.id, signal: signal() });
    expect(result).toMatchObject({ status: 'skipped', reason: 'suppressed (kappa.example)' });
    expect(await outbox.get(row.id)).toMatchObject({ status: 'skipped', sendKey: null });
    expect(smtp.received).toHaveLength(0);
  });

  it('marks a touch left sending by a crash as failed, and never sends it', async () => {
    const [kai] = await storeProspects(testApp, [
      { name: 'Kai Exempel', email: 'kai@lambda.example' },
    ]);
    const row = await outbox.queueTouch(touchOf(kai, 'enr-kai', 1));
    // What a process killed between taking the touch and the SMTP answer leaves behind.
    const sendKey = touchSendKey('enr-kai', 1);
    const now = clock.now();
    const claimed = await outbox.claim({
      id: row.id,
      sendKey,
      messageId: messageIdFor(sendKey, FROM),
      now,
      dayStart: utcDayStart(now),
      dailyLimit: DAILY_LIMIT,
    });
    expect(claimed).toBe('claimed');

    const result = await sending.sendTouch({ outboxId: row.id, signal: signal() });
    expect(result).toMatchObject({ status: 'failed', reason: INTERRUPTED_REASON });
    expect(await outbox.get(row.id)).toMatchObject({ status: 'failed', sendKey });
    expect(await sending.sendTouch({ outboxId: row.id, signal: signal() })).toMatchObject({
      status: 'failed',
    });
    expect(smtp.received).toHaveLength(0);
  });
});
