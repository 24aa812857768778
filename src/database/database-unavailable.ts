import { HttpStatus } from '@nestjs/common';
import { CodedHttpException } from '../common/http/coded-http.exception';

/**
 * SQLSTATEs of a server that cannot serve now: shutting down or restarting (57P01 admin_shutdown,
 * 57P02 crash_shutdown, 57P03 cannot_connect_now: starting up, shutting down, in recovery), a
 * connection lost or refused (class 08), and no connection slot left (53300).
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
]);

/** Socket errors of a server that is not there, or went away. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * What node-postgres and its pool say when no connection could be had or the one in use ended
 * (they carry no code): the pool's connect timeout (DATABASE_CONNECT_TIMEOUT_MS), a connection
 * cut, and a client used after it was.
 */
const UNAVAILABLE_MESSAGES = [
  /^timeout exceeded when trying to connect$/i,
  /^Connection terminated/i,
  /is not queryable$/i,
];

/** The error and what it wraps: TypeORM's driverError, a cause, the attempts of an AggregateError. */
function* causes(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (typeof error !== 'object' || error === null || depth > 5) return;
  const record = error as Record<string, unknown>;
  yield record;
  yield* causes(record.driverError, depth + 1);
  yield* causes(record.cause, depth + 1);
  if (Array.isArray(record.errors))
    for (const inner of record.errors) yield* causes(inner, depth + 1);
}

/**
 * Whether an error says the database cannot be reached or cannot serve right now (stopped,
 * restarting, unreachable, out of connections) rather than that the request was wrong: by its
 * SQLSTATE or socket code, or, for node-postgres errors without one, by their message.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const cause of causes(error)) {
    const code = cause.code;
    if (typeof code === 'string') {
      if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    }
    const message = cause.message;
    if (
      typeof message === 'string' &&
      UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
    ) {
      return true;
    }
  }
  return false;
}

/** Seconds a client is asked to wait (Retry-After) before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * 503 `database_unavailable`: the request may succeed when tried again shortly (the exception
 * filter adds Retry-After: DATABASE_RETRY_AFTER_SECONDS).
 */
export class DatabaseUnavailableException extends CodedHttpException {
  constructor() {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      'database_unavailable',
      'The database is unavailable; try again shortly',
    );
  }
}
