import { rmSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { MailboxStateStore } from '../src/agents/mailbox/state/mailbox-state.store';
import { MailboxWatcher } from '../src/agents/mailbox/watch/mailbox-watcher.service';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { DovecotServer, rfc822 } from './helpers/dovecot';
import { createWatcherApp, mailboxHealth, RecordingSink, waitFor } from './helpers/mailbox';

/** The database URL of an app, for a second app (a replica) on the same database. */
function databaseOf(t: TestApp): string {
  const database = t.config.database;
  return database.type === 'postgres' ? database.url : `sqlite:${database.path}`;
}

describe('Mailbox lease (e2e): one replica watches a mailbox at a time', () => {
  describe('the state store', () => {
    let t: TestApp;
    let store: MailboxStateStore;
    const mailbox = 'ana@imap.example:993/INBOX';
    const leaseMs = 30_000;

    beforeAll(async () => {
      t = await createTestApp();
      store = t.app.get(MailboxStateStore);
    });
    afterAll(async () => {
      await t.destroy();
    });

    it('gives the lease to one owner until it expires or is released', async () => {
      const now = new Date();
      const a = await store.claim({ mailbox, owner: 'a', now, leaseMs });
      expect(a).toMatchObject({
        mailboxKey: mailbox,
        leaseOwner: 'a',
        uidValidity: null,
        lastUid: 0,
      });
      expect(await store.claim({ mailbox, owner: 'b', now, leaseMs })).toBeNull();
      // The holder claims again (renews); the other can write nothing.
      expect(await store.claim({ mailbox, owner: 'a', now, leaseMs })).not.toBeNull();
      expect(await store.resetUidValidity({ mailbox, owner: 'b', uidValidity: '7' })).toBe(false);
      expect(await store.resetUidValidity({ mailbox, owner: 'a', uidValidity: '7' })).toBe(true);
      expect(await store.advance({ mailbox, owner: 'b', uidValidity: '7', uid: 1 })).toBe(false);
      expect(await store.advance({ mailbox, owner: 'a', uidValidity: '7', uid: 1 })).toBe(true);
      // Only forward, and only under the recorded UIDVALIDITY.
      expect(await store.advance({ mailbox, owner: 'a', uidValidity: '7', uid: 1 })).toBe(false);
      expect(await store.advance({ mailbox, owner: 'a', uidValidity: '8', uid: 2 })).toBe(false);

      const later = new Date(now.getTime() + leaseMs + 1000);
      const b = await store.claim({ mailbox, owner: 'b', now: later, leaseMs });
      expect(b).toMatchObject({ leaseOwner: 'b', uidValidity: '7', lastUid: 1 });
      expect(await store.renew({ mailbox, owner: 'a', until: later })).toBe(false);
      expect(await store.advance({ mailbox, owner: 'a', uidValidity: '7', uid: 2 })).toBe(false);

      await store.release({ mailbox, owner: 'b', now: later });
      const back = await store.claim({
        mailbox,
        owner: 'a',
        now: new Date(later.getTime() + 1),
        leaseMs,
      });
      expect(back?.leaseOwner).toBe('a');
      expect(back?.lastUid).toBe(1);
    });

    it('keeps UIDVALIDITY values above 2^53 exactly, as text', async () => {
      const key = 'big@imap.example:993/INBOX';
      await store.claim({ mailbox: key, owner: 'a', now: new Date(), leaseMs });
      await store.resetUidValidity({
        mailbox: key,
        owner: 'a',
        uidValidity: '18446744073709551615',
      });
      await store.advance({
        mailbox: key,
        owner: 'a',
        uidValidity: '18446744073709551615',
        uid: 4294967295,
      });
      expect(await store.find(key)).toMatchObject({
        uidValidity: '18446744073709551615',
        lastUid: 4294967295,
      });
    });
  });

  describe('two replicas on one database and one Dovecot', () => {
    let dovecot: DovecotServer;
    const apps: TestApp[] = [];

    beforeAll(async () => {
      dovecot = await DovecotServer.start();
    });
    afterAll(async () => {
      for (const app of apps.splice(0).reverse()) {
        await app.destroy().catch(() => rmSync(app.dir, { recursive: true, force: true }));
      }
      await dovecot?.stop();
    });

    it('lets one watch; the other takes over when it stops, and nothing is handed twice', async () => {
      const env = { JOB_LEASE_SECONDS: '2' };
      const sinkA = new RecordingSink();
      const a = await createWatcherApp({ imapUrl: dovecot.url(), sink: sinkA, env });
      apps.push(a);
      await waitFor('A connected', async () => (await mailboxHealth(a)).state === 'connected');
      const sinkB = new RecordingSink();
      const b = await createWatcherApp({
        imapUrl: dovecot.url(),
        sink: sinkB,
        env,
        databaseUrl: databaseOf(a),
      });
      apps.push(b);
      await waitFor('B on standby', async () => Boolean((await mailboxHealth(b)).holder));
      expect(await mailboxHealth(b)).toMatchObject({
        state: 'standby',
        holder: a.app.get(MailboxWatcher).owner,
        holderState: 'connected',
      });

      await dovecot.append(rfc822({ subject: 'to A' }));
      await waitFor('A has it', () => sinkA.received.length === 1);
      // Longer than a lease: B keeps waiting while A renews.
      await new Promise((done) => setTimeout(done, 2500));
      expect(sinkB.received).toEqual([]);
      expect((await mailboxHealth(b)).state).toBe('standby');

      // A's watcher stops as on shutdown (closing the whole app would also reset nestjs-pino's
      // process-wide logger, which B, in the same process, still uses).
      await a.app.get(MailboxWatcher).beforeApplicationShutdown();
      expect((await mailboxHealth(a)).state).toBe('stopped');
      await waitFor('B connected', async () => (await mailboxHealth(b)).state === 'connected');
      await dovecot.append(rfc822({ subject: 'to B' }));
      await waitFor('B has it', () => sinkB.received.length === 1);
      expect(sinkB.subjects()).toEqual(['to B']);
      expect(sinkA.subjects()).toEqual(['to A']);
    });

    it('hands a message over again when its replica died between the sink and last_uid', async () => {
      const folder = 'Died';
      const env = { JOB_LEASE_SECONDS: '2', IMAP_MAILBOX: folder };
      await dovecot.append(rfc822({ subject: 'first' }), { folder });
      await dovecot.append(rfc822({ subject: 'second' }), { folder });
      const dying = new RecordingSink();
      let unfreeze = () => {};
      // The replica takes the second message, then freezes before it can record it.
      dying.onReceive = (message) =>
        message.uid === 2 ? new Promise<void>((done) => (unfreeze = done)) : undefined;
      const c = await createWatcherApp({ imapUrl: dovecot.url(), sink: dying, env });
      apps.push(c);
      await waitFor('the second message handed to C', () => dying.received.length === 2);
      // ...and dies: its database connection goes, so it renews nothing any more.
      await c.app.get(DataSource).destroy();

      const sink = new RecordingSink();
      const d = await createWatcherApp({
        imapUrl: dovecot.url(),
        sink,
        env,
        databaseUrl: databaseOf(c),
      });
      apps.push(d);
      await waitFor('the second message handed again, by D', () => sink.received.length === 1);
      expect(sink.uids).toEqual([2]);
      expect(sink.subjects()).toEqual(['second']);
      // Its last write, after the freeze, finds no database: C neither crashes nor records it.
      unfreeze();
      await c.app.get(MailboxWatcher).beforeApplicationShutdown();
    });

    it('stops watching when the lease is taken from it, and takes over again after expiry', async () => {
      const [, b] = apps;
      const watcher = b.app.get(MailboxWatcher);
      const store = b.app.get(MailboxStateStore);
      const mailbox = watcher.mailbox ?? '';
      // A replica that froze past its lease: another took the mailbox and then died.
      const stolenAt = new Date(Date.now() + 2001);
      expect(
        await store.claim({ mailbox, owner: 'frozen', now: stolenAt, leaseMs: 2000 }),
      ).not.toBeNull();
      await waitFor('B on standby', async () => (await mailboxHealth(b)).holder === 'frozen');
      expect((await mailboxHealth(b)).state).toBe('standby');
      await waitFor(
        'B connected after the expiry',
        async () => (await mailboxHealth(b)).state === 'connected',
        10_000,
      );
      expect(Date.now()).toBeGreaterThanOrEqual(stolenAt.getTime() + 2000);
      expect((await store.find(mailbox))?.leaseOwner).toBe(watcher.owner);
    });
  });
});
