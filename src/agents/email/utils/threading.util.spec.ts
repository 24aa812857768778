import { followUpSubject, replyHeaders } from './threading.util';

describe('followUpSubject', () => {
  it('answers the first subject with one Re:', () => {
    expect(followUpSubject('A quick idea for Nordlicht')).toBe('Re: A quick idea for Nordlicht');
    expect(followUpSubject('  Hello  ')).toBe('Re: Hello');
  });

  it('never stacks Re:, whatever its case and spacing', () => {
    expect(followUpSubject('Re: Hello')).toBe('Re: Hello');
    expect(followUpSubject('RE: re:Hello')).toBe('Re: Hello');
    expect(followUpSubject('re : Re:  Hello')).toBe('Re: Hello');
    expect(followUpSubject(followUpSubject('Hello'))).toBe('Re: Hello');
  });

  it('keeps other prefixes and words that merely start with re', () => {
    expect(followUpSubject('Aw: Hello')).toBe('Re: Aw: Hello');
    expect(followUpSubject('Revenue ideas')).toBe('Re: Revenue ideas');
    expect(followUpSubject('Re:')).toBe('Re:');
  });
});

describe('replyHeaders', () => {
  it('answers the newest message and references the whole chain, newest last', () => {
    expect(replyHeaders(['<a@x.example>'])).toEqual({
      inReplyTo: '<a@x.example>',
      references: '<a@x.example>',
    });
    expect(replyHeaders(['<a@x.example>', '<b@x.example>'])).toEqual({
      inReplyTo: '<b@x.example>',
      references: '<a@x.example> <b@x.example>',
    });
  });

  it('has nothing to answer in an empty thread', () => {
    expect(replyHeaders([])).toBeUndefined();
    expect(replyHeaders([' '])).toBeUndefined();
  });
});
