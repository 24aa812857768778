import { isLoopbackHost, mailboxKey, parseImapUrl } from './mailbox-config';

describe('mailbox configuration', () => {
  it.each([
    ['localhost', true],
    ['imap.localhost', false],
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['10.0.0.5', false],
    ['imap.example.com', false],
    ['127.0.0.1.example.com', false],
    ['::ffff:10.0.0.1', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('keys a mailbox by user, host, port and folder, never the password', () => {
    const server = parseImapUrl('imaps://ana%40acme.example:s3cret@IMAP.Acme.Example');
    expect(mailboxKey(server, 'INBOX')).toBe('ana@acme.example@imap.acme.example:993/INBOX');
    const v6 = parseImapUrl('imap://u:s3cret@[::1]:1143');
    expect(mailboxKey(v6, 'Replies')).toBe('u@[::1]:1143/Replies');
  });
});
