import type { InboundMessage } from '../inbound/inbound-message.types';
import { duplicateRow, inboundRow } from './inbound-row.util';
import { NO_MATCH, type InboundMatch } from './intake.types';

const now = new Date('2026-03-04T09:00:00.000Z');
const key = { mailbox: 'ana@imap.example/INBOX', uidValidity: '7', uid: 4_000_000_000 };
const message = (over: Partial<InboundMessage>): InboundMessage => ({
  messageId: '<abc@mail.example>',
  from: { address: 'Anna@X.example', name: 'Anna' },
  recipients: [],
  date: null,
  subject: 'Re: hi',
  inReplyTo: null,
  references: [],
  text: 'Yes',
  kind: 'reply',
  returnDate: '2026-03-09',
  delivery: null,
  truncated: false,
  ...over,
});
const touch: InboundMatch = {
  by: 'in_reply_to',
  outboxMessageId: 'm1',
  enrollmentId: 'e1',
  sequenceId: 's1',
  jobId: null,
  prospectId: 'p1',
  address: 'anna@x.example',
};

describe('inboundRow', () => {
  it('stores a reply with its match and outcome, not yet applied', () => {
    const row = inboundRow({ id: 'r1', key, message: message({}), match: touch, now });
    expect(row).toMatchObject({
      uid: 4_000_000_000,
      messageId: 'abc@mail.example',
      fromAddress: 'anna@x.example',
      outcome: 'replied',
      matched: true,
      matchedBy: 'in_reply_to',
      enrollmentId: 'e1',
      returnDate: null,
      deliveryRecipient: null,
      appliedAt: null,
      duplicateOf: null,
    });
  });

  it('takes a report’s recipient from the matched message when the report names none', () => {
    const delivery = {
      severity: 'permanent' as const,
      status: '5.1.1',
      recipient: null,
      action: 'failed',
      diagnostic: null,
      originalMessageId: 'x@z',
    };
    const row = inboundRow({
      id: 'r2',
      key,
      message: message({ kind: 'bounce', delivery }),
      match: { ...touch, by: 'original_message_id' },
      now,
    });
    expect(row).toMatchObject({
      outcome: 'bounced',
      deliveryStatus: '5.1.1',
      deliveryRecipient: 'anna@x.example',
    });
  });

  it('keeps an automatic answer’s return date, and marks the unmatched', () => {
    const row = inboundRow({
      id: 'r3',
      key,
      message: message({ kind: 'auto_reply' }),
      match: NO_MATCH,
      now,
    });
    expect(row).toMatchObject({ returnDate: '2026-03-09', matched: false, outcome: 'none' });
  });
});

describe('duplicateRow', () => {
  it('copies the original under its own key, applied, doing nothing', () => {
    const original = inboundRow({ id: 'r1', key, message: message({}), match: touch, now });
    const later = new Date('2026-03-05T00:00:00.000Z');
    const row = duplicateRow({
      id: 'd1',
      key: { ...key, uidValidity: '8', uid: 1 },
      original,
      now: later,
    });
    expect(row).toMatchObject({
      id: 'd1',
      uidValidity: '8',
      uid: 1,
      duplicateOf: 'r1',
      outcome: 'duplicate',
      messageId: 'abc@mail.example',
      appliedAt: later,
      createdAt: later,
    });
  });
});
