import type { Logger } from '@nestjs/common';
import type { Client, Notification } from 'pg';
import { RetryPolicy, retryDelayMs } from '../../agents/retry-policy.util';

/** The part of a pg `Client` a listener uses. */
export type ListenClient = Pick<Client, 'connect' | 'query' | 'end' | 'on' | 'removeAllListeners'>;

/** What a listener reports. */
export interface NotificationHandlers {
  /** A notification on the channel, with its payload. */
  notified(payload: string): void;
  /**
   * LISTEN is in place, at start and after every reconnection: notifications sent while it was
   * down are lost, so whatever they would have triggered should be done now.
   */
  connected(): void;
}

/** Reconnection after a lost connection: from half a second, doubling, up to 30 s; no last attempt. */
export const RECONNECT_POLICY: RetryPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
  jitter: 0.2,
};

/**
 * LISTEN on one Postgres channel over a dedicated connection (a pooled one would be handed to
 * other work and lose its LISTEN). When the connection fails or ends, a new one is made with
 * backoff until `stop`.
 */
export class PostgresNotificationListener {
  private client: ListenClient | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private stopped = false;

  constructor(
    private readonly channel: string,
    private readonly newClient: () => ListenClient,
    private readonly handlers: NotificationHandlers,
    private readonly logger: Pick<Logger, 'warn' | 'log'>,
    private readonly policy: RetryPolicy = RECONNECT_POLICY,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  }

  /** Connects and listens; a first failure is logged and retried like a lost connection. */
  async start(): Promise<void> {
    await this.open();
  }

  /** Whether LISTEN is in place right now. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    const client = this.newClient();
    client.on('error', (error: Error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    client.on('notification', (message: Notification) => {
      if (message.channel === this.channel && this.client === client) {
        this.handlers.notified(message.payload ?? '');
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (this.attempt > 0) this.logger.log({ channel: this.channel }, 'Listening again');
    this.attempt = 0;
    this.handlers.connected();
  }

  /** Drops a failed connection (once) and schedules the next one. */
  private lost(client: ListenClient, error: unknown): void {
    client.removeAllListeners();
    // A late 'error' of the dropped client must not go unhandled.
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.client !== undefined && this.client !== client) return;
    this.client = undefined;
    if (this.stopped || this.reconnectTimer) return;
    this.attempt += 1;
    const delay = retryDelayMs(this.policy, this.attempt);
    this.logger.warn(
      { channel: this.channel, err: error, attempt: this.attempt, delayMs: delay },
      'Lost the LISTEN connection; reconnecting',
    );
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.open();
    }, delay);
    this.reconnectTimer.unref();
  }
}
