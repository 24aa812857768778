/** Sequences in plain words: steps, timeline events, exit reasons, rates and allowed actions. */
import { humanize, plural } from './format';

export type SeqStep =
  | { type: 'email'; subject: string; body: string }
  | { type: 'email'; draft: 'llm'; instructions?: string }
  | { type: 'wait'; days?: number; business_days?: number }
  | { type: 'task'; kind: 'call' | 'linkedin_connect' | 'other'; instructions: string };

export interface SeqEvent {
  type: string;
  step_index: number | null;
  data: Record<string, unknown>;
  at: string;
}

const TASK_KIND: Record<string, string> = {
  call: 'Call',
  linkedin_connect: 'LinkedIn connection',
  other: 'Task',
};

/** The kind of a manual task in words. */
export function taskKindLabel(kind: string): string {
  return TASK_KIND[kind] ?? humanize(kind);
}

/** "Email: “Hi”", "Wait 3 days", "Call: Ring them". */
export function describeStep(step: SeqStep): string {
  if (step.type === 'email') {
    if ('subject' in step) return `Email: “${step.subject}”`;
    return step.instructions
      ? `Email written by the LLM: ${step.instructions}`
      : 'Email written by the LLM';
  }
  if (step.type === 'wait') {
    if (typeof step.business_days === 'number')
      return `Wait ${plural(step.business_days, 'business day')}`;
    return `Wait ${plural(step.days ?? 0, 'day')}`;
  }
  return `${taskKindLabel(step.kind)}: ${step.instructions}`;
}

const EXIT_REASON: Record<string, string> = {
  finished: 'every step was done',
  replied: 'the prospect replied',
  bounced: 'the email bounced',
  unsubscribed: 'the prospect unsubscribed',
  meeting_booked: 'a meeting was booked',
  suppressed: 'the address is on the suppression list',
  stopped: 'it was stopped by hand',
  company_replied: 'a colleague at the same company replied',
  removed: 'its email was removed from the outbox',
  send_failed: 'the mail server refused the email',
  no_email: 'the prospect has no email address',
};

/** Why an enrollment ended, in words. */
export function describeExitReason(reason: string | null | undefined): string {
  if (!reason) return '—';
  return EXIT_REASON[reason] ?? humanize(reason).toLowerCase();
}

const EVENT: Record<string, string> = {
  launched: 'Launched',
  deferred: 'Held back: the daily limit was reached',
  awaiting_approval: 'Follow-up drafted, waiting for approval',
  task_created: 'Task created',
  task_completed: 'Task done',
  paused: 'Paused',
  resumed: 'Resumed',
  replied: 'Replied',
  bounced: 'Email bounced',
  unsubscribed: 'Unsubscribed',
  meeting_booked: 'Meeting booked',
  out_of_office: 'Out of office',
};

/** One timeline event as a line: what happened, at which step, with its note. */
export function describeEvent(event: SeqEvent): string {
  const data = event.data ?? {};
  let text: string;
  if (event.type === 'sent') {
    const touch = typeof data.touch_index === 'number' ? ` ${data.touch_index + 1}` : '';
    text = `Email${touch} sent`;
  } else if (event.type === 'exited') {
    text = `Ended: ${describeExitReason(typeof data.reason === 'string' ? data.reason : null)}`;
  } else {
    text = EVENT[event.type] ?? humanize(event.type);
  }
  if (event.type === 'out_of_office' && typeof data.return_date === 'string') {
    text += ` until ${data.return_date}`;
  }
  if (event.step_index !== null && event.step_index !== undefined) {
    text += ` (step ${event.step_index + 1})`;
  }
  if (typeof data.note === 'string' && data.note) text += ` — ${data.note}`;
  return text;
}

/** The timeline oldest first (ties keep the service's order). */
export function sortTimeline<T extends { at: string }>(events: readonly T[]): T[] {
  return events
    .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ event }) => event);
}

/** How many touches were sent and replies came, from a timeline. */
export function summarizeTimeline(events: readonly { type: string }[]): {
  sent: number;
  replies: number;
} {
  return {
    sent: events.filter((event) => event.type === 'sent').length,
    replies: events.filter((event) => event.type === 'replied').length,
  };
}

/** A reply rate (0.1667) as "16.7%", or a dash when nothing was sent. */
export function formatRate(rate: number | null | undefined): string {
  if (typeof rate !== 'number' || !Number.isFinite(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** What a user may do to an enrollment in this status. */
export function enrollmentActions(status: string): {
  pause: boolean;
  resume: boolean;
  stop: boolean;
} {
  return {
    pause: status === 'active',
    resume: status === 'paused',
    stop: status === 'active' || status === 'paused',
  };
}

const REPLY_OUTCOME: Record<string, string> = {
  replied: 'stopped the enrollment',
  out_of_office: 'delayed the next email (out of office)',
  bounced: 'stopped the enrollment and suppressed the address',
  delayed: 'noted a delivery delay',
  unsubscribed: 'opted the prospect out',
  none: 'changed nothing',
  duplicate: 'changed nothing (delivered again)',
};

/** What a received message did, in words ("stopped the enrollment"). */
export function describeReplyOutcome(outcome: string): string {
  return REPLY_OUTCOME[outcome] ?? humanize(outcome).toLowerCase();
}
