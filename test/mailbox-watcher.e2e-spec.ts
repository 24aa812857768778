import { DovecotServer, rfc822 } from './helpers/dovecot';
import type { TestApp } from './helpers/create-test-app';
import { createWatcherApp, mailboxHealth, RecordingSink, waitFor } from './helpers/mailbox';

describe('Mailbox watcher (e2e, real Dovecot)', () => {
  let dovecot: DovecotServer;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    dovecot = await DovecotServer.start();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.destroy();
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  async function watch(sink: RecordingSink, env: Record<string, string> = {}, dir?: string) {
    const app = await createWatcherApp({ imapUrl: dovecot.url(), sink, env, dir });
    apps.push(app);
    return app;
  }

  it('hands over every message once, in UID order, and new ones within seconds (IDLE)', async () => {
    const folder = 'First';
    for (const subject of ['one', 'two', 'three']) {
      await dovecot.append(rfc822({ subject }), { folder });
    }
    const sink = new RecordingSink();
    const t = await watch(sink, { IMAP_MAILBOX: folder, IMAP_POLL_SECONDS: '600' });
    await waitFor('three messages', () => sink.received.length === 3);
    expect(sink.uids).toEqual([1, 2, 3]);
    expect(sink.subjects()).toEqual(['one', 'two', 'three']);
    const first = sink.received[0];
    expect(first).toMatchObject({
      mailbox: `ana@zigral.test@127.0.0.1:${dovecot.port}/${folder}`,
      truncated: false,
    });
    expect(first.uidValidity).toMatch(/^\d+$/);
    expect(first.size).toBe(first.source.length);
    expect(await mailboxHealth(t)).toMatchObject({ status: 'up', state: 'connected' });

    // Polling every 10 minutes: only IDLE can bring these in time.
    const started = Date.now();
    await dovecot.append(rfc822({ subject: 'four' }), { folder });
    await dovecot.append(rfc822({ subject: 'five' }), { folder });
    await waitFor('two more messages', () => sink.received.length === 5, 5000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(sink.uids).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps last_uid across a restart: nothing handed twice, new ones handed', async () => {
    const folder = 'Restart';
    await dovecot.append(rfc822({ subject: 'before' }), { folder });
    const sink = new RecordingSink();
    const first = await watch(sink, { IMAP_MAILBOX: folder });
    await waitFor('the first message', () => sink.received.length === 1);
    await first.close();
    apps.splice(apps.indexOf(first), 1);

    await dovecot.append(rfc822({ subject: 'while stopped' }), { folder });
    const again = new RecordingSink();
    await watch(again, { IMAP_MAILBOX: folder }, first.dir);
    await waitFor('the message that came while stopped', () => again.received.length === 1);
    await dovecot.append(rfc822({ subject: 'after' }), { folder });
    await waitFor('the next one', () => again.received.length === 2);
    expect(again.subjects()).toEqual(['while stopped', 'after']);
    expect(again.uids).toEqual([2, 3]);
  });

  it('hands the folder over again from its first message when its UIDVALIDITY changes', async () => {
    const folder = 'Rebuilt';
    await dovecot.append(rfc822({ subject: 'old one' }), { folder });
    await dovecot.append(rfc822({ subject: 'old two' }), { folder });
    const sink = new RecordingSink();
    const t = await watch(sink, { IMAP_MAILBOX: folder, IMAP_POLL_SECONDS: '1' });
    await waitFor('the old messages', () => sink.received.length === 2);
    const oldValidity = sink.received[0].uidValidity;

    await dovecot.recreateFolder(folder);
    await dovecot.append(rfc822({ subject: 'new one' }), { folder });
    await waitFor('the rebuilt folder', () => sink.received.length === 3, 15_000);
    const rebuilt = sink.received[2];
    expect(rebuilt.uid).toBe(1);
    expect(rebuilt.uidValidity).not.toBe(oldValidity);
    expect(sink.subjects()[2]).toBe('new one');
    await waitFor('connected again', async () => (await mailboxHealth(t)).state === 'connected');
  });

  it('fetches an oversized message as its headers and first part, truncated', async () => {
    const folder = 'Large';
    const boundary = 'zigral-boundary';
    const attachment = Buffer.alloc(15 * 1024 * 1024, 'A').toString('base64');
    const big = [
      'From: Prospect <prospect@example.com>',
      'To: ana@zigral.test',
      'Subject: Big reply',
      'Message-ID: <big@example.com>',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Yes, let us talk next week.',
      `--${boundary}`,
      'Content-Type: application/octet-stream; name="big.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      attachment.replace(/(.{76})/g, '$1\r\n'),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    expect(big.length).toBeGreaterThan(20 * 1024 * 1024);
    await dovecot.append(big, { folder });
    await dovecot.append(rfc822({ subject: 'small' }), { folder });
    const sink = new RecordingSink();
    await watch(sink, { IMAP_MAILBOX: folder, IMAP_MAX_MESSAGE_BYTES: '64kb' });
    await waitFor('both messages', () => sink.received.length === 2, 20_000);
    const [large, small] = sink.received;
    expect(large.truncated).toBe(true);
    expect(large.size).toBeGreaterThan(20 * 1024 * 1024);
    expect(large.source.length).toBeLessThan(64 * 1024);
    const text = large.source.toString();
    expect(text).toContain('Subject: Big reply');
    expect(text).toContain('Message-ID: <big@example.com>');
    expect(text).toContain('Yes, let us talk next week.');
    expect(text).not.toContain('AAAAAAAA');
    expect(small.truncated).toBe(false);
  }, 60_000);

  it.each([
    ['false', false],
    ['true', true],
  ])('IMAP_MARK_SEEN=%s: handed-over messages are \\Seen: %s', async (markSeen, seen) => {
    const folder = `Seen-${markSeen}`;
    await dovecot.append(rfc822({ subject: `seen ${markSeen}` }), { folder });
    const sink = new RecordingSink();
    const t = await watch(sink, { IMAP_MAILBOX: folder, IMAP_MARK_SEEN: markSeen });
    await waitFor('the message', () => sink.received.length === 1);
    await t.close();
    apps.splice(apps.indexOf(t), 1);
    const flags = await dovecot.flags(folder);
    expect(flags.get(1)?.has('\\Seen')).toBe(seen);
  });
});
