import type { MailboxConnectionState } from './mailbox-status';

/** What a failed session means for /health, and a message without credentials. */
export interface ImapFailure {
  state: Extract<MailboxConnectionState, 'auth_failed' | 'unreachable' | 'error'>;
  message: string;
}

/** Socket, DNS, timeout and TLS failures: the server could not be reached (or spoken to). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'UPGRADE_TIMEOUT',
  'ETIMEOUT',
  'ClosedAfterConnectText',
  'ClosedAfterConnectTLS',
  'EPROXY',
  'ProxyError',
]);

interface ImapErrorFields {
  code?: unknown;
  authenticationFailed?: unknown;
  tlsFailed?: unknown;
  responseText?: unknown;
  serverResponseCode?: unknown;
}

/** Classifies an error of imapflow (or of the socket under it). */
export function classifyImapError(error: unknown): ImapFailure {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as ImapErrorFields;
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const base = error instanceof Error ? error.message : String(error);
  const response = typeof fields.responseText === 'string' ? fields.responseText : undefined;
  const parts = [code && !base.includes(code) ? `${code}: ${base}` : base];
  if (response && !base.includes(response)) parts.push(response);
  const message = parts.join(' - ').slice(0, 500);
  if (
    fields.authenticationFailed === true ||
    fields.serverResponseCode === 'AUTHENTICATIONFAILED'
  ) {
    return { state: 'auth_failed', message };
  }
  const tls =
    fields.tlsFailed === true || (code?.startsWith('ERR_TLS_') ?? false) || isCertCode(code);
  if (tls || (code !== undefined && UNREACHABLE_CODES.has(code))) {
    return { state: 'unreachable', message };
  }
  return { state: 'error', message };
}

/** Node's certificate verification codes (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED…). */
function isCertCode(code: string | undefined): boolean {
  return code !== undefined && /(CERT|_SIGNATURE|ISSUER)/.test(code);
}
