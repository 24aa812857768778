/**
 * What a failed SMTP send means for exactly-once delivery:
 * - `rejected`: the server answered no (4xx/5xx): the message was not delivered; record it failed.
 * - `unreachable`: no connection was made (refused, DNS, connect or greeting timeout): not
 *   delivered; give the message back and let the step retry later.
 * - `login_failed`: the server refused the credentials before any message: not delivered; a
 *   configuration problem retrying does not fix.
 * - `unknown`: the connection broke while the message may have been accepted: never retried, so
 *   it is not delivered twice.
 */
export type SmtpFailure =
  | { kind: 'rejected'; reason: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'login_failed'; reason: string }
  | { kind: 'unknown'; reason: string };

interface SmtpErrorFields {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  syscall?: unknown;
  message?: unknown;
}

const BEFORE_CONNECTION = /^(Connection timeout|Greeting never received)/i;

export function classifySmtpError(error: unknown): SmtpFailure {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorFields;
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const label = code ? `${code}: ${message}` : message;
  // A refused login also carries the server's 535: it is checked first, as no message was sent.
  if (code === 'EAUTH' || code === 'ENOAUTH') {
    return { kind: 'login_failed', reason: `SMTP login failed (${label})` };
  }
  if (typeof fields.responseCode === 'number' && fields.responseCode >= 400) {
    const response = typeof fields.response === 'string' ? fields.response : message;
    return { kind: 'rejected', reason: `SMTP server refused the message: ${response}` };
  }
  const connecting =
    fields.syscall === 'connect' ||
    code === 'EDNS' ||
    (code === 'ETIMEDOUT' && fields.command === 'CONN' && BEFORE_CONNECTION.test(message));
  if (connecting) return { kind: 'unreachable', reason: `SMTP server unreachable (${label})` };
  return {
    kind: 'unknown',
    reason: `SMTP error after the message may have been accepted (${label}); not retried to avoid a duplicate`,
  };
}
