/**
 * Where the watcher of this process stands, as /health shows it:
 * - `not_configured`: IMAP_URL is unset, nothing is watched;
 * - `standby`: another replica holds the mailbox's lease (this one takes over when it expires),
 *   or this process has not tried to take it yet (no `holder`);
 * - `connecting`: this process holds the lease and is connecting (also between two sessions);
 * - `connected`: logged in, the folder open, new messages handed over as they arrive;
 * - `auth_failed`: the server refused the user or password (retried with backoff);
 * - `unreachable`: no connection (refused, DNS, timeout, TLS) (retried with backoff);
 * - `error`: any other failure, e.g. the folder does not exist (retried with backoff);
 * - `stopped`: the application is shutting down.
 */
export type MailboxConnectionState =
  | 'not_configured'
  | 'standby'
  | 'connecting'
  | 'connected'
  | 'auth_failed'
  | 'unreachable'
  | 'error'
  | 'stopped';

/** The watcher's state with what explains it. */
export interface MailboxStatus {
  state: MailboxConnectionState;
  /** The mailbox key (`user@host:port/folder`), when configured. */
  mailbox?: string;
  /** Why it is not connected, without credentials. */
  error?: string;
  /** When the state last changed (ISO 8601). */
  since: string;
  /** While retrying: the failed attempts in a row, and when the next one starts (ISO 8601). */
  failures?: number;
  retryAt?: string;
  /** On `standby`: the lease holder's id, and the state it reported. */
  holder?: string;
  holderState?: MailboxConnectionState | null;
}
