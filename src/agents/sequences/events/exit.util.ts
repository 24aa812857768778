import { lastTouchStep } from '../run/enrollment-moves.util';
import type { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import { HOLDING_STATUSES, type EnrollmentStatus, type SequenceStep } from '../sequence.types';
import type { EnrollmentChange } from '../store/enrollment-change';
import {
  EXIT_STATUS,
  type EnrollmentEventType,
  type ExitReason,
  type NewEnrollmentEvent,
} from './enrollment-event.types';

/** The enrollment an exit is about, as the writer read it. */
export type ExitingEnrollment = Pick<SequenceEnrollmentEntity, 'id' | 'sequenceId' | 'stepIndex'>;

/**
 * The event of something that happened to an enrollment, at the email step it last received
 * (what the per-step counts attribute replies, bounces and unsubscribes to).
 */
export function enrollmentEvent(input: {
  enrollment: ExitingEnrollment;
  steps: readonly SequenceStep[];
  type: EnrollmentEventType;
  data: Record<string, unknown>;
  at: Date;
  stepIndex?: number | null;
}): NewEnrollmentEvent {
  const { enrollment } = input;
  return {
    enrollmentId: enrollment.id,
    sequenceId: enrollment.sequenceId,
    type: input.type,
    stepIndex:
      input.stepIndex !== undefined
        ? input.stepIndex
        : (lastTouchStep(input.steps, enrollment.stepIndex) ?? null),
    data: input.data,
    at: input.at,
  };
}

/**
 * An enrollment ending for `reason` while it is active or paused (and at the step read, when
 * `atStep`): the status of the reason, the reason and time, nothing due, its open tasks
 * cancelled, and its event — `event` when the exit comes from one (a reply, a bounce), else
 * `exited` with the reason (`unsubscribed` for an opt-out found before a send, so the counts of
 * unsubscribes have one event type).
 */
export function exitChange(input: {
  enrollment: ExitingEnrollment;
  steps: readonly SequenceStep[];
  reason: ExitReason;
  now: Date;
  detail?: Record<string, unknown>;
  event?: NewEnrollmentEvent;
  atStep?: boolean;
}): EnrollmentChange {
  const { enrollment, reason, now } = input;
  const status: EnrollmentStatus = EXIT_STATUS[reason];
  const event =
    input.event ??
    enrollmentEvent({
      enrollment,
      steps: input.steps,
      type: reason === 'unsubscribed' ? 'unsubscribed' : 'exited',
      data: { reason, status, ...input.detail },
      at: now,
    });
  return {
    id: enrollment.id,
    from: {
      statuses: HOLDING_STATUSES,
      ...(input.atStep ? { stepIndex: enrollment.stepIndex } : {}),
    },
    set: { status, exitReason: reason, exitedAt: now, nextDueAt: null },
    events: [event],
    cancelOpenTasks: true,
    now,
  };
}
