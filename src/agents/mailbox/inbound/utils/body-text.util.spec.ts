import { partsByUsedBoundary, rawBodyText, readableText } from './body-text.util';

describe('readableText', () => {
  it('prefers text, then HTML as text, then the raw source', () => {
    expect(readableText({ text: 'plain', html: '<p>html</p>', source: '' })).toBe('plain');
    expect(readableText({ text: ' ', html: '<p>html</p>', source: '' })).toBe('html');
    expect(readableText({ html: false, source: 'Subject: x\r\n\r\nraw body' })).toBe('raw body');
  });
});

describe('rawBodyText', () => {
  it('splits at the boundary the body uses when the declared one is wrong', () => {
    const source = [
      'Content-Type: multipart/alternative; boundary="declared"',
      '',
      '--used',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>caf\u00c3\u00a9</p>',
      '--used--',
    ].join('\r\n');
    expect(rawBodyText(source)).toBe('café');
  });

  it('drops structure lines when there are no parts to find', () => {
    expect(
      rawBodyText(
        'Content-Type: multipart/mixed; boundary=x\r\n\r\nContent-Type: text/plain\r\nhello',
      ),
    ).toBe('hello');
  });
});

describe('partsByUsedBoundary', () => {
  it('finds nothing in a body without boundary lines', () => {
    expect(partsByUsedBoundary('just text')).toEqual([]);
  });
});
