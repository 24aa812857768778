import { Test } from '@nestjs/testing';
import * as fixtures from '../../../../test/fixtures/mailbox';
import { InboundReader, readInbound, withoutNul } from './inbound-reader.service';
import type { InboundMessage } from './inbound-message.types';

const read = (source: string | Buffer, options: { truncated?: boolean } = {}) =>
  readInbound(fixtures.toRawInbound(source, options));

const RETURN = fixtures.OUT_OF_OFFICE_RETURN;
const ORIGINAL = fixtures.OUR_MESSAGE_ID;

describe('readInbound: replies', () => {
  it.each([
    [
      'Gmail',
      fixtures.gmailReply,
      'paula@acme.example',
      'Thanks Sam, this sounds interesting.\nCould we talk on Thursday at 3pm?',
    ],
    [
      'Outlook (HTML only)',
      fixtures.outlookReply,
      'paula@acme.example',
      'Thanks Sam, this sounds interesting.\n\nCould we talk on Thursday at 3pm?',
    ],
    [
      'German AW:',
      fixtures.germanReply,
      'jan@kunde.example',
      'Hallo Sam,\ndas klingt gut. Schicken Sie mir bitte Unterlagen.\n\nViele Grüße\nJan',
    ],
    [
      'Swedish SV:',
      fixtures.scandinavianReply,
      'sven@foretaget.example',
      'Hej Sam,\ntack för ditt mejl. Vi hörs nästa vecka.',
    ],
  ])('%s: a reply with its new text only', async (_name, build, from, text) => {
    const message = await read(build());
    expect(message).toMatchObject({
      kind: 'reply',
      text,
      inReplyTo: ORIGINAL,
      references: [ORIGINAL],
    });
    expect(message.from?.address).toBe(from);
    expect(message.recipients).toEqual(['sam@zigral.example']);
    expect(message.messageId).not.toMatch(/[<>]/);
  });

  it('honours the addresses and ids a suite chooses', async () => {
    const message = await read(
      fixtures.gmailReply({
        from: 'Ann <Ann@Client.example>',
        to: 'me@mine.example',
        cc: 'Boss <boss@mine.example>',
        messageId: 'mine-1@client.example',
        inReplyTo: 'sent-9@mine.example',
        references: ['sent-1@mine.example', 'sent-9@mine.example'],
        date: new Date('2027-03-01T08:00:00Z'),
      }),
    );
    expect(message).toMatchObject({
      from: { address: 'ann@client.example', name: 'Ann' },
      recipients: ['me@mine.example', 'boss@mine.example'],
      messageId: 'mine-1@client.example',
      inReplyTo: 'sent-9@mine.example',
      references: ['sent-1@mine.example', 'sent-9@mine.example'],
      date: new Date('2027-03-01T08:00:00Z'),
    });
  });

  it("reads a colleague's answer and one to a message never sent as replies (the intake decides)", async () => {
    expect(await read(fixtures.colleagueReply())).toMatchObject({
      kind: 'reply',
      from: { address: 'colin@zigral.example' },
    });
    expect(await read(fixtures.unknownThreadReply())).toMatchObject({
      kind: 'reply',
      inReplyTo: 'never-sent-42@elsewhere.example',
    });
  });

  it('reads an opt-out from the new text, not from our quoted footer', async () => {
    expect(
      (await read(fixtures.plainReply({ body: 'Please remove me from your list.' }))).kind,
    ).toBe('opt_out');
    expect(
      (await read(fixtures.plainReply({ body: "I don't want to unsubscribe, tell me more." })))
        .kind,
    ).toBe('reply');
    expect((await read(fixtures.plainReply({ body: 'Thanks, not now.' }))).kind).toBe('reply');
    expect((await read(fixtures.plainReply({ subject: 'Unsubscribe', body: '' }))).kind).toBe(
      'opt_out',
    );
  });
});

describe('readInbound: automatic answers', () => {
  it.each(['en', 'de', 'fr', 'es'] as const)(
    '%s out of office, with and without a return date',
    async (language) => {
      expect(await read(fixtures.outOfOffice(language))).toMatchObject({
        kind: 'auto_reply',
        returnDate: RETURN,
      });
      const without = await read(fixtures.outOfOffice(language, { returnDate: null }));
      expect(without).toMatchObject({ kind: 'auto_reply', returnDate: null });
    },
  );

  it('recognises one by its subject alone, and ignores a return date before the message', async () => {
    const bySubject = await read(
      fixtures.outOfOffice('es', { autoSubmitted: false, returnDate: '2026-02-03' }),
    );
    expect(bySubject).toMatchObject({ kind: 'auto_reply', returnDate: '2026-02-03' });
    const past = await read(fixtures.outOfOffice('en', { returnDate: '2026-01-02' }));
    expect(past.returnDate).toBeNull();
  });
});

describe('readInbound: delivery reports', () => {
  it.each([
    ['Postfix', '5.1.1', 'bounce', 'permanent'],
    ['Postfix', '5.2.2', 'bounce', 'permanent'],
    ['Postfix', '4.2.2', 'delayed', 'transient'],
    ['Exchange', '5.1.1', 'bounce', 'permanent'],
    ['Exchange', '5.2.2', 'bounce', 'permanent'],
    ['Exchange', '4.2.2', 'delayed', 'transient'],
  ])('%s %s is %s', async (server, status, kind, severity) => {
    const build =
      server === 'Postfix' ? fixtures.postfixDeliveryReport : fixtures.exchangeDeliveryReport;
    const message = await read(
      build({ status, recipient: 'Gone@Acme.example', originalMessageId: 'sent-7@zigral.example' }),
    );
    expect(message.kind).toBe(kind);
    expect(message.delivery).toMatchObject({
      severity,
      status,
      recipient: 'gone@acme.example',
      action: kind === 'bounce' ? 'failed' : 'delayed',
      originalMessageId: 'sent-7@zigral.example',
    });
    expect(message.delivery?.diagnostic).toContain(status);
  });

  it('reads a successful report as other, with its report', async () => {
    const message = await read(fixtures.postfixDeliveryReport({ status: '2.0.0' }));
    expect(message).toMatchObject({
      kind: 'other',
      delivery: { severity: 'success', status: '2.0.0' },
    });
  });
});

describe('readInbound: malformed messages never throw', () => {
  it('reads the text of a multipart with a broken boundary', async () => {
    expect(await read(fixtures.brokenBoundaryMessage())).toMatchObject({
      kind: 'reply',
      text: 'Sounds good, call me tomorrow.',
    });
  });

  it('reads a part in an unknown charset', async () => {
    const message = await read(fixtures.unknownCharsetMessage());
    expect(message.kind).toBe('reply');
    expect(message.text).toContain('Happy to talk.');
  });

  it('reads a message without a Message-ID, or without a body', async () => {
    expect(await read(fixtures.noMessageIdMessage())).toMatchObject({
      messageId: null,
      kind: 'reply',
      text: 'Yes, let us meet.',
    });
    expect(await read(fixtures.emptyBodyMessage())).toMatchObject({ kind: 'reply', text: '' });
  });

  it('reads garbage and an empty source as other', async () => {
    const expected: Partial<InboundMessage> = {
      kind: 'other',
      from: null,
      messageId: null,
      recipients: [],
      delivery: null,
    };
    expect(await read(fixtures.garbageBytes())).toMatchObject(expected);
    expect(await read(Buffer.alloc(0))).toMatchObject(expected);
  });
});

describe('readInbound: large messages', () => {
  it('reads the headers and first part of a truncated 20 MB message without holding the attachment', async () => {
    const full = fixtures.messageWithAttachment({ attachmentBytes: 20 * 1024 * 1024 });
    expect(full.length).toBeGreaterThan(20 * 1024 * 1024);
    const fetched = fixtures.headersAndFirstPart(full);
    expect(fetched.length).toBeLessThan(2048);
    const before = process.memoryUsage().heapUsed;
    const message = await readInbound(
      fixtures.toRawInbound(fetched, { truncated: true, size: full.length }),
    );
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(10 * 1024 * 1024);
    expect(message).toMatchObject({
      kind: 'reply',
      truncated: true,
      text: 'Hi Sam, the signed contract is attached.',
    });
  });

  it('reads a small message with an attachment whole', async () => {
    const message = await read(fixtures.messageWithAttachment({ attachmentBytes: 1000 }));
    expect(message).toMatchObject({
      kind: 'reply',
      truncated: false,
      text: 'Hi Sam, the signed contract is attached.',
    });
  });
});

describe('InboundReader', () => {
  it('is injectable and reads like readInbound', async () => {
    const moduleRef = await Test.createTestingModule({ providers: [InboundReader] }).compile();
    const message = await moduleRef
      .get(InboundReader)
      .read(fixtures.toRawInbound(fixtures.gmailReply()));
    expect(message.kind).toBe('reply');
  });
});

describe('withoutNul', () => {
  it('takes NUL characters out of every text of the message, keeping dates', () => {
    const date = new Date('2026-12-07T10:00:00Z');
    const cleaned = withoutNul({
      messageId: 'a\u0000b@x',
      from: { address: 'ana@acme.example', name: 'A\u0000na' },
      recipients: ['z\u0000@x.example'],
      date,
      subject: 'Re:\u0000 Hello',
      inReplyTo: null,
      references: ['r\u00001'],
      text: 'Yes\u0000 please',
      kind: 'reply',
      returnDate: null,
      delivery: null,
      truncated: false,
    });
    expect(cleaned).toMatchObject({
      messageId: 'ab@x',
      from: { name: 'Ana' },
      recipients: ['z@x.example'],
      subject: 'Re: Hello',
      references: ['r1'],
      text: 'Yes please',
    });
    expect(cleaned.date).toBe(date);
  });
});
