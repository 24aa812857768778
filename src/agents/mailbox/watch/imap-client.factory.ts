import { Injectable, Logger } from '@nestjs/common';
import { ImapFlow, type Logger as ImapLogger } from 'imapflow';
import { readFileSync } from 'node:fs';
import type { MailboxConfig } from '../../../config/mailbox-config';

/** How long connecting and the greeting may take, and how long a silent socket is kept. */
const CONNECTION_TIMEOUT_MS = 30_000;
const GREETING_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 5 * 60_000;

/**
 * Makes the IMAP connections of the watcher (the one place imapflow is configured): TLS by
 * IMAP_URL's scheme, IMAP_TLS_CA trusted on top of the system's CAs, no auto-IDLE (the watcher
 * starts IDLE itself), raw body bytes (no BINARY decoding, so a truncated part stays as it is
 * encoded) and imapflow's log lines routed to ours at debug, without their data.
 */
@Injectable()
export class ImapClientFactory {
  private readonly logger = new Logger('Imap');

  create(config: MailboxConfig): ImapFlow {
    const server = config.server;
    if (!server) throw new Error('IMAP_URL is not set');
    const ca = config.tlsCaFile ? readFileSync(config.tlsCaFile) : undefined;
    return new ImapFlow({
      host: server.host,
      port: server.port,
      secure: server.implicitTls,
      // imap://: upgrade with STARTTLS, required except towards a loopback host.
      doSTARTTLS: server.implicitTls ? undefined : server.requireStartTls ? true : undefined,
      auth: { user: server.user, pass: server.password },
      tls: ca ? { ca } : undefined,
      logger: this.imapLogger(),
      disableAutoIdle: true,
      disableBinary: true,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: GREETING_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
      clientInfo: { name: 'Zigral' },
    });
  }

  /** imapflow's entries at debug: the message and connection id only (imapflow masks secrets). */
  private imapLogger(): ImapLogger {
    const line = (entry: unknown) => {
      const { msg, cid, src, err } = (entry ?? {}) as Record<string, unknown>;
      try {
        this.logger.debug({ cid, src, err }, typeof msg === 'string' ? msg : 'imap');
      } catch {
        // imapflow calls this inside its socket handlers: a failing logger must not break them.
      }
    };
    return { debug: line, info: line, warn: line, error: line };
  }
}
