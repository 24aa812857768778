import { randomUUID } from 'node:crypto';
import { getRepositoryToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { Repository } from 'typeorm';
import type { InboundMessage } from '../src/agents/mailbox/inbound/inbound-message.types';
import { InboundIntakeService } from '../src/agents/mailbox/intake/inbound-intake.service';
import { InboundMessageEntity } from '../src/agents/mailbox/intake/inbound-message.entity';
import type { InboundKey } from '../src/agents/mailbox/intake/intake.types';
import { Clock } from '../src/common/time/clock';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { FakeClock } from './helpers/fake-clock';
import { hasStatus, waitForJob } from './helpers/jobs';
import { launchForReview, RunDriver, touchesOf } from './helpers/sequence-run';
import { createSequence, storeProspects, TEMPLATE_EMAIL } from './helpers/sequences';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * The mailbox intake over a running sequence (real SMTP server, moved clock): classified messages,
 * built by hand as the reader would hand them over, applied through InboundIntakeService; what
 * they did is read over HTTP (enrollments, timelines, suppressions, outbox, GET /replies).
 * Each test starts on a Monday of its own; the first touch goes out at 09:00 in Berlin.
 */
const smtp = new TestSmtpServer();
const clock = new FakeClock('2026-05-04T05:00:00.000Z');
let t: TestApp;
let intake: InboundIntakeService;

beforeAll(async () => {
  await smtp.start();
  t = await createTestApp({
    env: {
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'ana@zigral.example',
      EMAIL_PACING_MS: '0',
      PUBLIC_URL: 'https://zigral.test',
      RATE_LIMIT: '100000',
      MAILBOX_OOO_DEFAULT_DAYS: '7',
    },
    override: (builder) => builder.overrideProvider(Clock).useValue(clock),
  });
  intake = t.app.get(InboundIntakeService);
});
afterAll(async () => {
  await t.destroy();
  await smtp.stop();
});

// Mondays at 05:00 UTC: 07:00 in Berlin (summer time), two hours before its window opens.
let monday = Date.parse('2026-05-04T05:00:00.000Z');
beforeEach(() => {
  monday += 14 * 24 * 3_600_000;
  clock.set(new Date(monday));
});
const at = (hours: number) => new Date(monday + hours * 3_600_000).toISOString();

const FOLLOW_UP = { type: 'email', subject: 'Following up', body: 'Hi {{first_name}}, again.' };
const STEPS = [TEMPLATE_EMAIL, { type: 'wait', days: 2 }, FOLLOW_UP];

/** One Berlin prospect in a two-touch sequence, launched; its first touch sent (at(2)). */
async function started(settings: object = {}) {
  const domain = `firma${randomUUID().slice(0, 6)}.example`;
  const email = `lena.${randomUUID().slice(0, 6)}@${domain}`;
  const [prospectId] = await storeProspects(t, [
    { name: 'Lena Muster', email, country: 'Germany', company: { name: domain, domain } },
  ]);
  const sequence = await createSequence(t, {
    steps: STEPS,
    settings: { time_zone: 'Europe/Berlin', ...settings },
  });
  const enrolled = await request(t.server)
    .post(`/sequences/${sequence.id}/enrollments`)
    .send({ prospect_ids: [prospectId] })
    .expect(201);
  const { jobId } = await launchForReview(t, sequence.id);
  await request(t.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
  await waitForJob(t, jobId, hasStatus('waiting', 'succeeded'));
  const run = new RunDriver(t, clock, jobId);
  await run.settle();
  await run.until(at(3));
  const [touch] = await touchesOf(t, sequence.id);
  expect(touch).toMatchObject({ status: 'sent', sent_at: at(2) });
  const enrollmentId = enrolled.body.enrolled[0].id as string;
  const messageId = (touch.message_id as string).replace(/^<|>$/g, '');
  return { sequence, run, enrollmentId, prospectId, email, domain, touch, messageId };
}

let uid = 0;
const key = (uidValidity = '1'): InboundKey => ({
  mailbox: 'ana@imap.zigral.example/INBOX',
  uidValidity,
  uid: ++uid,
});

function inbound(over: Partial<InboundMessage>): InboundMessage {
  return {
    messageId: `${randomUUID()}@mail.example`,
    from: null,
    recipients: ['ana@zigral.example'],
    date: clock.now(),
    subject: 'Re: a quick idea',
    inReplyTo: null,
    references: [],
    text: 'Sounds good, call me on Thursday.',
    kind: 'reply',
    returnDate: null,
    delivery: null,
    truncated: false,
    ...over,
  };
}

const enrollment = async (id: string) =>
  (await request(t.server).get(`/enrollments/${id}`).expect(200)).body;
const reply = async (id: string) =>
  (await request(t.server).get(`/replies/${id}`).expect(200)).body;
const sentCount = async (sequenceId: string) =>
  (await touchesOf(t, sequenceId)).filter((touch) => touch.status === 'sent').length;
const suppression = async (value: string) => {
  const page = await request(t.server).get('/suppressions').query({ limit: 100 }).expect(200);
  return (page.body.items as { value: string; source: string }[]).find((s) => s.value === value);
};

describe('replies', () => {
  it('end the enrollment by In-Reply-To, stored, on its timeline and in the step counts', async () => {
    const s = await started();
    const message = inbound({
      from: { address: s.email, name: 'Lena Muster' },
      inReplyTo: s.messageId,
      references: [s.messageId],
    });
    const { record, isNew } = await intake.apply(key(), message);
    expect(isNew).toBe(true);
    const enrolled = await enrollment(s.enrollmentId);
    expect(enrolled).toMatchObject({
      status: 'replied',
      exit_reason: 'replied',
      next_due_at: null,
    });
    const events = enrolled.timeline.filter((e: { type: string }) => e.type === 'replied');
    expect(events).toEqual([
      expect.objectContaining({
        step_index: 0,
        data: expect.objectContaining({ inbound_message_id: record.id }),
      }),
    ]);
    expect(await reply(record.id)).toMatchObject({
      kind: 'reply',
      outcome: 'replied',
      matched: true,
      matched_by: 'in_reply_to',
      from_address: s.email,
      from_name: 'Lena Muster',
      text: 'Sounds good, call me on Thursday.',
      outbox_message_id: s.touch.id,
      enrollment_id: s.enrollmentId,
      sequence_id: s.sequence.id,
      prospect_id: s.prospectId,
      job_id: null,
      intent: null,
      duplicate_of: null,
    });
    const listed = await request(t.server)
      .get('/replies')
      .query({ sequence_id: s.sequence.id, kind: 'reply' })
      .expect(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: record.id }] });
    const detail = await request(t.server).get(`/sequences/${s.sequence.id}`).expect(200);
    expect(detail.body.step_stats[0]).toMatchObject({ sent: 1, replied: 1, reply_rate: 1 });
    await s.run.until(at(80));
    expect(await sentCount(s.sequence.id)).toBe(1);
  });

  it('from another address in the thread (a colleague) still end the enrollment', async () => {
    const s = await started();
    const { record } = await intake.apply(
      key(),
      inbound({
        from: { address: `chef@${s.domain}`, name: 'Der Chef' },
        references: ['unrelated@elsewhere.example', s.messageId],
      }),
    );
    expect(await enrollment(s.enrollmentId)).toMatchObject({ status: 'replied' });
    expect(await reply(record.id)).toMatchObject({
      matched_by: 'in_reply_to',
      from_address: `chef@${s.domain}`,
      prospect_id: s.prospectId,
    });
  });

  it('matched only by the sender’s address end its active enrollment', async () => {
    const s = await started();
    const { record } = await intake.apply(
      key(),
      inbound({ from: { address: s.email.toUpperCase(), name: null }, subject: 'Your email' }),
    );
    expect(await enrollment(s.enrollmentId)).toMatchObject({ status: 'replied' });
    expect(await reply(record.id)).toMatchObject({
      matched_by: 'sender',
      outbox_message_id: null,
      enrollment_id: s.enrollmentId,
    });
  });
  it('from before the launch (a folder read from its start) leave the enrollment alone', async () => {
    const s = await started();
    const yearAgo = new Date(clock.now().getTime() - 365 * 86_400_000);
    const { record } = await intake.apply(
      key(),
      inbound({ from: { address: s.email, name: null }, subject: 'Old thread', date: yearAgo }),
    );
    expect(await enrollment(s.enrollmentId)).toMatchObject({ status: 'active' });
    expect(await reply(record.id)).toMatchObject({ matched_by: 'sender', enrollment_id: null });
  });
});

describe('automatic answers', () => {
  it('hold the next touch until the business day after the return date, then it goes', async () => {
    const s = await started();
    // Back on the Monday a week later: the follow-up (due Wednesday) waits until Tuesday.
    const back = new Date(monday + 7 * 24 * 3_600_000).toISOString().slice(0, 10);
    const { record } = await intake.apply(
      key(),
      inbound({
        kind: 'auto_reply',
        from: { address: s.email, name: null },
        inReplyTo: s.messageId,
        subject: 'Abwesenheitsnotiz',
        returnDate: back,
      }),
    );
    // Tuesday 00:00 in Berlin.
    const resumeAt = at(8 * 24 - 7);
    const enrolled = await enrollment(s.enrollmentId);
    expect(enrolled).toMatchObject({ status: 'active', next_due_at: resumeAt });
    expect(enrolled.timeline.at(-1)).toMatchObject({
      type: 'out_of_office',
      data: {
        inbound_message_id: record.id,
        return_date: back,
        resume_at: resumeAt,
        postponed: true,
      },
    });
    expect(await reply(record.id)).toMatchObject({ outcome: 'out_of_office', return_date: back });
    await s.run.until(at(8 * 24 + 1));
    expect(await sentCount(s.sequence.id)).toBe(1);
    await s.run.until(at(8 * 24 + 3));
    const sent = (await touchesOf(t, s.sequence.id)).filter((touch) => touch.status === 'sent');
    expect(sent.map((touch) => touch.sent_at).sort()).toEqual([at(2), at(8 * 24 + 2)]);
  });

  it('without a return date hold it for MAILBOX_OOO_DEFAULT_DAYS', async () => {
    const s = await started();
    await intake.apply(
      key(),
      inbound({
        kind: 'auto_reply',
        from: { address: s.email, name: null },
        inReplyTo: s.messageId,
      }),
    );
    // Applied at at(3) (10:00 in Berlin): back in 7 days, at the same time.
    expect(await enrollment(s.enrollmentId)).toMatchObject({
      status: 'active',
      next_due_at: at(7 * 24 + 3),
    });
    await s.run.until(at(7 * 24 + 2));
    expect(await sentCount(s.sequence.id)).toBe(1);
    await s.run.until(at(7 * 24 + 4));
    expect(await sentCount(s.sequence.id)).toBe(2);
  });
});

describe('delivery reports', () => {
  const daemon = { address: 'mailer-daemon@mx.nordlicht.example', name: 'Mail Delivery System' };

  it('a 5.1.1 bounce by the original Message-ID ends the enrollment and suppresses the address', async () => {
    const s = await started();
    const { record } = await intake.apply(
      key(),
      inbound({
        kind: 'bounce',
        from: daemon,
        subject: 'Undelivered Mail Returned to Sender',
        delivery: {
          severity: 'permanent',
          status: '5.1.1',
          recipient: s.email,
          action: 'failed',
          diagnostic: 'smtp; 550 5.1.1 No such user',
          originalMessageId: s.messageId,
        },
      }),
    );
    expect(await enrollment(s.enrollmentId)).toMatchObject({ status: 'bounced' });
    expect(await suppression(s.email)).toMatchObject({ source: 'bounce 5.1.1' });
    const outbox = await request(t.server).get(`/outbox/${s.touch.id}`).expect(200);
    expect(outbox.body).toMatchObject({
      status: 'sent',
      delivery_status: 'bounced',
      delivery_detail: '5.1.1 smtp; 550 5.1.1 No such user',
    });
    expect(await reply(record.id)).toMatchObject({
      kind: 'bounce',
      outcome: 'bounced',
      matched_by: 'original_message_id',
      delivery_status: '5.1.1',
      delivery_recipient: s.email,
    });
    const detail = await request(t.server).get(`/sequences/${s.sequence.id}`).expect(200);
    expect(detail.body.step_stats[0]).toMatchObject({ bounced: 1 });
    await s.run.until(at(80));
    expect(await sentCount(s.sequence.id)).toBe(1);
  });

  it('a 4.2.2 delay is noted on the message, nothing resent, the sequence goes on', async () => {
    const s = await started();
    await intake.apply(
      key(),
      inbound({
        kind: 'delayed',
        from: daemon,
        delivery: {
          severity: 'transient',
          status: '4.2.2',
          recipient: s.email,
          action: 'delayed',
          diagnostic: 'mailbox full',
          originalMessageId: s.messageId,
        },
      }),
    );
    const outbox = await request(t.server).get(`/outbox/${s.touch.id}`).expect(200);
    expect(outbox.body).toMatchObject({ status: 'sent', delivery_status: 'delayed' });
    expect(await enrollment(s.enrollmentId)).toMatchObject({ status: 'active' });
    expect(await suppression(s.email)).toBeUndefined();
    await s.run.until(at(51));
    const sent = (await touchesOf(t, s.sequence.id)).filter((touch) => touch.status === 'sent');
    expect(sent.map((touch) => touch.touch_index).sort()).toEqual([0, 1]);
  });
});

describe('opt-outs and the rest', () => {
  it('an opt-out suppresses the address, opts the prospect out and ends the enrollment', async () => {
    const s = await started();
    const { record } = await intake.apply(
      key(),
      inbound({ kind: 'opt_out', from: { address: s.email, name: null }, inReplyTo: s.messageId }),
    );
    expect(await enrollment(s.enrollmentId)).toMatchObject({ status: 'unsubscribed' });
    expect(await suppression(s.email)).toBeDefined();
    const prospect = await request(t.server).get(`/prospects/${s.prospectId}`).expect(200);
    expect(prospect.body).toMatchObject({ opted_out: true });
    expect(await reply(record.id)).toMatchObject({ outcome: 'unsubscribed' });
  });

  it('an unrelated message is stored unmatched and does nothing', async () => {
    const s = await started();
    const { record } = await intake.apply(
      key(),
      inbound({ from: { address: 'news@shop.example', name: 'Shop' }, kind: 'other' }),
    );
    expect(await reply(record.id)).toMatchObject({
      kind: 'other',
      outcome: 'none',
      matched: false,
      matched_by: null,
      enrollment_id: null,
    });
    expect(await enrollment(s.enrollmentId)).toMatchObject({ status: 'active' });
  });

  it('the same message twice, and again under a new UIDVALIDITY, has one effect', async () => {
    const s = await started();
    const message = inbound({ from: { address: s.email, name: null }, inReplyTo: s.messageId });
    const first = key();
    const applied = await intake.apply(first, message);
    const again = await intake.apply(first, message);
    expect(again).toMatchObject({ isNew: false, record: { id: applied.record.id } });
    const moved = await intake.apply(key('2'), message);
    expect(moved.isNew).toBe(false);
    expect(moved.record).toMatchObject({ duplicateOf: applied.record.id, outcome: 'duplicate' });
    const replied = (await enrollment(s.enrollmentId)).timeline.filter(
      (e: { type: string }) => e.type === 'replied',
    );
    expect(replied).toHaveLength(1);
    const listed = await request(t.server)
      .get('/replies')
      .query({ enrollment_id: s.enrollmentId })
      .expect(200);
    expect(listed.body.total).toBe(1);
    expect(await reply(moved.record.id)).toMatchObject({ duplicate_of: applied.record.id });
  });

  it('finishes the effects a crash cut short, once', async () => {
    const s = await started();
    const message = inbound({ from: { address: s.email, name: null }, inReplyTo: s.messageId });
    const { record } = await intake.apply(key(), message);
    // As if the process had stopped before `applied_at`: applying again changes nothing more.
    const rows = t.app.get<Repository<InboundMessageEntity>>(
      getRepositoryToken(InboundMessageEntity),
    );
    await rows.update({ id: record.id }, { appliedAt: null });
    expect(await intake.applyPending()).toBe(1);
    const replied = (await enrollment(s.enrollmentId)).timeline.filter(
      (e: { type: string }) => e.type === 'replied',
    );
    expect(replied).toHaveLength(1);
    expect(await intake.applyPending()).toBe(0);
  });
});

describe('GET /replies', () => {
  it('refuses bad filters naming the field, and answers 404 for an unknown id', async () => {
    const bad = async (query: Record<string, string>, message: string) => {
      const response = await request(t.server).get('/replies').query(query).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(message);
    };
    await bad({ kind: 'letter' }, 'kind must be one of reply, auto_reply');
    await bad({ since: 'yesterday' }, 'since must be an ISO-8601 date and time');
    await bad({ since: '2026-W10' }, 'since must be an ISO-8601 date and time');
    await bad({ sequence_id: 'x' }, 'sequence_id must be a UUID');
    await bad({ limit: '1000' }, 'limit');
    const missing = await request(t.server).get(`/replies/${randomUUID()}`).expect(404);
    expect(missing.body).toMatchObject({ error: 'reply_not_found' });
    await request(t.server).get('/replies/nope').expect(400);
  });

  it('filters by since', async () => {
    const { record } = await intake.apply(
      key(),
      inbound({ from: { address: 'someone@else.example', name: null } }),
    );
    const since = (when: string) =>
      request(t.server).get('/replies').query({ since: when, limit: 100 }).expect(200);
    const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);
    expect(ids((await since(clock.now().toISOString())).body)).toContain(record.id);
    expect(ids((await since(at(1))).body)).not.toContain(record.id);
  });
});
