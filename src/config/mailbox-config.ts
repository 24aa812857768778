import { isIP } from 'node:net';

/** The IMAP server of the watched mailbox, read from IMAP_URL. */
export interface ImapServerConfig {
  host: string;
  port: number;
  /** Implicit TLS (imaps://); otherwise the connection starts in cleartext and upgrades with STARTTLS. */
  implicitTls: boolean;
  /**
   * imap:// only: whether STARTTLS is required (connecting fails when the server does not offer
   * it). Always, except towards a loopback host, where cleartext is accepted when the server
   * offers no STARTTLS (a local test server, or a proxy on the same machine).
   */
  requireStartTls: boolean;
  /** Percent-decoded. */
  user: string;
  /** Percent-decoded; never logged (AppConfig.secrets scrubs both forms). */
  password: string;
}

/** The mailbox watcher; `server` unset when IMAP_URL is not (no mailbox is watched). */
export interface MailboxConfig {
  /** IMAP_URL as configured (with its password: never logged). */
  url?: string;
  server?: ImapServerConfig;
  /** A CA certificate (PEM) file for a server with a private CA. */
  tlsCaFile?: string;
  folder: string;
  pollMs: number;
  maxMessageBytes: number;
  markSeen: boolean;
}

/** Parses a validated IMAP_URL (see IsImapUrl in env.schema.ts). */
export function parseImapUrl(value: string): ImapServerConfig {
  const url = new URL(value);
  const implicitTls = url.protocol === 'imaps:';
  // URL keeps IPv6 literals in brackets; sockets want the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port: url.port ? Number(url.port) : implicitTls ? 993 : 143,
    implicitTls,
    requireStartTls: !implicitTls && !isLoopbackHost(host),
    user: safeDecode(url.username),
    password: safeDecode(url.password),
  };
}

/** `localhost`, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  if (name === 'localhost') return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  return name === '::1' || name === '0:0:0:0:0:0:0:1';
}

/**
 * The mailbox's key in the state table and in what the watcher hands over: `user@host:port/folder`,
 * never the password.
 */
export function mailboxKey(server: ImapServerConfig, folder: string): string {
  const host = isIP(server.host) === 6 ? `[${server.host}]` : server.host.toLowerCase();
  return `${server.user}@${host}:${server.port}/${folder}`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
