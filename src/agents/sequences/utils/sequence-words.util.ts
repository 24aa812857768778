import { WEEKDAYS } from '../schedule/sending-window.util';

type Loose = Record<string, unknown>;

/** Where replies come from until the mailbox is watched: one sentence, shown wherever it matters. */
export const REPLY_EXIT_NOTE =
  'each enrollment ends when its prospect replies, bounces or unsubscribes (until mailbox watching exists, replies are recorded with POST /enrollments/{id}/events)';

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
const TASKS: Record<string, string> = {
  call: 'a call task',
  linkedin_connect: 'a LinkedIn connect task',
  other: 'a task',
};

function waitOf(step: Loose): { count: number; unit: string } | undefined {
  if (typeof step.business_days === 'number')
    return { count: step.business_days, unit: 'business day' };
  if (typeof step.days === 'number') return { count: step.days, unit: 'day' };
  return undefined;
}

function emailWords(step: Loose, first: boolean): string {
  const what = first ? 'the first email' : 'a follow-up email';
  return 'draft' in step ? `${what}, drafted for each prospect` : `${what} from its template`;
}

/**
 * A sequence's steps in words, for a plan's preview: "the first email, drafted for each
 * prospect; after 3 business days, a follow-up email, …; after 4 more business days (7 after the
 * first email), …". Tolerates any input (a plan's params).
 */
export function describeSequenceSteps(steps: readonly unknown[]): string {
  const parts: string[] = [];
  let pending: string | undefined;
  // The time since the first email, while every wait counts in the same unit.
  let total = null as { count: number; unit: string } | null;
  let waited = false;
  let emails = 0;
  for (const raw of steps) {
    const step = (typeof raw === 'object' && raw !== null ? raw : {}) as Loose;
    const wait = step.type === 'wait' ? waitOf(step) : undefined;
    if (wait) {
      total = !waited
        ? wait
        : total?.unit === wait.unit
          ? { count: total.count + wait.count, unit: wait.unit }
          : null;
      const since =
        waited && total ? ` (${plural(total.count, total.unit)} after the first email)` : '';
      const words = `after ${wait.count}${waited ? ' more' : ''} ${wait.unit}${wait.count === 1 ? '' : 's'}${since}`;
      pending = pending ? `${pending}, then ${words}` : words;
      waited = true;
      continue;
    }
    const what =
      step.type === 'email'
        ? emailWords(step, emails === 0)
        : step.type === 'task'
          ? (TASKS[String(step.kind)] ?? 'a task')
          : 'a step';
    if (step.type === 'email') emails++;
    parts.push(pending ? `${pending}, ${what}` : what);
    pending = undefined;
  }
  if (pending) parts.push(pending);
  return parts.join('; ');
}

/** "Mon–Fri 09:00–17:00", a window's days (a range when they follow each other) and hours. */
export function describeWindow(window: unknown): string | undefined {
  const { days, start, end } = (window ?? {}) as Loose;
  if (!Array.isArray(days) || typeof start !== 'string' || typeof end !== 'string')
    return undefined;
  const order = days
    .map((day) => WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]))
    .filter((index) => index >= 0)
    .sort((a, b) => a - b);
  const name = (index: number) =>
    WEEKDAYS[index].charAt(0).toUpperCase() + WEEKDAYS[index].slice(1);
  const consecutive = order.every((index, at) => at === 0 || index === order[at - 1] + 1);
  const named =
    consecutive && order.length > 2
      ? `${name(order[0])}–${name(order[order.length - 1])}`
      : order.map(name).join(', ');
  return `${named} ${start}–${end}`;
}
