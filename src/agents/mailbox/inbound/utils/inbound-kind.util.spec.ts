import {
  classifyInbound,
  hasReplyMarkers,
  hasReplySubject,
  isBulkMail,
  isMachineSender,
  KindSignals,
} from './inbound-kind.util';
import { parseHeaderFields } from './mime-parts.util';

const person: KindSignals = {
  isDeliveryReport: false,
  delivery: null,
  isAutoReply: false,
  isOptOut: false,
  hasReplyMarkers: true,
  isBulk: false,
  isMachineSender: false,
};
const report = (severity: 'permanent' | 'transient' | 'success') => ({
  severity,
  status: '',
  recipient: null,
  action: null,
  diagnostic: null,
  originalMessageId: null,
});

describe('classifyInbound', () => {
  it('reads a delivery report by its severity, and one without a readable report as other', () => {
    const dsn = { ...person, isDeliveryReport: true, isAutoReply: true, isOptOut: true };
    expect(classifyInbound({ ...dsn, delivery: report('permanent') })).toBe('bounce');
    expect(classifyInbound({ ...dsn, delivery: report('transient') })).toBe('delayed');
    expect(classifyInbound({ ...dsn, delivery: report('success') })).toBe('other');
    expect(classifyInbound({ ...dsn, delivery: null })).toBe('other');
  });

  it('puts an automatic answer before an opt-out', () => {
    expect(classifyInbound({ ...person, isAutoReply: true, isOptOut: true })).toBe('auto_reply');
  });

  it("takes an opt-out only from a person's message", () => {
    expect(classifyInbound({ ...person, isOptOut: true })).toBe('opt_out');
    expect(classifyInbound({ ...person, isOptOut: true, isMachineSender: true })).toBe('other');
    expect(
      classifyInbound({ ...person, isOptOut: true, isBulk: true, hasReplyMarkers: false }),
    ).toBe('other');
  });

  it('reads bulk mail without reply markers as other, and anything else from a person as a reply', () => {
    expect(classifyInbound({ ...person, isBulk: true, hasReplyMarkers: false })).toBe('other');
    expect(classifyInbound({ ...person, isBulk: true })).toBe('reply');
    expect(classifyInbound({ ...person, hasReplyMarkers: false })).toBe('reply');
  });
});

describe('hasReplyMarkers', () => {
  it('sees In-Reply-To, References or a reply prefix', () => {
    const none = { inReplyTo: null, references: [], subject: 'Hello' };
    expect(hasReplyMarkers(none)).toBe(false);
    expect(hasReplyMarkers({ ...none, inReplyTo: 'a@b' })).toBe(true);
    expect(hasReplyMarkers({ ...none, references: ['a@b'] })).toBe(true);
    expect(hasReplyMarkers({ ...none, subject: 'AW: Hello' })).toBe(true);
  });
});

describe('hasReplySubject', () => {
  it.each([
    'Re: x',
    'RE: x',
    'AW: x',
    'SV: x',
    'Antw: x',
    'R: x',
    'RV: x',
    'Re[2]: x',
    '[ext] Re: x',
  ])('recognises %s', (subject) => expect(hasReplySubject(subject)).toBe(true));
  it.each(['Regarding x', 'Rework: x', 'Hello'])('ignores %s', (subject) => {
    expect(hasReplySubject(subject)).toBe(false);
  });
});

describe('isMachineSender', () => {
  it('knows daemons, postmasters and no-reply senders, and a missing sender', () => {
    expect(isMachineSender('mailer-daemon@mx.example')).toBe(true);
    expect(isMachineSender('postmaster@acme.example')).toBe(true);
    expect(isMachineSender('no-reply@news.example')).toBe(true);
    expect(isMachineSender('bounces+123@mail.example')).toBe(true);
    expect(isMachineSender(null)).toBe(true);
    expect(isMachineSender('paula@acme.example')).toBe(false);
  });
});

describe('isBulkMail', () => {
  it('sees list headers or Precedence bulk/list', () => {
    expect(isBulkMail(parseHeaderFields('List-Unsubscribe: <mailto:x@y>'))).toBe(true);
    expect(isBulkMail(parseHeaderFields('Precedence: list'))).toBe(true);
    expect(isBulkMail(parseHeaderFields('Precedence: first-class'))).toBe(false);
  });
});
