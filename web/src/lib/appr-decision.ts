/**
 * Who decided and when, from an API answer, and a refused decision (409) in plain words.
 * Reads `approved_by`/`approved_at` (outbox messages), a job's `approval: {step, decision, by,
 * at}`, a step's `decided_by`/`decided_at`, and the 409 `already_decided` details
 * (`{step, decision, by, at}`); stays quiet when the answer names nobody.
 */
export interface Decision {
  by?: string;
  at?: string;
  /** `approved` or `rejected`, when the answer says. */
  decision?: 'approved' | 'rejected';
}

type Loose = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value : undefined;

/** The approver and time of a message, a job or a job's step, when the answer names them. */
export function decisionOf(value: unknown): Decision | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const item = value as Loose;
  const decision =
    item.decision === 'approved' || item.decision === 'rejected'
      ? (item.decision as Decision['decision'])
      : undefined;
  if (decision) {
    // A job's approval record, or the details of a 409 `already_decided`.
    const found = { by: text(item.by), at: text(item.at), decision };
    if (found.by || found.at) return found;
  }
  const direct = {
    by: text(item.approved_by) ?? text(item.rejected_by) ?? text(item.decided_by),
    at: text(item.approved_at) ?? text(item.rejected_at) ?? text(item.decided_at),
  };
  if (direct.by || direct.at) return direct;
  const record = item.approval;
  if (record && typeof record === 'object') {
    const approval = record as Loose;
    const found = decisionOf(approval) ?? {
      by: text(approval.by),
      at: text(approval.at),
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
 * `Job "…" is queued; approve does not apply` → "The job is already approved and about to
 * run, so your approval was not applied." A message that already says who (e.g. "already
 * approved by … at …") is kept as it is.
 */
export function conflictInWords(message: string | undefined): string {
  if (!message) return 'It changed before your decision reached the service.';
  const job = /^Job "[^"]+" is (\w+); (\w+) does not apply/.exec(message);
  if (job) {
    const state = STATE_WORDS[job[1]] ?? job[1].replace(/_/g, ' ');
    const yours = job[2] === 'approve' ? 'approval' : job[2] === 'reject' ? 'rejection' : job[2];
    return `The job is already ${state}, so your ${yours} was not applied.`;
  }
  const outbox = /^Outbox message "[^"]+" is (\w+)/.exec(message);
  if (outbox) {
    const state = STATE_WORDS[outbox[1]] ?? outbox[1];
    return `This email is already ${state}.`;
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
