import {
  decodeTransfer,
  headerParam,
  headerValue,
  headerValues,
  leafParts,
  mainValue,
  parseHeaderFields,
  splitHeaderBody,
  splitMultipart,
} from './mime-parts.util';

describe('splitHeaderBody', () => {
  it('splits at the first empty line, CRLF or LF', () => {
    expect(splitHeaderBody('A: 1\r\n\r\nbody\r\n\r\nmore')).toEqual({
      header: 'A: 1',
      body: 'body\r\n\r\nmore',
    });
    expect(splitHeaderBody('A: 1\n\nbody')).toEqual({ header: 'A: 1', body: 'body' });
  });
  it('treats a part that starts with an empty line as headerless, and one without as all header', () => {
    expect(splitHeaderBody('\r\nbody')).toEqual({ header: '', body: 'body' });
    expect(splitHeaderBody('A: 1')).toEqual({ header: 'A: 1', body: '' });
  });
});

describe('parseHeaderFields', () => {
  it('lowercases names, unfolds continuations and skips lines without a colon', () => {
    const fields = parseHeaderFields('Subject: a\r\n  b\r\ngarbage\r\nTo: x@y\r\nTO: z@y');
    expect(fields).toEqual([
      { name: 'subject', value: 'a b' },
      { name: 'to', value: 'x@y' },
      { name: 'to', value: 'z@y' },
    ]);
    expect(headerValue(fields, 'To')).toBe('x@y');
    expect(headerValues(fields, 'to')).toEqual(['x@y', 'z@y']);
    expect(headerValue(fields, 'cc')).toBeNull();
  });
});

describe('mainValue and headerParam', () => {
  it('read a structured value and its quoted or bare parameters', () => {
    const value = 'Multipart/Report; report-type=delivery-status;\tboundary="a b;c"';
    expect(mainValue(value)).toBe('multipart/report');
    expect(headerParam(value, 'boundary')).toBe('a b;c');
    expect(headerParam(value, 'report-type')).toBe('delivery-status');
    expect(headerParam(value, 'charset')).toBeNull();
  });
});

describe('splitMultipart', () => {
  it('returns the parts between boundaries, and ends an unclosed one at the end', () => {
    expect(
      splitMultipart('preamble\r\n--b\r\none\r\n--b\r\ntwo\r\n--b--\r\nepilogue', 'b'),
    ).toEqual(['one', 'two']);
    expect(splitMultipart('--b\r\none\r\n--b\r\ntwo', 'b')).toEqual(['one', 'two']);
    expect(splitMultipart('--other\r\none', 'b')).toEqual([]);
  });
});

describe('decodeTransfer', () => {
  it('undoes base64 and quoted-printable, and passes others through', () => {
    expect(decodeTransfer('aGVs\r\nbG8=', 'base64')).toBe('hello');
    expect(decodeTransfer('caf=C3=A9 =\r\nend', 'quoted-printable')).toBe('caf\u00c3\u00a9 end');
    expect(decodeTransfer('plain', '7bit')).toBe('plain');
  });
});

describe('leafParts', () => {
  it('walks nested multiparts and keeps message/rfc822 as one leaf', () => {
    const source = [
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain',
      '',
      'text',
      '--inner--',
      '--outer',
      'Content-Type: message/rfc822',
      '',
      'Message-ID: <a@b>',
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      'body',
      '--outer--',
    ].join('\r\n');
    expect(leafParts(source).map((part) => part.contentType)).toEqual([
      'text/plain',
      'message/rfc822',
    ]);
  });

  it('reads a message without Content-Type as one text/plain leaf', () => {
    expect(leafParts('Subject: x\r\n\r\nhi')).toEqual([
      { contentType: 'text/plain', header: [{ name: 'subject', value: 'x' }], body: 'hi' },
    ]);
  });
});
