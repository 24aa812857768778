import type { Logger } from '@nestjs/common';
import type { ImapFlow, MailboxObject } from 'imapflow';
import type { MailboxConfig } from '../../../config/mailbox-config';
import type { MailboxStateStore } from '../state/mailbox-state.store';
import type { InboundSink } from './inbound-sink';
import { fetchRawMessage } from './message-fetch';

/** How long a logout may take at the end of a session before the socket is closed. */
const LOGOUT_TIMEOUT_MS = 2000;

/** The lease went to another replica (or could not be renewed): this one stops watching. */
export class MailboxLeaseLostError extends Error {
  override name = 'MailboxLeaseLostError';
  constructor() {
    super('The mailbox lease was lost');
  }
}

/** The folder's UIDVALIDITY changed under an open session: a new session starts over. */
export class UidValidityChangedError extends Error {
  override name = 'UidValidityChangedError';
  constructor() {
    super('The folder UIDVALIDITY changed');
  }
}

/** The server closed the connection. */
export class ConnectionClosedError extends Error {
  override name = 'ConnectionClosedError';
  readonly code = 'EConnectionClosed';
  constructor() {
    super('The IMAP server closed the connection');
  }
}

/**
 * The sink refused a message (it threw): the watcher retries it, backing off further each time
 * until one is taken, rather than once a connection again succeeds.
 */
export class InboundHandOverError extends Error {
  override name = 'InboundHandOverError';
  constructor(
    readonly uid: number,
    cause: unknown,
  ) {
    super(
      `Handing over the message with UID ${uid} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

/** What one session works with. */
export interface MailboxSessionInput {
  client: ImapFlow;
  config: MailboxConfig;
  /** The mailbox key (`user@host:port/folder`). */
  mailbox: string;
  /** This process's lease owner id. */
  owner: string;
  store: MailboxStateStore;
  sink: InboundSink;
  /** Aborted on shutdown or when the lease is lost: the session ends after the current message. */
  signal: AbortSignal;
  /** Called once logged in with the folder open. */
  onConnected: (info: { idle: boolean; uidValidity: string; lastUid: number }) => void;
  /** Called after each message handed over and passed (`last_uid` moved). */
  onHandedOver?: (uid: number) => void;
  logger: Logger;
}

/**
 * One IMAP connection of the lease holder: log in, open the folder (read-only unless
 * IMAP_MARK_SEEN), then hand over every message above `last_uid` in UID order and wait for
 * more (IDLE when offered, and a poll every IMAP_POLL_SECONDS in any case), until it is aborted
 * or the connection fails (the promise rejects; the watcher retries).
 */
export class MailboxSession {
  /** Set by an EXISTS (or a close) that came while scanning: the next wait returns at once. */
  private news = false;
  /** Set when the poll interval passed: the next scan SELECTs the folder again first. */
  private pollDue = false;
  private wake?: () => void;
  private failure?: Error;
  private readonly input: MailboxSessionInput;

  constructor(input: MailboxSessionInput) {
    this.input = input;
  }

  async run(): Promise<void> {
    const { client, config, signal } = this.input;
    let opened = false;
    const notify = () => this.notify();
    // A shutdown does not wait for a connection attempt (up to its 30 s timeout) to give up.
    const abort = () => (opened ? this.notify() : client.close());
    client.on('exists', notify);
    client.on('close', () => this.fail(new ConnectionClosedError()));
    // imapflow emits 'error' at most once per connection, then closes it.
    client.on('error', (error: Error) => this.fail(error));
    signal.addEventListener('abort', abort);
    try {
      await client.connect();
      const folder = await client.mailboxOpen(config.folder, { readOnly: !config.markSeen });
      const uidValidity = folder.uidValidity.toString();
      opened = true;
      client.on('mailboxOpen', (reopened: MailboxObject) => {
        if (reopened.uidValidity.toString() !== uidValidity) {
          this.fail(new UidValidityChangedError());
        }
      });
      let lastUid = await this.startingUid(uidValidity);
      const idle = client.capabilities.has('IDLE');
      this.input.onConnected({ idle, uidValidity, lastUid });
      while (!signal.aborted) {
        lastUid = await this.handOverNew(uidValidity, lastUid);
        await this.waitForNews(idle);
        this.throwIfFailed();
      }
    } finally {
      signal.removeEventListener('abort', abort);
      await this.end();
    }
  }

  /** The UID to start after: `last_uid`, or 0 under a UIDVALIDITY not seen before. */
  private async startingUid(uidValidity: string): Promise<number> {
    const { store, mailbox, owner, logger } = this.input;
    const row = await store.find(mailbox);
    if (row?.uidValidity === uidValidity) return row.lastUid;
    if (row?.uidValidity) {
      logger.warn(
        { mailbox, previous: row.uidValidity, uidValidity },
        'UIDVALIDITY changed: the folder is handed over again from its first message',
      );
    }
    if (!(await store.resetUidValidity({ mailbox, owner, uidValidity }))) {
      throw new MailboxLeaseLostError();
    }
    return 0;
  }

  /**
   * Hands over every message above `lastUid`, in UID order: the sink first, then `last_uid`
   * (a crash between the two hands the message over again, never loses it).
   */
  private async handOverNew(uidValidity: string, lastUid: number): Promise<number> {
    const { client, config, mailbox, owner, store, sink, signal } = this.input;
    if (this.pollDue) {
      this.pollDue = false;
      await this.reselect();
    }
    const listing = await client.fetchAll(
      `${lastUid + 1}:*`,
      { uid: true, size: true },
      { uid: true },
    );
    // `n:*` also answers the highest UID when it is below n.
    const fresh = listing.filter((message) => message.uid > lastUid);
    fresh.sort((a, b) => a.uid - b.uid);
    for (const { uid, size } of fresh) {
      if (signal.aborted) break;
      this.throwIfFailed();
      const message = { mailbox, uidValidity, uid, size: size ?? 0 };
      const raw = await fetchRawMessage(client, message, config.maxMessageBytes);
      // Expunged between the listing and the fetch: nothing to hand over, move past it.
      if (raw) {
        try {
          await sink.receive(raw);
        } catch (error) {
          throw new InboundHandOverError(uid, error);
        }
      }
      if (!(await store.advance({ mailbox, owner, uidValidity, uid }))) {
        throw new MailboxLeaseLostError();
      }
      lastUid = uid;
      this.input.onHandedOver?.(uid);
      if (raw && config.markSeen) {
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      }
    }
    return lastUid;
  }

  /**
   * The safety-net poll SELECTs the folder again: a fresh view of it, as seen by a new session.
   * Without IDLE that is how new messages show; with IDLE it catches what the open view missed,
   * e.g. a folder deleted and created again under it (Dovecot may keep the session on the old
   * one), whose new UIDVALIDITY ends the session (the 'mailboxOpen' listener).
   */
  private async reselect(): Promise<void> {
    const { client, config } = this.input;
    await client.mailboxOpen(config.folder, { readOnly: !config.markSeen });
    this.throwIfFailed();
  }

  /** Until an EXISTS, the poll interval, a failure or the abort; IDLE meanwhile when offered. */
  private async waitForNews(idle: boolean): Promise<void> {
    if (this.news || this.failure || this.input.signal.aborted) {
      this.news = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.pollDue = true;
        this.notify();
      }, this.input.config.pollMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      // The next command (the scan's FETCH, or LOGOUT) ends the IDLE.
      if (idle) this.input.client.idle().catch((error: Error) => this.fail(error));
    });
    this.news = false;
  }

  private notify(): void {
    this.news = true;
    this.wake?.();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** LOGOUT when the connection is still usable, else (or when it hangs) the socket is closed. */
  private async end(): Promise<void> {
    const { client } = this.input;
    if (client.usable) {
      const timeout = new Promise((resolve) => setTimeout(resolve, LOGOUT_TIMEOUT_MS).unref());
      await Promise.race([client.logout().catch(() => undefined), timeout]);
    }
    client.close();
  }
}
