/**
 * Who decided and when, from an API answer, and a refused decision (409) in plain words.
 * The approver fields (`approved_by`/`approved_at` on outbox messages, an approval record on
 * jobs) are being added to the API: these read them when present and stay quiet otherwise.
 */
export interface Decision {
  by?: string;
  at?: string;
}

type Loose = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value : undefined;

/** The approver and time of a message, a job or a job's step, when the answer names them. */
export function decisionOf(value: unknown): Decision | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const item = value as Loose;
  const direct = {
    by: text(item.approved_by) ?? text(item.rejected_by) ?? text(item.decided_by),
    at: text(item.approved_at) ?? text(item.rejected_at) ?? text(item.decided_at),
  };
  if (direct.by || direct.at) return direct;
  const record = item.approval;
  if (record && typeof record === 'object') {
    const approval = record as Loose;
    const found = {
      by: text(approval.by) ?? text(approval.approved_by),
      at: text(approval.at) ?? text(approval.approved_at),
    };
    if (found.by || found.at) return found;
  }
  const steps = item.steps;
  if (Array.isArray(steps)) {
    for (const step of steps) {
      const found =
        step && typeof step === 'object' && decisionOf({ ...(step as Loose), steps: 0 });
      if (found) return found;
    }
  }
  return undefined;
}

const STATE_WORDS: Record<string, string> = {
  queued: 'approved and about to run',
  running: 'approved and running',
  succeeded: 'approved and finished',
  cancelled: 'rejected or cancelled',
  failed: 'failed',
  waiting: 'approved and waiting for its next run',
  approved: 'approved',
  sending: 'being sent',
  sent: 'sent',
  skipped: 'skipped',
};

/**
 * The service's 409 message for a decision someone else made first, in plain words:
 * `Job "…" is queued; approve does not apply` → "Someone decided first: the job is now approved
 * and about to run." A message that already says who (e.g. "already approved by … at …") is kept.
 */
export function conflictInWords(message: string | undefined): string {
  if (!message) return 'Someone else decided this item first.';
  const job = /^Job "[^"]+" is (\w+); (\w+) does not apply/.exec(message);
  if (job) {
    const state = STATE_WORDS[job[1]] ?? job[1].replace(/_/g, ' ');
    return `Someone else decided first: the job is already ${state}, so your ${job[2]} was not applied.`;
  }
  const outbox = /^Outbox message "[^"]+" is (\w+)/.exec(message);
  if (outbox) {
    const state = STATE_WORDS[outbox[1]] ?? outbox[1];
    return `Someone else got there first: this email is already ${state}.`;
  }
  return message;
}

/**
 * Sequence follow-ups drafted for review (a sequence with `review_follow_ups`): drafts of a
 * touch after the first. First touches are approved with their launch job; job drafts with
 * their job; follow-ups without review are created approved.
 */
export function followUpsAwaitingReview<
  T extends { status: string; enrollment_id: string | null; touch_index: number | null },
>(messages: T[]): T[] {
  return messages.filter(
    (message) =>
      message.status === 'draft' &&
      message.enrollment_id !== null &&
      typeof message.touch_index === 'number' &&
      message.touch_index > 0,
  );
}
