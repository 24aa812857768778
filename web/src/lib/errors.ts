/** A failure in words a sales user can act on: what happened, and what to do next. */
export interface PlainError {
  title: string;
  detail: string;
  next: string;
  requestId?: string;
}

interface ErrorLike {
  status?: number;
  body?: { message?: unknown; error?: unknown; request_id?: unknown };
  message?: string;
}

const NEXT_STEP: Record<number, string> = {
  400: 'Check the highlighted values and try again.',
  401: 'Enter a valid API key.',
  403: 'Ask an administrator for access.',
  404: 'It may have been removed: go back to the list.',
  409: 'Reload to see the current state, then decide again.',
  413: 'Split the file into smaller parts, or raise the limit on the service.',
  422: 'Rephrase or change the values it names, then try again.',
  429: 'Wait a moment, then try again.',
  503: 'The service is not ready: try again in a minute.',
};

/** Turns an API error (or a network failure) into plain words. */
export function describeError(error: unknown): PlainError {
  const e = (error ?? {}) as ErrorLike;
  if (typeof e.status !== 'number') {
    return {
      title: 'The service could not be reached',
      detail: e.message ?? 'The network request failed.',
      next: 'Check your connection; the app retries by itself.',
    };
  }
  const message = typeof e.body?.message === 'string' ? e.body.message : e.message;
  const requestId = typeof e.body?.request_id === 'string' ? e.body.request_id : undefined;
  const status = e.status;
  const next =
    NEXT_STEP[status] ??
    (status >= 500
      ? 'Try again. If it keeps failing, give the request id to your administrator.'
      : 'Check the values and try again.');
  return {
    title: status >= 500 ? 'Something went wrong on the service' : 'The request was refused',
    detail: message || `The service answered ${status}.`,
    next,
    requestId,
  };
}
