import { Logger } from '@nestjs/common';
import { SystemClock } from '../../common/time/system.clock';
import { AppConfig } from '../../config/app-config';
import { validateEnv } from '../../config/env.schema';
import { ActionError } from '../../orchestrator/agents/retry-policy.util';
import type { ProspectsService } from '../prospects/prospects.service';
import { EmailSendingService, INTERRUPTED_REASON } from './email-sending.service';
import type { MailTransport } from './mail-transport.provider';
import type { OutboxMessageEntity } from './outbox-message.entity';
import type { OutboxService } from './outbox.service';
import { InProcessSendPacer } from './send-limits/send-pacer';
import { OutboxMessageSender } from './sending/outbox-message-sender';
import type { SuppressionsService } from './suppressions.service';
import type { UnsubscribeKeyService } from './unsubscribe-key.service';
import { SAMPLE_PROSPECT_REASON } from './utils/do-not-email.util';

/** EmailSendingService with its I/O mocked: the branches a real SMTP server rarely takes. */
const config = new AppConfig(
  validateEnv({
    SMTP_URL: 'smtp://127.0.0.1:2525',
    EMAIL_FROM: 'ana@zigral.example',
    EMAIL_PACING_MS: '0',
    PUBLIC_URL: 'https://zigral.test',
    UNSUBSCRIBE_SECRET: 's'.repeat(32),
  }),
);
const ID = '3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55';
const row = (change: Partial<OutboxMessageEntity> = {}): OutboxMessageEntity =>
  ({
    id: ID,
    jobId: 'job',
    prospectId: 'p1',
    to: 'ben@beta.example',
    name: 'Ben',
    subject: 'Hello',
    body: 'Hi Ben',
    status: 'approved',
    sendKey: null,
    messageId: null,
    enrollmentId: null,
    touchIndex: null,
    sequenceId: null,
    inReplyTo: null,
    threadReferences: null,
    ...change,
  }) as OutboxMessageEntity;

function setup(
  message: OutboxMessageEntity,
  sendMail: MailTransport['sendMail'],
  appConfig = config,
) {
  const outbox = {
    findByIds: jest.fn().mockResolvedValue(new Map([[ID, message]])),
    find: jest.fn().mockResolvedValue(message),
    approve: jest.fn(),
    claim: jest.fn().mockResolvedValue('claimed'),
    countTowardsDailyLimit: jest.fn().mockResolvedValue(0),
    countTowardsSequenceDailyLimit: jest.fn().mockResolvedValue(0),
    markSent: jest.fn(),
    markFailed: jest.fn(),
    markSkipped: jest.fn(),
    release: jest.fn(),
  };
  const transport = { sendMail: jest.fn(sendMail), close: jest.fn() };
  const prospects = {
    emailFlags: jest.fn().mockResolvedValue(new Map()),
    recordContacted: jest.fn(),
  };
  const sender = new OutboxMessageSender(
    appConfig,
    transport,
    outbox as unknown as OutboxService,
    { matching: jest.fn().mockResolvedValue(undefined) } as unknown as SuppressionsService,
    prospects as unknown as ProspectsService,
    { signingKey: () => Promise.resolve('k'.repeat(32)) } as unknown as UnsubscribeKeyService,
    new InProcessSendPacer(),
    new SystemClock(),
  );
  const service = new EmailSendingService(outbox as unknown as OutboxService, sender);
  const send = (count = 1) =>
    service.send({
      drafts: Array.from({ length: count }, () => ({
        id: ID,
        prospect_id: 'p1',
        to: message.to,
        subject: '',
        body: '',
      })),
      jobId: 'job',
      idempotencyKey: 'job:2',
      signal: new AbortController().signal,
    });
  const sendTouch = (sequenceDailyCap?: number) =>
    service.sendTouch({ outboxId: ID, signal: new AbortController().signal, sequenceDailyCap });
  return { outbox, transport, prospects, send, sendTouch };
}

// The service logs each message; not the point here.
beforeAll(() => Logger.overrideLogger(false));
afterAll(() => Logger.overrideLogger(true));

const delivered = () => Promise.resolve({ accepted: ['ben@beta.example'], rejected: [] });

describe('EmailSendingService', () => {
  it('paces messages across jobs sending at the same time', async () => {
    const paced = new AppConfig(
      validateEnv({
        SMTP_URL: 'smtp://127.0.0.1:2525',
        EMAIL_FROM: 'ana@zigral.example',
        EMAIL_PACING_MS: '200',
        UNSUBSCRIBE_SECRET: 's'.repeat(32),
      }),
    );
    const sentAt: number[] = [];
    const { send } = setup(
      row(),
      () => {
        sentAt.push(Date.now());
        return delivered();
      },
      paced,
    );
    // A first message warms the path up (the first send in a test worker can take tens of ms
    // longer between its slot and SMTP, which would read as a short gap under load).
    await send();
    sentAt.length = 0;
    await Promise.all([send(), send(), send()]);
    expect(sentAt).toHaveLength(3);
    // Lower bounds only: each message waits for its own slot, whoever else is sending.
    expect(sentAt[1] - sentAt[0]).toBeGreaterThanOrEqual(190);
    expect(sentAt[2] - sentAt[1]).toBeGreaterThanOrEqual(190);
  });

  it('sends a message with its key, a stable Message-ID and the signed unsubscribe link', async () => {
    const { outbox, transport, prospects, send } = setup(row(), delivered);
    const [result] = await send();
    expect(outbox.claim).toHaveBeenCalledWith(
      expect.objectContaining({ id: ID, sendKey: 'job:2:p1', dailyLimit: 50 }),
    );
    expect(outbox.markSent).toHaveBeenCalledWith(ID, 'job:2:p1');
    expect(prospects.recordContacted).toHaveBeenCalledWith('p1', expect.any(Date));
    const mail = transport.sendMail.mock.calls[0][0];
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@zigral\.example>$/);
    expect(mail.headers['List-Unsubscribe']).toMatch(
      new RegExp(`^<https://zigral\\.test/unsubscribe/${ID}\\.[A-Za-z0-9_-]{43}>$`),
    );
    expect(result).toEqual({
      id: ID,
      prospect_id: 'p1',
      to: 'ben@beta.example',
      status: 'sent',
      message_id: mail.messageId,
    });
  });

  it('never resends a message this step left in sending: it is failed as interrupted', async () => {
    const { outbox, transport, send } = setup(
      row({ status: 'sending', sendKey: 'job:2:p1' }),
      delivered,
    );
    const [result] = await send();
    expect(transport.sendMail).not.toHaveBeenCalled();
    expect(outbox.markFailed).toHaveBeenCalledWith(ID, INTERRUPTED_REASON);
    expect(result).toMatchObject({ status: 'failed', reason: INTERRUPTED_REASON });
  });

  it('leaves alone a message another step is sending, and reports one already sent', async () => {
    const other = setup(row({ status: 'sending', sendKey: 'other:1:p1' }), delivered);
    expect((await other.send())[0]).toMatchObject({ status: 'skipped' });
    expect(other.outbox.markFailed).not.toHaveBeenCalled();
    const sent = setup(row({ status: 'sent', messageId: '<x@zigral.example>' }), delivered);
    expect((await sent.send())[0]).toMatchObject({
      status: 'sent',
      message_id: '<x@zigral.example>',
    });
    expect(sent.transport.sendMail).not.toHaveBeenCalled();
  });

  it('gives the message back and retries the step when the server is unreachable', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ESOCKET',
      syscall: 'connect',
    });
    const { outbox, send } = setup(row(), () => Promise.reject(refused));
    const failure = (await send().catch((error: unknown) => error)) as ActionError;
    expect(failure).toBeInstanceOf(ActionError);
    expect(failure.retryable).toBe(true);
    expect(outbox.release).toHaveBeenCalledWith(ID, 'job:2:p1');
    expect(outbox.markFailed).not.toHaveBeenCalled();
  });

  it('fails the step for good on a refused login, and the message on an unknown outcome', async () => {
    const login = setup(row(), () =>
      Promise.reject(Object.assign(new Error('Invalid login'), { code: 'EAUTH' })),
    );
    const failure = (await login.send().catch((error: unknown) => error)) as ActionError;
    expect(failure.retryable).toBe(false);
    expect(login.outbox.release).toHaveBeenCalled();
    const broken = setup(row(), () =>
      Promise.reject(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' })),
    );
    const [result] = await broken.send();
    expect(result).toMatchObject({ status: 'failed' });
    expect(broken.outbox.markFailed).toHaveBeenCalledWith(
      ID,
      expect.stringContaining('not retried to avoid a duplicate'),
    );
  });

  it('never sends to a sample prospect: skipped with the reason, before the message is taken', async () => {
    const { outbox, transport, prospects, send } = setup(row(), delivered);
    prospects.emailFlags.mockResolvedValue(new Map([['p1', { optedOut: false, isSample: true }]]));
    const [result] = await send();
    expect(prospects.emailFlags).toHaveBeenCalledWith(['p1']);
    expect(transport.sendMail).not.toHaveBeenCalled();
    expect(outbox.claim).not.toHaveBeenCalled();
    expect(outbox.markSkipped).toHaveBeenCalledWith(ID, SAMPLE_PROSPECT_REASON);
    expect(result).toMatchObject({ status: 'skipped', reason: SAMPLE_PROSPECT_REASON });
  });

  it('skips a message over the daily limit without sending it', async () => {
    const { outbox, transport, send } = setup(row(), delivered);
    outbox.countTowardsDailyLimit.mockResolvedValue(50);
    const [result] = await send();
    expect(transport.sendMail).not.toHaveBeenCalled();
    expect(outbox.claim).not.toHaveBeenCalled();
    expect(result).toMatchObject({ status: 'skipped', reason: expect.stringContaining('daily') });
  });

  it('counts again when another job took the last message of the day first', async () => {
    const { outbox, transport, send } = setup(row(), delivered);
    outbox.countTowardsDailyLimit.mockResolvedValueOnce(49).mockResolvedValueOnce(50);
    outbox.claim.mockResolvedValueOnce('daily_limit');
    const [result] = await send();
    expect(outbox.claim).toHaveBeenCalledTimes(1);
    expect(transport.sendMail).not.toHaveBeenCalled();
    expect(result).toMatchObject({ status: 'skipped', reason: expect.stringContaining('daily') });
  });

  it('waits EMAIL_PACING_MS between two messages', async () => {
    const paced = new AppConfig(
      validateEnv({
        SMTP_URL: 'smtp://127.0.0.1:2525',
        EMAIL_FROM: 'ana@zigral.example',
        EMAIL_PACING_MS: '300',
      }),
    );
    const times: number[] = [];
    const { send } = setup(
      row(),
      () => {
        times.push(Date.now());
        return delivered();
      },
      paced,
    );
    await send(2);
    expect(times).toHaveLength(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(290);
  });
});

describe('EmailSendingService.sendTouch', () => {
  const touch = (change: Partial<OutboxMessageEntity> = {}) =>
    row({ enrollmentId: 'enr-1', touchIndex: 1, sequenceId: 'seq-1', ...change });

  it('sends a touch under its own key, threaded, and holds it to its sequence cap in the claim', async () => {
    const { outbox, transport, sendTouch } = setup(
      touch({
        subject: 'Re: Hello',
        inReplyTo: '<a@zigral.example>',
        threadReferences: '<a@zigral.example>',
      }),
      delivered,
    );
    const result = await sendTouch(2);
    expect(outbox.claim).toHaveBeenCalledWith(
      expect.objectContaining({
        id: ID,
        sendKey: 'enr-1:1',
        dailyLimit: 50,
        sequenceCap: { sequenceId: 'seq-1', limit: 2 },
      }),
    );
    expect(outbox.countTowardsSequenceDailyLimit).toHaveBeenCalledWith('seq-1', expect.any(Date));
    expect(outbox.markSent).toHaveBeenCalledWith(ID, 'enr-1:1');
    const mail = transport.sendMail.mock.calls[0][0];
    expect(mail).toMatchObject({
      subject: 'Re: Hello',
      inReplyTo: '<a@zigral.example>',
      references: '<a@zigral.example>',
    });
    expect(result).toEqual({
      id: ID,
      prospect_id: 'p1',
      to: 'ben@beta.example',
      status: 'sent',
      message_id: mail.messageId,
    });
  });

  it('defers a touch over its sequence cap or the daily limit, and leaves it sendable', async () => {
    const capped = setup(touch(), delivered);
    capped.outbox.countTowardsSequenceDailyLimit.mockResolvedValue(2);
    expect(await capped.sendTouch(2)).toMatchObject({
      status: 'deferred',
      deferred: 'sequence_daily_limit',
    });
    const daily = setup(touch(), delivered);
    daily.outbox.countTowardsDailyLimit.mockResolvedValue(50);
    expect(await daily.sendTouch(2)).toMatchObject({
      status: 'deferred',
      deferred: 'daily_limit',
    });
    for (const { outbox, transport } of [capped, daily]) {
      expect(transport.sendMail).not.toHaveBeenCalled();
      expect(outbox.claim).not.toHaveBeenCalled();
      expect(outbox.markSkipped).not.toHaveBeenCalled();
    }
  });

  it('defers when another sender took the last place of the day between count and claim', async () => {
    const { outbox, transport, sendTouch } = setup(touch(), delivered);
    outbox.countTowardsSequenceDailyLimit
      .mockResolvedValueOnce(0)
      .mockResolvedValueOnce(1)
      .mockResolvedValue(2);
    outbox.claim.mockResolvedValueOnce('sequence_daily_limit');
    expect(await sendTouch(2)).toMatchObject({
      status: 'deferred',
      deferred: 'sequence_daily_limit',
    });
    expect(outbox.claim).toHaveBeenCalledTimes(1);
    expect(transport.sendMail).not.toHaveBeenCalled();
    expect(outbox.markSkipped).not.toHaveBeenCalled();
  });

  it('counts no sequence cap without one, and keeps a draft touch for its approval', async () => {
    const uncapped = setup(touch(), delivered);
    expect(await uncapped.sendTouch()).toMatchObject({ status: 'sent' });
    expect(uncapped.outbox.countTowardsSequenceDailyLimit).not.toHaveBeenCalled();
    expect(uncapped.outbox.claim.mock.calls[0][0].sequenceCap).toBeUndefined();
    const draft = setup(touch({ status: 'draft' }), delivered);
    expect(await draft.sendTouch(2)).toMatchObject({
      status: 'deferred',
      deferred: 'awaiting_approval',
    });
    expect(draft.outbox.claim).not.toHaveBeenCalled();
  });

  it('never resends a touch left sending: it is failed as interrupted', async () => {
    const { outbox, transport, sendTouch } = setup(
      touch({ status: 'sending', sendKey: 'enr-1:1' }),
      delivered,
    );
    expect(await sendTouch(2)).toMatchObject({ status: 'failed', reason: INTERRUPTED_REASON });
    expect(outbox.markFailed).toHaveBeenCalledWith(ID, INTERRUPTED_REASON);
    expect(transport.sendMail).not.toHaveBeenCalled();
  });

  it('skips a suppressed or opted-out touch for good, and refuses a job draft', async () => {
    const { outbox, prospects, sendTouch } = setup(touch(), delivered);
    prospects.emailFlags.mockResolvedValue(new Map([['p1', { optedOut: true, isSample: false }]]));
    expect(await sendTouch(2)).toMatchObject({ status: 'skipped', reason: 'opted out' });
    expect(outbox.markSkipped).toHaveBeenCalledWith(ID, 'opted out');
    const job = setup(row(), delivered);
    await expect(job.sendTouch(2)).rejects.toThrow('is not a sequence touch');
  });

  it("sends a touch a job's send step hands over under the touch's own key", async () => {
    const { outbox, send } = setup(touch(), delivered);
    expect((await send())[0]).toMatchObject({ status: 'sent' });
    expect(outbox.markSent).toHaveBeenCalledWith(ID, 'enr-1:1');
  });
});
