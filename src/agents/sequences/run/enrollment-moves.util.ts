import type { ExitReason } from '../events/enrollment-event.types';
import { addWait } from '../schedule/add-wait.util';
import { nextSendTime } from '../schedule/next-send-time.util';
import type { SendingWindow } from '../schedule/sending-window.util';
import type { SequenceStep } from '../sequence.types';

/** Where a prospect's touches are timed: the sequence's window, in the prospect's zone. */
export interface Timing {
  window: SendingWindow;
  zone: string;
}

/** An enrollment's next place: a step and when it is due; or the end of the steps, done. */
export type Advance = { kind: 'next'; stepIndex: number; nextDueAt: Date } | { kind: 'finish' };

/**
 * Where an enrollment goes once step `stepIndex` is done at `at` (a touch sent, a task
 * completed): the waits after it add up from `at`, in the prospect's zone (calendar or business
 * days, the local time kept across daylight-saving changes); the next email is due at the first
 * moment of the window from then, a task at once. After the last step it finishes — once the
 * waits after the last step are over, as those leave the prospect time to answer.
 */
export function advanceFrom(input: {
  steps: readonly SequenceStep[];
  stepIndex: number;
  at: Date;
  timing: Timing;
}): Advance {
  const { steps, timing } = input;
  let index = input.stepIndex + 1;
  let due = input.at;
  for (; index < steps.length; index++) {
    const step = steps[index];
    if (step.type !== 'wait') break;
    due =
      'days' in step
        ? addWait({ from: due, days: step.days, zone: timing.zone })
        : addWait({ from: due, businessDays: step.business_days, zone: timing.zone });
  }
  if (index >= steps.length) {
    return due > input.at
      ? { kind: 'next', stepIndex: steps.length, nextDueAt: due }
      : { kind: 'finish' };
  }
  const nextDueAt =
    steps[index].type === 'email'
      ? nextSendTime({ notBefore: due, window: timing.window, zone: timing.zone })
      : due;
  return { kind: 'next', stepIndex: index, nextDueAt };
}

/** The touch index of email step `stepIndex`: how many email steps come before it (0: the first). */
export function touchIndexOf(steps: readonly SequenceStep[], stepIndex: number): number {
  return steps.slice(0, stepIndex).filter((step) => step.type === 'email').length;
}

/** The step index of touch `touchIndex` (the touchIndex-th email step), or undefined. */
export function stepOfTouch(
  steps: readonly SequenceStep[],
  touchIndex: number,
): number | undefined {
  let seen = -1;
  for (const [index, step] of steps.entries()) {
    if (step.type === 'email' && ++seen === touchIndex) return index;
  }
  return undefined;
}

/**
 * The email step an enrollment at `stepIndex` last received (the latest email step before it),
 * which a reply, bounce or unsubscribe is counted against; undefined before the first touch.
 */
export function lastTouchStep(
  steps: readonly SequenceStep[],
  stepIndex: number,
): number | undefined {
  for (let index = Math.min(stepIndex, steps.length) - 1; index >= 0; index--) {
    if (steps[index].type === 'email') return index;
  }
  return undefined;
}

/** Midnight UTC after `now`: daily caps count per UTC day. */
export function nextUtcDay(now: Date): Date {
  const day = new Date(now.getTime());
  day.setUTCHours(24, 0, 0, 0);
  return day;
}

/** What sending a due touch came to, as far as the enrollment is concerned. */
export interface TouchSendOutcome {
  status: 'sent' | 'skipped' | 'failed' | 'deferred';
  reason?: string;
  /** With `deferred`: a daily limit, or a draft waiting for its approval. */
  deferred?: string;
}

/** What an enrollment does after its due touch was handled. */
export type TouchMove =
  /** Sent (now or before): on to the next step, timed from the send. */
  | { kind: 'advance' }
  /** Held back by EMAIL_DAILY_LIMIT or the sequence's cap: again in the window of the next UTC day. */
  | { kind: 'defer'; until: Date; reason: string }
  /** A draft for its own approval: nothing is due until it is approved. */
  | { kind: 'await_approval' }
  /** Never to be sent: the enrollment ends with this reason. */
  | { kind: 'exit'; reason: ExitReason; detail?: string }
  /** Changed meanwhile by someone else: looked at again on the next run. */
  | { kind: 'again' };

/**
 * The move of an enrollment after its due touch was handled (`send`), per the outbox's answer:
 * sent advances; a daily limit defers it to the window of the next UTC day (in the prospect's
 * zone); a draft waits for its approval; a skip ends it — opted out as `unsubscribed`, suppressed
 * or sample data as `suppressed`, deleted from the outbox as `removed` —; a failure (the SMTP
 * server refused it, or a send interrupted by a crash, never retried) ends it as `send_failed`.
 */
export function touchMove(input: { send: TouchSendOutcome; now: Date; timing: Timing }): TouchMove {
  const { send } = input;
  switch (send.status) {
    case 'sent':
      return { kind: 'advance' };
    case 'deferred':
      if (send.deferred === 'awaiting_approval') return { kind: 'await_approval' };
      return {
        kind: 'defer',
        until: nextSendTime({ notBefore: nextUtcDay(input.now), ...input.timing }),
        reason: send.reason ?? send.deferred ?? 'daily limit reached',
      };
    case 'failed':
      return { kind: 'exit', reason: 'send_failed', detail: send.reason };
    case 'skipped':
      return skipMove(send.reason ?? '');
  }
}

function skipMove(reason: string): TouchMove {
  if (reason.startsWith('opted out'))
    return { kind: 'exit', reason: 'unsubscribed', detail: reason };
  if (reason.startsWith('suppressed') || reason.startsWith('sample data')) {
    return { kind: 'exit', reason: 'suppressed', detail: reason };
  }
  if (reason === 'deleted' || reason.startsWith('not in the outbox')) {
    return { kind: 'exit', reason: 'removed', detail: 'its touch was deleted from the outbox' };
  }
  // "now sent", "being sent by another step": someone else holds it; the outbox will say.
  return { kind: 'again' };
}

/** How long a run parks when nothing of its sequence has a due time (paused, tasks, drafts). */
export const IDLE_RECHECK_MS = 24 * 3600 * 1000;

/** What a run of `sequences.run` does once it handled what was due. */
export type RunEnd = { kind: 'park'; wakeAt: Date } | { kind: 'done' };

/**
 * When the run looks again: at the sequence's first due time (at once when more is due than one
 * run takes); a day later while something waits without one (a paused sequence or enrollment, a
 * task, a draft for approval — their resumption, completion or approval wakes it sooner); done
 * when no launched enrollment is left active or paused.
 */
export function runEnd(input: {
  now: Date;
  sequencePaused: boolean;
  earliestDue: Date | null;
  moreDue: boolean;
  waiting: boolean;
}): RunEnd {
  const idle = { kind: 'park' as const, wakeAt: new Date(input.now.getTime() + IDLE_RECHECK_MS) };
  if (input.sequencePaused) return idle;
  if (input.moreDue) return { kind: 'park', wakeAt: input.now };
  if (input.earliestDue) return { kind: 'park', wakeAt: input.earliestDue };
  return input.waiting ? idle : { kind: 'done' };
}
