import { In } from 'typeorm';
import type { RawInboundMessage } from '../src/agents/mailbox/inbound/inbound-message.types';
import { InboundEffects } from '../src/agents/mailbox/intake/inbound-effects.service';
import type { InboundMessageEntity } from '../src/agents/mailbox/intake/inbound-message.entity';
import { InboundPipeline } from '../src/agents/mailbox/intake/inbound-pipeline.service';
import { InboundSink } from '../src/agents/mailbox/watch/inbound-sink';
import {
  brokenBoundaryMessage,
  emptyBodyMessage,
  gmailReply,
  messageWithAttachment,
  noMessageIdMessage,
  outOfOffice,
  unknownCharsetMessage,
  unknownThreadReply,
} from './fixtures/mailbox';
import { mailboxHealth, waitFor } from './helpers/mailbox';
import { CohortProspect, freshId, MailboxSequencesHarness } from './helpers/mailbox-sequences';

/**
 * The mailbox over running sequences when the mail is odd or the service stops: messages that
 * match nothing or cannot be read properly are stored and the watcher goes on; a service stopped
 * in the middle of a scan (and a hand-over that failed after the intake applied it) gives every
 * message exactly one row and one effect once a new service has read the rest.
 */
const h = new MailboxSequencesHarness({ IMAP_MAX_MESSAGE_BYTES: '1mb' });

beforeAll(() => h.start(), 30_000);
afterAll(() => h.stop());
beforeEach(() => h.nextMonday());

const answer = (p: CohortProspect, text: string, messageId = freshId('reply')) =>
  gmailReply({
    from: p.from,
    to: 'ana@zigral.example',
    subject: `Re: ${p.subject}`,
    messageId,
    inReplyTo: p.messageId,
    references: [p.messageId],
    date: h.clock.now(),
    body: text,
  });

it('stores replies to unknown threads and malformed messages, and keeps watching', async () => {
  const { prospects } = await h.launch(2);
  const [big, after] = prospects;
  const unknown = await h.deliver(unknownThreadReply({ messageId: freshId('unknown') }));
  expect(unknown).toMatchObject({ kind: 'reply', matched: false, outcome: 'none' });
  const broken = await h.deliver(brokenBoundaryMessage({ messageId: freshId('broken') }));
  expect(broken).toMatchObject({ matched: false, appliedAt: expect.any(Date) });
  const charset = await h.deliver(unknownCharsetMessage({ messageId: freshId('charset') }));
  expect(charset.text).toContain('Happy to talk');
  const anonymous = await h.deliver(noMessageIdMessage());
  expect(anonymous).toMatchObject({ messageId: null, appliedAt: expect.any(Date) });
  const empty = await h.deliver(emptyBodyMessage({ messageId: freshId('empty') }));
  expect(empty).toMatchObject({ text: '', appliedAt: expect.any(Date) });

  // About 20 MB, over IMAP_MAX_MESSAGE_BYTES (1 MB): read from its header and its text part.
  const large = await h.deliver(
    messageWithAttachment({
      attachmentBytes: 20 * 1024 * 1024,
      from: big.from,
      messageId: freshId('large'),
      inReplyTo: big.messageId,
      references: [big.messageId],
      date: h.clock.now(),
    }),
  );
  expect(large).toMatchObject({ kind: 'reply', truncated: true, outcome: 'replied' });
  expect(large.text).toBe('Hi Sam, the signed contract is attached.');
  expect(await h.enrollment(big.enrollmentId)).toMatchObject({ status: 'replied' });

  const last = await h.deliver(answer(after, 'Sounds good, send me details.'));
  expect(last).toMatchObject({ kind: 'reply', enrollmentId: after.enrollmentId });
  expect(await h.enrollment(after.enrollmentId)).toMatchObject({ status: 'replied' });
  const health = await mailboxHealth(h.t);
  expect(health).toMatchObject({ status: 'up', state: 'connected' });
  expect(health.failures).toBeUndefined();
}, 60_000);

/**
 * The real pipeline, slowed down so a scan can be stopped half-way, and failing once right after
 * the intake applied the `failAfter`-th message (as a crash before `last_uid` moves would).
 */
class InterruptedSink extends InboundSink {
  handedOver = 0;

  constructor(
    private readonly pipeline: InboundPipeline,
    private readonly failAfter: number,
  ) {
    super();
  }

  async receive(message: RawInboundMessage): Promise<unknown> {
    await new Promise((resolve) => setTimeout(resolve, 40));
    const record = await this.pipeline.receive(message);
    if (++this.handedOver === this.failAfter) throw new Error('Stopped before last_uid moved');
    return record;
  }
}

it('a restart in the middle of a scan applies every message once', async () => {
  const { prospects } = await h.launch(30);
  const uids: number[] = [];
  const messageIds: string[] = [];
  const append = async () => {
    for (const [index, p] of prospects.entries()) {
      const messageId = freshId(`burst-${index}`);
      const source =
        index % 2 === 0
          ? answer(p, 'Sounds good, call me.', messageId)
          : outOfOffice('de', {
              from: p.from,
              messageId,
              inReplyTo: p.messageId,
              date: h.clock.now(),
              returnDate: h.day(9),
            });
      messageIds.push(messageId);
      uids.push(await h.dovecot.append(source));
    }
  };
  const rowsOfBurst = () => h.rows.countBy({ mailbox: h.mailbox, uid: In(uids) });

  // Stopped with the 30 waiting; the next service is slow, fails once and is stopped half-way.
  let sink: InterruptedSink | undefined;
  await h.restart(
    {
      override: (builder) =>
        builder.overrideProvider(InboundSink).useFactory({
          factory: (pipeline: InboundPipeline) => (sink = new InterruptedSink(pipeline, 5)),
          inject: [InboundPipeline],
        }),
    },
    append,
  );
  await waitFor('ten of the messages', async () => (await rowsOfBurst()) >= 10, 20_000);
  await h.restart();
  expect(sink!.handedOver).toBeGreaterThan(5);
  const stoppedAt = await h.lastUid();
  expect(stoppedAt).toBeLessThan(uids.at(-1)!);

  await h.handedOver(uids.at(-1)!, 20_000);
  const rows = await h.rows.findBy({ mailbox: h.mailbox, uid: In(uids) });
  expect(rows).toHaveLength(30);
  expect(new Set(rows.map((row) => row.uid)).size).toBe(30);
  expect(rows.map((row) => row.messageId).sort()).toEqual([...messageIds].sort());
  expect(rows.every((row) => row.duplicateOf === null && row.appliedAt !== null)).toBe(true);
  expect(await h.rows.countBy({ messageId: In(messageIds) })).toBe(30);
  for (const [index, p] of prospects.entries()) {
    const [effect, status] = index % 2 === 0 ? ['replied', 'replied'] : ['out_of_office', 'active'];
    expect(await h.events(p.enrollmentId, effect)).toHaveLength(1);
    expect(await h.enrollment(p.enrollmentId)).toMatchObject({ status });
  }
}, 90_000);

/** Effects that fail once, after the message was taken out of the mailbox (as if by a person). */
let crashOnce: ((row: InboundMessageEntity) => Promise<void>) | undefined;
class CrashingEffects extends InboundEffects {
  override async apply(row: InboundMessageEntity): Promise<void> {
    const crash = crashOnce;
    crashOnce = undefined;
    if (crash) return crash(row);
    return super.apply(row);
  }
}

it('a start-up finishes the effects of a message a crash cut short and the mailbox lost', async () => {
  const { prospects } = await h.launch(1);
  const [lena] = prospects;
  crashOnce = async (row) => {
    const client = await h.dovecot.client();
    await client.mailboxOpen('INBOX');
    await client.messageDelete(String(row.uid), { uid: true });
    await client.logout();
    throw new Error('The process died before the effects');
  };
  await h.restart({
    override: (builder) => builder.overrideProvider(InboundEffects).useClass(CrashingEffects),
  });
  const uid = await h.dovecot.append(answer(lena, 'Sounds good, call me.'));
  // The watcher goes on past the message, which it cannot hand over again.
  await h.deliver(unknownThreadReply({ messageId: freshId('later') }));
  expect(crashOnce).toBeUndefined();
  expect(await h.rows.findOneBy({ mailbox: h.mailbox, uid })).toMatchObject({ appliedAt: null });
  expect(await h.enrollment(lena.enrollmentId)).toMatchObject({ status: 'active' });

  await h.restart();
  await waitFor('the reply applied', async () => {
    const row = await h.rows.findOneBy({ mailbox: h.mailbox, uid });
    return row?.appliedAt != null;
  });
  expect(await h.enrollment(lena.enrollmentId)).toMatchObject({ status: 'replied' });
  expect(await h.events(lena.enrollmentId, 'replied')).toHaveLength(1);
}, 60_000);
