import { readFileSync, readdirSync } from 'node:fs';
import { AddressInfo, createServer, Socket } from 'node:net';
import { join } from 'node:path';
import { DovecotServer, freePort, rfc822 } from './helpers/dovecot';
import type { TestApp } from './helpers/create-test-app';
import { createWatcherApp, mailboxHealth, RecordingSink, waitFor } from './helpers/mailbox';
import { createTestApp } from './helpers/create-test-app';

/** Every log line the app wrote, as text. */
function logs(t: TestApp): string {
  const dir = join(t.dir, 'logs');
  return readdirSync(dir)
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('');
}

describe('Mailbox watcher (e2e, real Dovecot): failures, polling, re-delivery', () => {
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

  async function watch(imapUrl: string, sink: RecordingSink, env: Record<string, string> = {}) {
    const app = await createWatcherApp({
      imapUrl,
      sink,
      env: { LOG_LEVEL: 'info', ...env },
    });
    apps.push(app);
    return app;
  }

  it('reports not_configured without IMAP_URL', async () => {
    const t = await createTestApp();
    apps.push(t);
    expect(await mailboxHealth(t)).toMatchObject({ status: 'up', state: 'not_configured' });
  });

  it('reports auth_failed for a wrong password, retries with backoff, never logs the password', async () => {
    const password = 'Wr0ng/p@ss%word';
    const sink = new RecordingSink();
    const t = await watch(dovecot.url(undefined, password), sink);
    await waitFor('a second failed attempt', async () => {
      const health = await mailboxHealth(t);
      return health.state === 'auth_failed' && (health.failures ?? 0) >= 2;
    });
    const health = await mailboxHealth(t);
    expect(health).toMatchObject({ status: 'up', state: 'auth_failed' });
    expect(health.error).toMatch(/auth/i);
    expect(Date.parse(health.retryAt ?? '')).toBeGreaterThan(Date.now() - 1000);
    expect(sink.received).toEqual([]);
    const everything = JSON.stringify(health) + logs(t);
    expect(everything).toContain('Mailbox session failed; retrying');
    for (const form of [password, encodeURIComponent(password)]) {
      expect(everything).not.toContain(form);
    }
  });

  it('reports unreachable when nothing listens on the port, and keeps serving', async () => {
    const port = await freePort();
    const sink = new RecordingSink();
    const t = await watch(`imap://ana:secret-pass@127.0.0.1:${port}`, sink);
    await waitFor('unreachable', async () => (await mailboxHealth(t)).state === 'unreachable');
    expect((await mailboxHealth(t)).error).toMatch(/ECONNREFUSED/);
  });

  it('shuts down at once while a server keeps it waiting for its greeting', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as AddressInfo;
    try {
      const t = await watch(`imap://ana:secret-pass@127.0.0.1:${port}`, new RecordingSink());
      await waitFor('a connection', () => sockets.size > 0);
      expect((await mailboxHealth(t)).state).toBe('connecting');
      const started = Date.now();
      await t.destroy();
      apps.splice(apps.indexOf(t), 1);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => silent.close(done));
    }
  });

  it('polls a server without IDLE every IMAP_POLL_SECONDS', async () => {
    const noIdle = await DovecotServer.start({ withoutIdle: true });
    try {
      const sink = new RecordingSink();
      const t = await watch(noIdle.url(), sink, { IMAP_POLL_SECONDS: '1' });
      await waitFor('connected', async () => (await mailboxHealth(t)).state === 'connected');
      // Log lines reach the file asynchronously.
      await waitFor('the log line saying no IDLE', () => /"idle":false/.test(logs(t)));
      await noIdle.append(rfc822({ subject: 'polled' }));
      await waitFor('the polled message', () => sink.received.length === 1, 5000);
      expect(sink.subjects()).toEqual(['polled']);
      await t.destroy();
      apps.splice(apps.indexOf(t), 1);
    } finally {
      await noIdle.stop();
    }
  });

  it('hands a message over again when the sink failed before last_uid moved (nothing lost)', async () => {
    const folder = 'Redeliver';
    for (const subject of ['a', 'b', 'c']) await dovecot.append(rfc822({ subject }), { folder });
    const sink = new RecordingSink();
    let failed = false;
    sink.onReceive = (message) => {
      // As a crash between the hand-over and the advance of last_uid.
      if (message.uid === 2 && !failed) {
        failed = true;
        throw new Error('intake crashed');
      }
    };
    const t = await watch(dovecot.url(), sink, { IMAP_MAILBOX: folder });
    await waitFor('every message after the retry', () => sink.received.length === 4);
    expect(sink.uids).toEqual([1, 2, 2, 3]);
    await waitFor('connected again', async () => (await mailboxHealth(t)).state === 'connected');
  });

  it('backs off further while the sink keeps refusing a message, then goes on once it is taken', async () => {
    const folder = 'Refused';
    for (const subject of ['a', 'b', 'c']) await dovecot.append(rfc822({ subject }), { folder });
    const sink = new RecordingSink();
    let refusing = true;
    sink.onReceive = (message) => {
      if (message.uid === 2 && refusing) throw new Error('cannot store this one');
    };
    const t = await watch(dovecot.url(), sink, { IMAP_MAILBOX: folder });
    // Each new connection succeeds, yet the count goes on: 1 s, 2 s, 4 s… not a retry a second.
    let refusal: Awaited<ReturnType<typeof mailboxHealth>> | undefined;
    await waitFor('three refusals in a row', async () => {
      const health = await mailboxHealth(t);
      if ((health.failures ?? 0) >= 3) refusal = health;
      return refusal !== undefined;
    });
    expect(refusal?.error).toContain('UID 2');
    expect(sink.uids.filter((uid) => uid === 2).length).toBeLessThanOrEqual(4);
    refusing = false;
    await waitFor('the refused message taken, and the next', () => sink.uids.includes(3), 20_000);
    await waitFor('connected again', async () => (await mailboxHealth(t)).state === 'connected');
  });
});
