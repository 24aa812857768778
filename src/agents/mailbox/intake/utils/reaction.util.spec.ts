import type { InboundKind } from '../../inbound/inbound-message.types';
import { reactionOf, type ReactionInput } from './reaction.util';

const touch: ReactionInput['match'] = {
  by: 'in_reply_to',
  enrollmentId: 'e1',
  outboxMessageId: 'm1',
  address: 'anna@x.example',
};
const jobEmail: ReactionInput['match'] = { ...touch, enrollmentId: null };
const nothing: ReactionInput['match'] = {
  by: null,
  enrollmentId: null,
  outboxMessageId: null,
  address: null,
};
const noReport = { status: null, recipient: null, diagnostic: null };
const input = (kind: InboundKind, over: Partial<ReactionInput> = {}): ReactionInput => ({
  kind,
  match: touch,
  fromAddress: 'anna@x.example',
  delivery: noReport,
  ...over,
});

describe('reactionOf', () => {
  it('ends the enrollment of a reply; a reply to a job’s email is only listed', () => {
    expect(reactionOf(input('reply'))).toEqual({
      outcome: 'replied',
      exit: 'replied',
      suppress: [],
    });
    expect(reactionOf(input('reply', { match: jobEmail }))).toEqual({
      outcome: 'replied',
      suppress: [],
    });
  });

  it('postpones an enrollment on an automatic answer, never ends it', () => {
    expect(reactionOf(input('auto_reply'))).toEqual({
      outcome: 'out_of_office',
      outOfOffice: true,
      suppress: [],
    });
    expect(reactionOf(input('auto_reply', { match: jobEmail })).outcome).toBe('none');
  });

  it('suppresses a bounced address with its status, ends the enrollment and marks the message', () => {
    const delivery = {
      status: '5.1.1',
      recipient: 'anna@x.example',
      diagnostic: '550 No such user',
    };
    expect(reactionOf(input('bounce', { delivery }))).toEqual({
      outcome: 'bounced',
      exit: 'bounced',
      suppress: [{ address: 'anna@x.example', source: 'bounce 5.1.1' }],
      delivery: { status: 'bounced', detail: '5.1.1 550 No such user' },
    });
    // A job's email bounces too: suppressed, no enrollment to end.
    expect(reactionOf(input('bounce', { delivery, match: jobEmail }))).toMatchObject({
      outcome: 'bounced',
      suppress: [{ address: 'anna@x.example' }],
    });
    expect(reactionOf(input('bounce', { delivery, match: jobEmail })).exit).toBeUndefined();
  });

  it('notes a delay on the outbox message only', () => {
    const delivery = { status: '4.2.2', recipient: 'anna@x.example', diagnostic: 'mailbox full' };
    expect(reactionOf(input('delayed', { delivery }))).toEqual({
      outcome: 'delayed',
      suppress: [],
      delivery: { status: 'delayed', detail: '4.2.2 mailbox full' },
    });
  });

  it('suppresses and opts out the sender of an opt-out, and ends the enrollment', () => {
    expect(reactionOf(input('opt_out', { fromAddress: 'boss@x.example' }))).toEqual({
      outcome: 'unsubscribed',
      exit: 'unsubscribed',
      suppress: [{ address: 'boss@x.example', source: 'opt_out_reply' }],
      optOutAddress: 'boss@x.example',
    });
  });

  it('does nothing for other messages, nor for anything unmatched', () => {
    expect(reactionOf(input('other'))).toEqual({ outcome: 'none', suppress: [] });
    for (const kind of ['reply', 'bounce', 'opt_out', 'auto_reply'] as const) {
      expect(reactionOf(input(kind, { match: nothing }))).toEqual({
        outcome: 'none',
        suppress: [],
      });
    }
  });
});
