/** The request header an SSE client sends on reconnecting: the id of the last event it received. */
export const LAST_EVENT_ID_HEADER = 'last-event-id';

export type LastEventId = { ok: true; afterId: number } | { ok: false; message: string };

/**
 * Where a job's event stream resumes: after the `Last-Event-ID` the client sends (a
 * non-negative integer, as the stream's `id:` lines are); absent or empty (EventSource's reset)
 * is the whole stream, from 0.
 */
export function parseLastEventId(header: string | string[] | undefined): LastEventId {
  if (Array.isArray(header)) {
    return { ok: false, message: 'Last-Event-ID must be sent once' };
  }
  const value = (header ?? '').trim();
  if (value === '') return { ok: true, afterId: 0 };
  const afterId = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(afterId)) {
    return {
      ok: false,
      message: 'Last-Event-ID must be the id of an event of the stream (a non-negative integer)',
    };
  }
  return { ok: true, afterId };
}
