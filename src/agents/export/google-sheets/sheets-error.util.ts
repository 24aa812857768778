import { ActionError } from '../../../orchestrator/agents/retry-policy.util';

/** Statuses retrying cannot fix: bad request, no access, no such spreadsheet. */
const PERMANENT = new Set([400, 401, 403, 404]);

/**
 * A failed Sheets or token call as the runner wants it: a non-retryable ActionError for a
 * refusal (with what to check), the same error for anything else (a network failure, 429,
 * 5xx), which is retried. Only the status and Google's message are kept.
 */
export function sheetsFailure(error: unknown, serviceAccount: string): Error {
  if (error instanceof ActionError) return error;
  const { status, message } = describe(error);
  if (status === 403 || status === 401) {
    return new ActionError(
      `Google Sheets refused access (${status}: ${message}); share the sheet with ` +
        `${serviceAccount} as an editor and check the service account key`,
    );
  }
  if (status === 404) {
    return new ActionError(
      `Google Sheets: the spreadsheet in GOOGLE_SHEETS_SPREADSHEET_ID was not found (${message})`,
    );
  }
  if (status !== undefined && PERMANENT.has(status)) {
    return new ActionError(`Google Sheets rejected the request (${status}: ${message})`);
  }
  if (/invalid_grant|invalid_client|unauthorized_client/.test(message)) {
    return new ActionError(`Google refused the service account's token request: ${message}`);
  }
  return new Error(`Google Sheets request failed: ${status ?? ''} ${message}`.replace('  ', ' '));
}

function describe(error: unknown): { status?: number; message: string } {
  const failure = error as {
    status?: unknown;
    response?: { status?: unknown; data?: { error?: { message?: unknown } | unknown } };
    message?: unknown;
  };
  const rawStatus = failure?.status ?? failure?.response?.status;
  const status = typeof rawStatus === 'number' ? rawStatus : undefined;
  const body = failure?.response?.data?.error;
  const googleMessage =
    typeof body === 'object' && body !== null && 'message' in body ? body.message : undefined;
  const message =
    typeof googleMessage === 'string'
      ? googleMessage
      : typeof failure?.message === 'string'
        ? failure.message
        : 'unknown error';
  return { status, message: message.slice(0, 300) };
}
