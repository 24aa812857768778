import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/time/clock';
import type { OutboxMessageEntity } from '../../email/outbox-message.entity';
import type { ExitReason } from '../events/enrollment-event.types';
import { enrollmentEvent, exitChange } from '../events/exit.util';
import type { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import type { SequenceEntity } from '../sequence.entity';
import { HOLDING_STATUSES } from '../sequence.types';
import type { EnrollmentChange, EnrollmentSet } from '../store/enrollment-change';
import { EnrollmentStore } from '../store/enrollment.store';
import type { SequenceTaskEntity } from '../tasks/sequence-task.entity';
import { advanceFrom, type Timing, type TouchMove } from './enrollment-moves.util';

/** What handling one due enrollment did, for the run's summary. */
export type HandledAs =
  | 'sent'
  | 'scheduled'
  | 'deferred'
  | 'awaiting_approval'
  | 'task'
  | 'advanced'
  | 'ended'
  | 'unchanged';

/** The part of a run an enrollment's writes need: its sequence. */
export interface RunScope {
  sequence: SequenceEntity;
}

/** How long a touch someone else holds (being sent elsewhere) waits before it is looked at again. */
const HELD_ELSEWHERE_MS = 60_000;

/**
 * The scheduler's writes of one enrollment, each one conditional UPDATE while the enrollment is
 * still active or paused at the step it was read at, with its timeline events (and a task to
 * create) in the same transaction: moved on, scheduled, deferred, waiting for an approval, ended.
 */
@Injectable()
export class EnrollmentWriter {
  constructor(
    private readonly store: EnrollmentStore,
    private readonly clock: Clock,
  ) {}

  /** A touch sent (just now, or before a crash): its event, and on to the next step. */
  async afterSend(
    enrollment: SequenceEnrollmentEntity,
    scope: RunScope,
    timing: Timing,
    touch: OutboxMessageEntity,
    sentAt: Date,
    messageId = touch.messageId,
  ): Promise<HandledAs> {
    const sent = enrollmentEvent({
      enrollment,
      steps: scope.sequence.steps,
      type: 'sent',
      data: { touch_index: touch.touchIndex, outbox_id: touch.id, message_id: messageId },
      at: sentAt,
      stepIndex: enrollment.stepIndex,
    });
    await this.advance(enrollment, scope, timing, sentAt, sent);
    return 'sent';
  }

  /** Past the current step from `at`: the next step when due, or finished after the last. */
  async advance(
    enrollment: SequenceEnrollmentEntity,
    scope: RunScope,
    timing: Timing,
    at: Date,
    event?: ReturnType<typeof enrollmentEvent>,
  ): Promise<HandledAs> {
    const { steps } = scope.sequence;
    const move = advanceFrom({ steps, stepIndex: enrollment.stepIndex, at, timing });
    const events = event ? [event] : [];
    if (move.kind === 'finish') {
      const exit = exitChange({ enrollment, steps, reason: 'finished', now: at, atStep: true });
      await this.store.change({ ...exit, events: [...events, ...(exit.events ?? [])] });
      return 'ended';
    }
    await this.change(enrollment, { stepIndex: move.stepIndex, nextDueAt: move.nextDueAt }, events);
    return 'advanced';
  }

  /** What the outbox's answer means for the enrollment. */
  async move(
    enrollment: SequenceEnrollmentEntity,
    scope: RunScope,
    touch: OutboxMessageEntity,
    move: TouchMove,
  ): Promise<HandledAs> {
    const now = this.clock.now();
    const touchData = { touch_index: touch.touchIndex, outbox_id: touch.id };
    const event = (type: 'deferred' | 'awaiting_approval', data: Record<string, unknown>) =>
      enrollmentEvent({
        enrollment,
        steps: scope.sequence.steps,
        type,
        data: { ...touchData, ...data },
        at: now,
        stepIndex: enrollment.stepIndex,
      });
    switch (move.kind) {
      case 'advance':
        return 'unchanged';
      case 'defer':
        await this.change(enrollment, { nextDueAt: move.until }, [
          event('deferred', { reason: move.reason, until: move.until.toISOString() }),
        ]);
        return 'deferred';
      case 'await_approval':
        // Recorded once: the approval through the outbox API makes it due again.
        if (enrollment.nextDueAt === null) return 'awaiting_approval';
        await this.change(enrollment, { nextDueAt: null }, [event('awaiting_approval', {})]);
        return 'awaiting_approval';
      case 'exit':
        return this.exit(enrollment, scope, move.reason, { ...touchData, detail: move.detail });
      case 'again':
        await this.change(enrollment, { nextDueAt: new Date(now.getTime() + HELD_ELSEWHERE_MS) });
        return 'unchanged';
    }
  }

  async schedule(enrollment: SequenceEnrollmentEntity, at: Date): Promise<HandledAs> {
    await this.change(enrollment, { nextDueAt: at });
    return 'scheduled';
  }

  async exit(
    enrollment: SequenceEnrollmentEntity,
    scope: RunScope,
    reason: ExitReason,
    detail?: Record<string, unknown>,
  ): Promise<HandledAs> {
    const now = this.clock.now();
    const steps = scope.sequence.steps;
    await this.store.change(exitChange({ enrollment, steps, reason, now, detail, atStep: true }));
    return 'ended';
  }

  /** A change of the enrollment while it is still active or paused at the step it was read at. */
  change(
    enrollment: SequenceEnrollmentEntity,
    set: EnrollmentSet,
    events: EnrollmentChange['events'] = [],
    task?: SequenceTaskEntity,
  ): Promise<boolean> {
    return this.store.change({
      id: enrollment.id,
      from: { statuses: HOLDING_STATUSES, stepIndex: enrollment.stepIndex },
      set,
      events,
      task,
      now: this.clock.now(),
    });
  }
}
