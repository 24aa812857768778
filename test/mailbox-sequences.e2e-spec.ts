import request from 'supertest';
import {
  exchangeDeliveryReport,
  gmailReply,
  outlookReply,
  outOfOffice,
  plainReply,
  postfixDeliveryReport,
} from './fixtures/mailbox';
import { freshId, MailboxSequencesHarness } from './helpers/mailbox-sequences';

/**
 * The mailbox over running sequences, through the real chain: the first touches go out to a real
 * SMTP server, answers to them (built by the fixtures with the Message-IDs that went out) are
 * APPENDed to a real Dovecot, and the app's watcher reads them, the intake applies them, and the
 * clock, moved on, shows what the sequence does next. Each test starts on a Monday of its own.
 */
const h = new MailboxSequencesHarness();

beforeAll(() => h.start(), 30_000);
afterAll(() => h.stop());
beforeEach(() => h.nextMonday());

const SAMS_ADDRESS = 'ana@zigral.example';
const INTERESTED = "Sounds good, let's talk.\nAre you free on Thursday at 3pm?";

describe('replies', () => {
  it('a Gmail reply ends its enrollment, is listed with its intent, and stops its follow-ups', async () => {
    const { run, prospects, sequenceId } = await h.launch(2);
    const [lena, other] = prospects;
    const row = await h.deliver(
      gmailReply({
        from: lena.from,
        to: SAMS_ADDRESS,
        subject: `Re: ${lena.subject}`,
        messageId: freshId('gmail'),
        inReplyTo: lena.messageId,
        references: [lena.messageId],
        date: h.clock.now(),
        body: INTERESTED,
      }),
    );
    expect(await h.enrollment(lena.enrollmentId)).toMatchObject({
      status: 'replied',
      exit_reason: 'replied',
    });
    expect(await h.events(lena.enrollmentId, 'replied')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ inbound_message_id: row.id }) }),
    ]);
    const listed = await request(h.t.server)
      .get('/replies')
      .query({ sequence_id: sequenceId })
      .expect(200);
    expect(listed.body).toMatchObject({ total: 1 });
    expect(listed.body.items[0]).toMatchObject({
      id: row.id,
      kind: 'reply',
      outcome: 'replied',
      matched_by: 'in_reply_to',
      from_address: lena.email,
      from_name: 'Lena Muster0',
      subject: `Re: ${lena.subject}`,
      text: INTERESTED,
      enrollment_id: lena.enrollmentId,
      outbox_message_id: lena.touchId,
      intent: 'interested',
      intent_source: 'heuristic',
      truncated: false,
    });

    // Wednesday 09:00 in Berlin: the other prospect's follow-up goes, none to Lena.
    await run.until(h.at(51));
    expect(h.sentTo(other.email)).toBe(2);
    expect(h.sentTo(lena.email)).toBe(1);
  });

  it('an Outlook HTML reply from another address in the thread stops the enrollment', async () => {
    const { prospects } = await h.launch(1);
    const [lena] = prospects;
    const row = await h.deliver(
      outlookReply({
        from: `Der Chef <chef@${lena.domain}>`,
        to: SAMS_ADDRESS,
        cc: lena.email,
        subject: `RE: ${lena.subject}`,
        messageId: freshId('outlook'),
        inReplyTo: lena.messageId,
        references: [lena.messageId],
        date: h.clock.now(),
        body: 'Lena forwarded this to me.\nPlease send me details on the pilot.',
      }),
    );
    expect(row).toMatchObject({
      kind: 'reply',
      matchedBy: 'in_reply_to',
      fromAddress: `chef@${lena.domain}`,
      prospectId: lena.prospectId,
    });
    // Outlook's paragraphs, without the quoted "From: … Sent: …" block under the rule.
    expect(row.text).toMatch(
      /^Lena forwarded this to me\.\n+Please send me details on the pilot\.$/,
    );
    expect(await h.enrollment(lena.enrollmentId)).toMatchObject({ status: 'replied' });
  });
});

describe('delivery reports', () => {
  it('a Postfix 5.1.1 bounces and suppresses; an Exchange 4.2.2 is noted and the sequence goes on', async () => {
    const { run, prospects } = await h.launch(2);
    const [gone, full] = prospects;
    const bounce = await h.deliver(
      postfixDeliveryReport({
        status: '5.1.1',
        recipient: gone.email,
        originalMessageId: gone.messageId,
        messageId: freshId('dsn'),
        date: h.clock.now(),
      }),
    );
    expect(bounce).toMatchObject({ kind: 'bounce', matchedBy: 'original_message_id' });
    expect(await h.enrollment(gone.enrollmentId)).toMatchObject({ status: 'bounced' });
    expect(await h.suppression(gone.email)).toMatchObject({ source: 'bounce 5.1.1' });

    const delay = await h.deliver(
      exchangeDeliveryReport({
        status: '4.2.2',
        recipient: full.email,
        originalMessageId: full.messageId,
        messageId: freshId('ndr'),
        date: h.clock.now(),
      }),
    );
    expect(delay).toMatchObject({ kind: 'delayed', outcome: 'delayed' });
    const outbox = await request(h.t.server).get(`/outbox/${full.touchId}`).expect(200);
    expect(outbox.body).toMatchObject({ status: 'sent', delivery_status: 'delayed' });
    expect(outbox.body.delivery_detail).toContain('4.2.2');
    expect(await h.enrollment(full.enrollmentId)).toMatchObject({ status: 'active' });
    expect(await h.suppression(full.email)).toBeUndefined();

    // The delayed first touch is not sent again; the follow-up goes on Wednesday.
    await run.until(h.at(51));
    expect(h.sentTo(gone.email)).toBe(1);
    expect(h.smtp.to(full.email).map((mail) => mail.mail.subject)).toEqual([
      full.subject,
      `Re: ${full.subject}`,
    ]);
  });
});

describe('out of office', () => {
  it('holds the next touch until the business day after the return date, or the default days', async () => {
    const { run, prospects } = await h.launch(2);
    const [away, undated] = prospects;
    // Back on the next Monday ("bis zum" names the last day away): resumes on Tuesday, 00:00 Berlin.
    const back = h.day(7);
    const dated = await h.deliver(
      outOfOffice('de', {
        from: away.from,
        to: SAMS_ADDRESS,
        messageId: freshId('ooo-de'),
        inReplyTo: away.messageId,
        references: [away.messageId],
        date: h.clock.now(),
        returnDate: back,
      }),
    );
    expect(dated).toMatchObject({ kind: 'auto_reply', returnDate: back });
    const resumeAt = h.at(8 * 24 - 7);
    expect(await h.enrollment(away.enrollmentId)).toMatchObject({
      status: 'active',
      next_due_at: resumeAt,
    });
    expect(await h.events(away.enrollmentId, 'out_of_office')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ return_date: back, resume_at: resumeAt, postponed: true }),
      }),
    ]);
    // Without a date: MAILBOX_OOO_DEFAULT_DAYS (7) after it arrived (at(3), Monday 10:00 Berlin).
    await h.deliver(
      outOfOffice('en', {
        from: undated.from,
        to: SAMS_ADDRESS,
        messageId: freshId('ooo-en'),
        inReplyTo: undated.messageId,
        date: h.clock.now(),
        returnDate: null,
      }),
    );
    expect(await h.enrollment(undated.enrollmentId)).toMatchObject({
      status: 'active',
      next_due_at: h.at(7 * 24 + 3),
    });

    await run.until(h.at(7 * 24 + 2));
    expect([h.sentTo(away.email), h.sentTo(undated.email)]).toEqual([1, 1]);
    await run.until(h.at(7 * 24 + 4));
    expect([h.sentTo(away.email), h.sentTo(undated.email)]).toEqual([1, 2]);
    await run.until(h.at(8 * 24 + 1));
    expect(h.sentTo(away.email)).toBe(1);
    // Tuesday 09:00 in Berlin, the window's first hour after the resume time.
    await run.until(h.at(8 * 24 + 3));
    expect(h.sentTo(away.email)).toBe(2);
  });
});

describe('opt-outs', () => {
  it('"bitte austragen" suppresses the address and unsubscribes the enrollment', async () => {
    const { run, prospects } = await h.launch(1);
    const [lena] = prospects;
    const row = await h.deliver(
      plainReply({
        from: lena.from,
        to: SAMS_ADDRESS,
        subject: `AW: ${lena.subject}`,
        messageId: freshId('optout'),
        inReplyTo: lena.messageId,
        references: [lena.messageId],
        date: h.clock.now(),
        body: 'Bitte austragen, danke.',
      }),
    );
    expect(row).toMatchObject({ kind: 'opt_out', outcome: 'unsubscribed' });
    expect(await h.enrollment(lena.enrollmentId)).toMatchObject({ status: 'unsubscribed' });
    expect(await h.suppression(lena.email)).toMatchObject({ source: 'opt_out_reply' });
    const prospect = await request(h.t.server).get(`/prospects/${lena.prospectId}`).expect(200);
    expect(prospect.body).toMatchObject({ opted_out: true });
    await run.until(h.at(51));
    expect(h.sentTo(lena.email)).toBe(1);
  });
});
