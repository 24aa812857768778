import type { MessageStructureObject } from 'imapflow';
import { simpleParser } from 'mailparser';
import { firstPartOf, truncatedSource } from './truncated-source.util';

describe('firstPartOf', () => {
  it('is part 1 without a boundary for a single-part message', () => {
    expect(firstPartOf({ type: 'text/plain' })).toEqual({ part: '1' });
    expect(firstPartOf(undefined)).toEqual({ part: '1' });
  });

  it('is the first leaf, framed by the top boundary, for a multipart message', () => {
    const structure: MessageStructureObject = {
      type: 'multipart/mixed',
      parameters: { boundary: 'top' },
      childNodes: [
        {
          type: 'multipart/alternative',
          part: '1',
          childNodes: [
            { type: 'text/plain', part: '1.1' },
            { type: 'text/html', part: '1.2' },
          ],
        },
        { type: 'application/pdf', part: '2' },
      ],
    };
    expect(firstPartOf(structure)).toEqual({ part: '1.1', boundary: 'top' });
  });
});

describe('truncatedSource', () => {
  it('keeps a single-part message parseable: its header, then its body', async () => {
    const source = truncatedSource({
      header: Buffer.from('Subject: Big\r\nMessage-ID: <b@x>\r\n\r\n'),
      first: { part: '1' },
      content: Buffer.from('The start of a long body'),
    });
    const mail = await simpleParser(source);
    expect(mail.subject).toBe('Big');
    expect(mail.text).toBe('The start of a long body');
  });

  it('keeps a multipart message parseable: the top header, the first part, a closing boundary', async () => {
    const source = truncatedSource({
      header: Buffer.from(
        'Subject: Report\r\nMIME-Version: 1.0\r\n' +
          'Content-Type: multipart/mixed; boundary="top"\r\n\r\n',
      ),
      first: { part: '1', boundary: 'top' },
      partHeader: Buffer.from('Content-Type: text/plain; charset=utf-8\r\n\r\n'),
      content: Buffer.from('Thanks, see the attachment.'),
    });
    const mail = await simpleParser(source);
    expect(mail.subject).toBe('Report');
    expect(mail.text?.trim()).toBe('Thanks, see the attachment.');
    expect(mail.attachments).toHaveLength(0);
  });
});
