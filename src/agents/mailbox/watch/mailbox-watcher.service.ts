import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AppConfig } from '../../../config/app-config';
import { mailboxKey } from '../../../config/mailbox-config';
import { RetryPolicy, retryDelayMs } from '../../../orchestrator/agents/retry-policy.util';
import { MailboxStateStore } from '../state/mailbox-state.store';
import { classifyImapError } from './imap-error.util';
import { ImapClientFactory } from './imap-client.factory';
import { InboundSink } from './inbound-sink';
import {
  InboundHandOverError,
  MailboxLeaseLostError,
  MailboxSession,
  UidValidityChangedError,
} from './mailbox-session';
import { MailboxConnectionState, MailboxStatus } from './mailbox-status';

/**
 * Reconnecting after a failed session (wrong password, server down): 1 s, 2 s, 4 s… up to 5
 * minutes, ±20 % at random so replicas and restarts spread out. Never gives up.
 */
export const MAILBOX_RETRY_POLICY: RetryPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  initialDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  factor: 2,
  jitter: 0.2,
};

/**
 * Watches the IMAP_URL mailbox from this process while it holds the mailbox's lease (one replica
 * at a time): sessions (MailboxSession) hand new messages to the InboundSink; a failed session is
 * retried with backoff; a lost lease sends the process back to standby, where it tries to take
 * the lease every third of its length. Leases last JOB_LEASE_SECONDS, as jobs' do, and are
 * measured on the machine's clock.
 */
@Injectable()
export class MailboxWatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailboxWatcher.name);
  /** As the job runner's owners: host, pid and a random part (two apps in one process differ). */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly mailbox?: string;
  private current: MailboxStatus;
  private readonly stopping = new AbortController();
  private loop?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly store: MailboxStateStore,
    private readonly sink: InboundSink,
    private readonly clients: ImapClientFactory,
  ) {
    const { server, folder } = config.mailbox;
    this.mailbox = server ? mailboxKey(server, folder) : undefined;
    this.current = {
      state: server ? 'standby' : 'not_configured',
      mailbox: this.mailbox,
      since: new Date().toISOString(),
    };
  }

  /** Where this process's watcher stands (for /health). */
  status(): MailboxStatus {
    return { ...this.current };
  }

  onApplicationBootstrap(): void {
    if (!this.mailbox) return;
    // Every failure is handled inside; this only keeps a bug from being an unhandled rejection.
    this.loop = this.run(this.mailbox).catch((error: unknown) => {
      this.setStatus({ state: 'error', error: 'The watcher stopped on an unexpected error' });
      this.logger.error({ err: error, mailbox: this.mailbox }, 'The mailbox watcher stopped');
    });
  }

  /** Ends the session after the message in hand, logs out and lets the lease go. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private async run(mailbox: string): Promise<void> {
    while (!this.stopping.signal.aborted) {
      const held = await this.claim(mailbox);
      if (held) {
        await this.watchWhileHeld(mailbox);
      } else {
        await this.sleep(this.leaseMs / 3);
      }
    }
    this.setStatus({ state: 'stopped' });
  }

  /** Takes (or keeps) the lease; on standby, records who holds it. */
  private async claim(mailbox: string): Promise<boolean> {
    try {
      const now = new Date();
      const row = await this.store.claim({
        mailbox,
        owner: this.owner,
        now,
        leaseMs: this.leaseMs,
      });
      if (row) return true;
      const holder = await this.store.find(mailbox);
      this.setStatus({
        state: 'standby',
        holder: holder?.leaseOwner ?? undefined,
        holderState: holder?.connectionState ?? null,
      });
    } catch (error) {
      this.logger.error({ err: error, mailbox }, 'Could not claim the mailbox lease');
    }
    return false;
  }

  /** Sessions, one after the other with backoff after failures, until the lease is lost or we stop. */
  private async watchWhileHeld(mailbox: string): Promise<void> {
    const held = new AbortController();
    const stop = () => held.abort();
    this.stopping.signal.addEventListener('abort', stop);
    const renewal = setInterval(() => void this.renew(mailbox, held), this.leaseMs / 3);
    renewal.unref();
    // Consecutive failures, for the backoff. A connection made clears them, except after a
    // message the sink refused: that one must be taken first, or the same message would be
    // fetched again about once a second for as long as it is refused.
    let failures = 0;
    let refused = false;
    const progress = {
      connected: () => {
        if (!refused) failures = 0;
      },
      handedOver: () => {
        failures = 0;
        refused = false;
      },
    };
    try {
      while (!held.signal.aborted) {
        try {
          this.setStatus({ state: 'connecting' });
          await this.session(mailbox, held.signal, progress);
        } catch (error) {
          // Stopping (or the lease lost) closed the connection under the session: not a failure.
          if (error instanceof MailboxLeaseLostError || held.signal.aborted) break;
          if (error instanceof UidValidityChangedError) continue;
          refused = error instanceof InboundHandOverError;
          failures += 1;
          await this.backOff(mailbox, error, failures, held.signal);
        }
      }
    } finally {
      clearInterval(renewal);
      this.stopping.signal.removeEventListener('abort', stop);
      if (this.stopping.signal.aborted) {
        await this.store.release({ mailbox, owner: this.owner, now: new Date() }).catch(() => {});
      }
    }
  }

  private async session(
    mailbox: string,
    signal: AbortSignal,
    progress: { connected: () => void; handedOver: () => void },
  ) {
    const session = new MailboxSession({
      client: this.clients.create(this.config.mailbox),
      config: this.config.mailbox,
      mailbox,
      owner: this.owner,
      store: this.store,
      sink: this.sink,
      signal,
      logger: this.logger,
      onHandedOver: progress.handedOver,
      onConnected: (info) => {
        progress.connected();
        this.setStatus({ state: 'connected' });
        this.logger.log({ mailbox, ...info }, 'Watching the mailbox');
      },
    });
    await session.run();
  }

  private async backOff(mailbox: string, error: unknown, failures: number, signal: AbortSignal) {
    const failure = classifyImapError(error);
    const delay = retryDelayMs(MAILBOX_RETRY_POLICY, failures);
    this.setStatus({
      state: failure.state,
      error: failure.message,
      failures,
      retryAt: new Date(Date.now() + delay).toISOString(),
    });
    this.logger.warn(
      { mailbox, state: failure.state, error: failure.message, failures, retryInMs: delay },
      'Mailbox session failed; retrying',
    );
    await this.sleep(delay, signal);
  }

  private async renew(mailbox: string, held: AbortController): Promise<void> {
    const until = new Date(Date.now() + this.leaseMs);
    const kept = await this.store.renew({ mailbox, owner: this.owner, until }).catch(() => false);
    if (!kept && !held.signal.aborted) {
      this.logger.warn({ mailbox }, 'Mailbox lease lost: another replica takes over');
      held.abort();
    }
  }

  private setStatus(update: Omit<MailboxStatus, 'since' | 'mailbox'>): void {
    const changed = update.state !== this.current.state;
    this.current = {
      ...update,
      mailbox: this.mailbox,
      since: changed ? new Date().toISOString() : this.current.since,
    };
    if (!changed || !this.mailbox || ['standby', 'stopped'].includes(update.state)) return;
    void this.report(this.mailbox, update.state, update.error ?? null);
  }

  /** Tells the other replicas (their /health on standby) how the holder's watcher is doing. */
  private async report(mailbox: string, state: MailboxConnectionState, error: string | null) {
    await this.store
      .reportState({ mailbox, owner: this.owner, state, error, now: new Date() })
      .catch((failure: unknown) =>
        this.logger.debug({ err: failure, mailbox }, 'Could not record the mailbox state'),
      );
  }

  private get leaseMs(): number {
    return this.config.jobs.leaseMs;
  }

  /** Resolves after `ms`, or at once when `signal` (default: shutdown) is aborted. */
  private sleep(ms: number, signal: AbortSignal = this.stopping.signal): Promise<void> {
    if (signal.aborted || this.stopping.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.stopping.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.stopping.signal.addEventListener('abort', done);
    });
  }
}
