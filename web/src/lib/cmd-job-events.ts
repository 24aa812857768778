/**
 * A job's live events (GET /jobs/{id}/events): parsed, kept once each (a reconnection may replay
 * them) and told in words. The page reads the job again (GET /jobs/{id}) after events.
 */
import { formatDateTime, humanize } from './format';

export interface JobEvent {
  id: number;
  type: string;
  data: Record<string, unknown>;
}

export const TERMINAL_STATUSES: readonly string[] = ['succeeded', 'failed', 'cancelled'];

/** At most this many events are kept for the activity list (the oldest go first). */
export const MAX_EVENTS = 300;

/** An SSE message as an event; undefined when it has no numeric id or no JSON object data. */
export function parseJobEvent(message: {
  id?: string;
  event: string;
  data: string;
}): JobEvent | undefined {
  const id = Number(message.id);
  if (message.id === undefined || !Number.isFinite(id)) return undefined;
  try {
    const data: unknown = JSON.parse(message.data);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
    return { id, type: message.event, data: data as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

/** Adds an event unless it was seen (ids increase: a replay repeats lower ones). */
export function addEvent(events: readonly JobEvent[], event: JobEvent): JobEvent[] {
  const last = events[events.length - 1];
  if (last && event.id <= last.id) return events as JobEvent[];
  const next = [...events, event];
  return next.length > MAX_EVENTS ? next.slice(next.length - MAX_EVENTS) : next;
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);

/**
 * Whether a `job_finished` ends the stream: only the job's last finish (a retried job's replay
 * goes on past a former run's). `job` is the latest read of GET /jobs/{id}.
 */
export function endsStream(
  event: JobEvent,
  job: { status: string; finished_at: string | null } | undefined,
): boolean {
  if (event.type !== 'job_finished') return false;
  if (!job || !TERMINAL_STATUSES.includes(job.status)) return false;
  const at = str(event.data.at);
  if (!job.finished_at || !at) return true;
  return Date.parse(at) >= Date.parse(job.finished_at) - 1000;
}

const stepName = (data: Record<string, unknown>) =>
  typeof data.step === 'number' ? `Step ${data.step + 1}` : 'A step';

/** One line per event, for the activity list. */
export function describeJobEvent(event: JobEvent): string {
  const d = event.data;
  const step = stepName(d);
  switch (event.type) {
    case 'job_created':
      return 'Job created';
    case 'step_started':
      return `${step} started${num(d.attempt) && Number(d.attempt) > 1 ? ` (attempt ${String(d.attempt)})` : ''}`;
    case 'step_succeeded':
      return `${step} done${str(d.summary) ? `: ${String(d.summary)}` : ''}`;
    case 'step_retried':
      return `${step} failed and will be tried again${str(d.error) ? `: ${String(d.error)}` : ''}`;
    case 'step_failed':
      return `${step} failed${str(d.error) ? `: ${String(d.error)}` : ''}`;
    case 'approval_needed':
      return `${step} waits for approval${str(d.description) ? `: ${String(d.description)}` : ''}`;
    case 'approved':
      return `${step} approved`;
    case 'rejected':
      return `${step} rejected${str(d.reason) ? `: ${String(d.reason)}` : ''}`;
    case 'step_waiting':
      return `${step} ran and waits until ${formatDateTime(str(d.wake_at))}`;
    case 'job_waiting':
      return `Job waits until ${formatDateTime(str(d.wake_at))}`;
    case 'job_retried':
      return `Job retried from step ${num(d.step) !== undefined ? Number(d.step) + 1 : '?'}`;
    case 'job_finished':
      return `Job finished: ${humanize(str(d.status)).toLowerCase()}`;
    default:
      return humanize(event.type);
  }
}
