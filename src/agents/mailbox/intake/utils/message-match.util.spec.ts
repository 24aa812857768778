import {
  addressToMatch,
  bareMessageId,
  matchByReference,
  storedForms,
  threadReferences,
  type MatchableOutboxRow,
} from './message-match.util';

const report = (originalMessageId: string | null, recipient: string | null = null) => ({
  severity: 'permanent' as const,
  status: '5.1.1',
  recipient,
  action: 'failed',
  diagnostic: null,
  originalMessageId,
});

const row = (over: Partial<MatchableOutboxRow>): MatchableOutboxRow => ({
  id: 'm1',
  messageId: '<a@zigral.example>',
  enrollmentId: 'e1',
  sequenceId: 's1',
  jobId: 'run-job',
  prospectId: 'p1',
  to: 'Anna@Nordlicht.example',
  ...over,
});

describe('threadReferences', () => {
  it('tries In-Reply-To, then References newest first, then the report’s original, each once', () => {
    expect(
      threadReferences({
        inReplyTo: '<c@z>',
        references: ['a@z', 'b@z', 'c@z'],
        delivery: report('<a@z>'),
      }),
    ).toEqual([
      { id: 'c@z', by: 'in_reply_to' },
      { id: 'b@z', by: 'in_reply_to' },
      { id: 'a@z', by: 'in_reply_to' },
    ]);
    expect(threadReferences({ inReplyTo: null, references: [], delivery: report('o@z') })).toEqual([
      { id: 'o@z', by: 'original_message_id' },
    ]);
    expect(threadReferences({ inReplyTo: ' <> ', references: [], delivery: null })).toEqual([]);
  });
});

describe('bareMessageId and storedForms', () => {
  it('strips brackets and spaces, and looks up both forms', () => {
    expect(bareMessageId(' <x@y> ')).toBe('x@y');
    expect(bareMessageId(null)).toBeNull();
    expect(storedForms(['x@y'])).toEqual(['<x@y>', 'x@y']);
  });
});

describe('matchByReference', () => {
  it('takes the first reference sent, with the touch’s enrollment and no job', () => {
    const rows = [row({ id: 'm1', messageId: '<a@z>' }), row({ id: 'm2', messageId: '<b@z>' })];
    const match = matchByReference(
      [
        { id: 'unknown@z', by: 'in_reply_to' },
        { id: 'b@z', by: 'in_reply_to' },
        { id: 'a@z', by: 'in_reply_to' },
      ],
      rows,
    );
    expect(match).toEqual({
      by: 'in_reply_to',
      outboxMessageId: 'm2',
      enrollmentId: 'e1',
      sequenceId: 's1',
      jobId: null,
      prospectId: 'p1',
      address: 'anna@nordlicht.example',
    });
  });

  it('names the job of a job’s email', () => {
    const jobRow = row({ enrollmentId: null, sequenceId: null, jobId: 'job-7' });
    expect(
      matchByReference([{ id: 'a@zigral.example', by: 'original_message_id' }], [jobRow]),
    ).toMatchObject({ by: 'original_message_id', jobId: 'job-7', enrollmentId: null });
  });

  it('answers undefined when nothing was sent with any of them', () => {
    expect(matchByReference([{ id: 'x@z', by: 'in_reply_to' }], [row({})])).toBeUndefined();
  });
});

describe('addressToMatch', () => {
  it('uses a report’s failed recipient, never the mailer daemon that sent it', () => {
    const daemon = { address: 'mailer-daemon@mx.example', name: null };
    expect(
      addressToMatch({ kind: 'bounce', from: daemon, delivery: report(null, 'Ana@X.example') }),
    ).toEqual({ address: 'ana@x.example', by: 'recipient' });
    expect(addressToMatch({ kind: 'bounce', from: daemon, delivery: null })).toBeUndefined();
  });

  it('uses a person’s own address otherwise', () => {
    expect(
      addressToMatch({
        kind: 'reply',
        from: { address: ' Ana@X.example', name: 'Ana' },
        delivery: null,
      }),
    ).toEqual({ address: 'ana@x.example', by: 'sender' });
    expect(addressToMatch({ kind: 'other', from: null, delivery: null })).toBeUndefined();
  });
});
