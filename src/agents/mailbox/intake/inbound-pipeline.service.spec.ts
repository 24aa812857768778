import type { AppConfig } from '../../../config/app-config';
import type { RawInboundMessage } from '../inbound/inbound-message.types';
import type { InboundReader } from '../inbound/inbound-reader.service';
import type { ReplyIntentService } from '../intent/reply-intent.service';
import type { ReplyNotifier } from '../notify/reply-notifier';
import type { InboundIntakeService } from './inbound-intake.service';
import type { InboundMessageEntity } from './inbound-message.entity';
import { InboundPipeline } from './inbound-pipeline.service';

const raw: RawInboundMessage = {
  mailbox: 'zigral@127.0.0.1:143/INBOX',
  uidValidity: '7',
  uid: 3,
  source: Buffer.from('x'),
  size: 1,
  truncated: false,
};

function record(overrides: Partial<InboundMessageEntity> = {}): InboundMessageEntity {
  return {
    id: 'in-1',
    kind: 'reply',
    matched: true,
    intent: null,
    fromAddress: 'ana@acme.example',
    subject: 'Re: Hello',
    text: 'Sounds great, can we talk on Tuesday?',
    messageDate: new Date('2026-12-07T10:00:00Z'),
    createdAt: new Date('2026-12-07T10:01:00Z'),
    prospectId: 'p1',
    enrollmentId: 'e1',
    sequenceId: 's1',
    jobId: null,
    ...overrides,
  } as InboundMessageEntity;
}

function setup(options: {
  stored: InboundMessageEntity;
  intentSet?: boolean;
  recipients?: string[];
}) {
  const message = { recipients: options.recipients ?? [] };
  const reader = { read: jest.fn(async () => message) } as unknown as InboundReader;
  const intake = {
    apply: jest.fn(async () => ({ record: options.stored, isNew: true })),
    setIntent: jest.fn(async () => options.intentSet ?? true),
  };
  const intents = {
    classify: jest.fn(async () => ({ intent: 'interested', source: 'heuristic' })),
  } as unknown as ReplyIntentService;
  const notifier = { notify: jest.fn(() => true) };
  const config = {
    email: { bounceAddress: 'bounces@zigral.example', verp: true },
  } as unknown as AppConfig;
  const pipeline = new InboundPipeline(
    reader,
    intake as unknown as InboundIntakeService,
    intents,
    notifier as unknown as ReplyNotifier,
    config,
  );
  return { pipeline, intake, intents, notifier };
}

describe('InboundPipeline', () => {
  it('applies the message with the VERP-tagged recipient as a hint', async () => {
    const { pipeline, intake } = setup({
      stored: record({ kind: 'bounce' }),
      recipients: ['someone@else.example', 'bounces+out-42@zigral.example'],
    });

    await pipeline.receive(raw);

    expect(intake.apply).toHaveBeenCalledWith(
      { mailbox: raw.mailbox, uidValidity: '7', uid: 3 },
      expect.anything(),
      { outboxId: 'out-42' },
    );
  });

  it('classifies a matched reply once and notifies the interested one', async () => {
    const { pipeline, intake, notifier } = setup({ stored: record() });

    await pipeline.receive(raw);

    expect(intake.setIntent).toHaveBeenCalledWith('in-1', 'interested', 'heuristic');
    expect(notifier.notify).toHaveBeenCalledWith(
      expect.objectContaining({ replyId: 'in-1', intent: 'interested', from: 'ana@acme.example' }),
    );
  });

  it('notifies nobody when the intent was set already (a second delivery after a crash)', async () => {
    const { pipeline, notifier } = setup({ stored: record(), intentSet: false });

    await pipeline.receive(raw);

    expect(notifier.notify).not.toHaveBeenCalled();
  });

  it("leaves unmatched messages, a prospect's mail not answering us, other kinds and classified replies alone", async () => {
    for (const stored of [
      record({ matched: false, enrollmentId: null, outboxMessageId: null }),
      record({ enrollmentId: null, outboxMessageId: null }),
      record({ kind: 'auto_reply' }),
      record({ intent: 'not_now' }),
    ]) {
      const { pipeline, intents } = setup({ stored });
      await pipeline.receive(raw);
      expect(intents.classify).not.toHaveBeenCalled();
    }
  });
});
