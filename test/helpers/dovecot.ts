import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import {
  dovecotLog,
  ensureDovecotInstalled,
  launchDovecot,
  stopDovecot,
  writeDovecotConfig,
} from '../../scripts/dovecot-server';

/** How the test server is set up. */
export interface DovecotOptions {
  /** Its accounts; default DEFAULT_USER. */
  users?: DovecotUser[];
  /** Leave IDLE out of the capabilities announced after login (a server that cannot IDLE). */
  withoutIdle?: boolean;
}

/** A mail account of the test server. */
export interface DovecotUser {
  user: string;
  password: string;
}

/**
 * A throwaway Dovecot 2.3 (Debian's `dovecot-imapd`) on 127.0.0.1: its own configuration, sockets,
 * state, log and Maildirs in a temporary folder (never the system's), plain IMAP without TLS,
 * passwords from a passwd-file. Messages arrive by APPEND through `append`.
 */
export class DovecotServer {
  readonly port: number;
  readonly dir: string;
  private readonly users: DovecotUser[];
  private readonly withoutIdle: boolean;
  private process?: ChildProcess;
  private readonly onExit = () => this.process?.kill('SIGTERM');

  private constructor(dir: string, port: number, options: DovecotOptions) {
    this.dir = dir;
    this.port = port;
    this.users = options.users ?? [DEFAULT_USER];
    this.withoutIdle = options.withoutIdle ?? false;
  }

  /** Installs dovecot if missing, starts it and resolves once it greets "ready". */
  static async start(options: DovecotOptions = {}): Promise<DovecotServer> {
    ensureDovecotInstalled();
    const dir = mkdtempSync(join(tmpdir(), 'zigral-dovecot-'));
    const server = new DovecotServer(dir, await freePort(), options);
    try {
      writeDovecotConfig({
        dir,
        port: server.port,
        users: server.users,
        withoutIdle: server.withoutIdle,
      });
      await launchDovecot({
        dir,
        port: server.port,
        // A test that fails (or a worker that exits) must not leave the server running.
        onSpawn: (child) => {
          server.process = child;
          process.on('exit', server.onExit);
        },
      });
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** `imap://user:password@127.0.0.1:port` for IMAP_URL, the parts URL-encoded. */
  url(user: DovecotUser = this.users[0], password = user.password): string {
    const encode = encodeURIComponent;
    return `imap://${encode(user.user)}:${encode(password)}@127.0.0.1:${this.port}`;
  }

  /** A client of the test's own, logged in as `user` (the caller logs it out). */
  async client(user: DovecotUser = this.users[0]): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: user.user, pass: user.password },
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  /** APPENDs one RFC 822 message to `folder` (created when missing); resolves its UID. */
  async append(
    rfc822: string | Buffer,
    options: { flags?: string[]; folder?: string; user?: DovecotUser } = {},
  ): Promise<number> {
    const folder = options.folder ?? 'INBOX';
    const client = await this.client(options.user);
    try {
      if (folder !== 'INBOX') await client.mailboxCreate(folder).catch(() => undefined);
      const result = await client.append(folder, rfc822, options.flags ?? []);
      if (!result || !result.uid) throw new Error(`APPEND to ${folder} returned no UID`);
      return result.uid;
    } finally {
      await client.logout().catch(() => undefined);
    }
  }

  /** Deletes and creates `folder` again: it comes back empty with a new UIDVALIDITY. */
  async recreateFolder(folder: string, user?: DovecotUser): Promise<void> {
    const client = await this.client(user);
    try {
      await client.mailboxDelete(folder).catch(() => undefined);
      await client.mailboxCreate(folder);
    } finally {
      await client.logout().catch(() => undefined);
    }
  }

  /** The flags of every message of `folder`, by UID. */
  async flags(folder = 'INBOX', user?: DovecotUser): Promise<Map<number, Set<string>>> {
    const client = await this.client(user);
    try {
      await client.mailboxOpen(folder, { readOnly: true });
      const flags = new Map<number, Set<string>>();
      for await (const message of client.fetch('1:*', { uid: true, flags: true }, { uid: true })) {
        flags.set(message.uid, message.flags ?? new Set());
      }
      return flags;
    } finally {
      await client.logout().catch(() => undefined);
    }
  }

  /** The server's log (authentication failures, errors). */
  log(): string {
    return dovecotLog(this.dir);
  }

  /** SIGTERM to the master process, then the folder is removed. */
  async stop(): Promise<void> {
    process.removeListener('exit', this.onExit);
    await stopDovecot(this.process, this.dir);
    this.process = undefined;
  }
}

export const DEFAULT_USER: DovecotUser = { user: 'ana@zigral.test', password: 'p@ss w/rd%1' };

/** A port nothing listens on at the moment (also for "unreachable" tests). */
export function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', reject);
  });
}

/** A small RFC 822 message. */
export function rfc822(input: {
  subject: string;
  messageId?: string;
  body?: string;
  from?: string;
}): string {
  return [
    `From: ${input.from ?? 'Prospect <prospect@example.com>'}`,
    'To: ana@zigral.test',
    `Subject: ${input.subject}`,
    `Message-ID: <${input.messageId ?? `${input.subject.replace(/\W+/g, '-')}@example.com`}>`,
    'Date: Mon, 01 Jun 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    input.body ?? `Body of ${input.subject}`,
    '',
  ].join('\r\n');
}
