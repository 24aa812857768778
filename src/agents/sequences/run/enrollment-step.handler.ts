import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock } from '../../../common/time/clock';
import { ActionError } from '../../../orchestrator/agents/retry-policy.util';
import { EmailSendingService } from '../../email/email-sending.service';
import { OutboxTouchNotStoredException } from '../../email/exceptions/email.exceptions';
import type { OutboxMessageEntity } from '../../email/outbox-message.entity';
import type { TouchSendResult } from '../../email/outbox-touch.types';
import { OutboxService } from '../../email/outbox.service';
import type { ProspectInState } from '../../prospects/prospect.types';
import { enrollmentEvent } from '../events/exit.util';
import { nextSendTime } from '../schedule/next-send-time.util';
import { resolveProspectZone } from '../schedule/zones/prospect-zone.util';
import { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import type { SequenceSettings, TaskStep } from '../sequence.types';
import { SequenceTaskEntity } from '../tasks/sequence-task.entity';
import { Timing, touchIndexOf, touchMove } from './enrollment-moves.util';
import { EnrollmentWriter, type HandledAs } from './enrollment-writer';
import { TouchBatch, type DueEntry, type TouchScope } from './touch-batch.service';

export type { HandledAs } from './enrollment-writer';

/** The run an enrollment is handled in: its sequence, and what its touches are written with. */
export type HandlerScope = TouchScope;

/** Sending is impossible for now (SMTP not configured, unreachable, or refusing the login). */
export class SendingUnavailableError extends Error {}

/** Where a prospect's touches are timed: the sequence's window in the prospect's own zone. */
export function timingOf(prospect: ProspectInState, settings: SequenceSettings): Timing {
  const { zone } = resolveProspectZone({
    country: prospect.country ?? prospect.company?.country,
    city: prospect.city ?? prospect.company?.city,
    fallbackZone: settings.time_zone,
  });
  return { window: settings.window, zone };
}

/**
 * One due enrollment, at its step: an email is queued if missing (a follow-up threaded on the
 * sent ones, approved or a draft for review as the launch decided), sent when its window is open
 * (else due at its opening), and the enrollment moves on by what the outbox answers; a task is
 * created and waited on, then moved past once done; past the last step the enrollment finishes.
 * Every write is conditional on the enrollment still being where it was read, and the touch's
 * outbox status is the truth after a crash: `sent` moves it on (its event recorded then),
 * `sending` under its own key is marked failed by the sender and never sent again.
 */
@Injectable()
export class EnrollmentStepHandler {
  constructor(
    private readonly writes: EnrollmentWriter,
    private readonly outbox: OutboxService,
    private readonly sending: EmailSendingService,
    private readonly batch: TouchBatch,
    @InjectRepository(SequenceEnrollmentEntity)
    private readonly enrollments: Repository<SequenceEnrollmentEntity>,
    @InjectRepository(SequenceTaskEntity)
    private readonly tasks: Repository<SequenceTaskEntity>,
    private readonly clock: Clock,
  ) {}

  /** `touch`: the enrollment's touch at its step when the run read it already (TouchBatch). */
  async handle(
    enrollment: SequenceEnrollmentEntity,
    prospect: ProspectInState,
    scope: HandlerScope,
    touch?: OutboxMessageEntity,
  ): Promise<HandledAs> {
    const step = scope.sequence.steps[enrollment.stepIndex];
    if (!step) return this.writes.exit(enrollment, scope, 'finished');
    const timing = timingOf(prospect, scope.sequence.settings);
    if (step.type === 'wait')
      return this.writes.advance(enrollment, scope, timing, this.clock.now());
    if (step.type === 'task') return this.task(enrollment, step, prospect, scope, timing);
    return this.email({ enrollment, prospect }, scope, timing, touch);
  }

  /**
   * Whether handling this enrollment now may send: at an email step whose touch is (or may be)
   * sendable, with the window open. Those are handled one at a time; the rest together.
   */
  maySend(entry: DueEntry, scope: HandlerScope, touch: OutboxMessageEntity | undefined): boolean {
    const step = scope.sequence.steps[entry.enrollment.stepIndex];
    if (step?.type !== 'email') return false;
    if (touch && touch.status !== 'approved' && touch.status !== 'sending') return false;
    const now = this.clock.now();
    const timing = timingOf(entry.prospect, scope.sequence.settings);
    return nextSendTime({ notBefore: now, ...timing }) <= now;
  }

  private async email(
    { enrollment, prospect }: DueEntry,
    scope: HandlerScope,
    timing: Timing,
    read?: OutboxMessageEntity,
  ): Promise<HandledAs> {
    const touchIndex = touchIndexOf(scope.sequence.steps, enrollment.stepIndex);
    let touch = read ?? (await this.outbox.findTouch(enrollment.id, touchIndex));
    // A draft read with the batch may have been approved since (its listener made the enrollment
    // due then): read again, or waiting for the approval would undo that and leave it waiting.
    if (read?.status === 'draft') {
      touch = (await this.outbox.findTouch(enrollment.id, touchIndex)) ?? read;
    }
    if (!touch) {
      // The launch's review queued the first touch: gone, it was deleted from the outbox.
      if (touchIndex === 0) return this.writes.exit(enrollment, scope, 'removed');
      if (!prospect.email) return this.writes.exit(enrollment, scope, 'no_email');
      touch = await this.queueFollowUp({ enrollment, prospect }, touchIndex, scope);
    }
    const now = this.clock.now();
    switch (touch.status) {
      case 'sent':
        return this.writes.afterSend(enrollment, scope, timing, touch, touch.sentAt ?? now);
      case 'draft':
        return this.writes.move(enrollment, scope, touch, { kind: 'await_approval' });
      case 'skipped':
      case 'failed': {
        const send = { status: touch.status, reason: touch.reason ?? undefined };
        return this.writes.move(enrollment, scope, touch, touchMove({ send, now, timing }));
      }
    }
    const sendAt = nextSendTime({ notBefore: now, ...timing });
    if (sendAt > now) return this.writes.schedule(enrollment, sendAt);
    // Right before sending: an exit or a pause since the batch was read keeps it from going out.
    const fresh = await this.enrollments.findOneBy({ id: enrollment.id });
    if (fresh?.status !== 'active' || fresh.stepIndex !== enrollment.stepIndex) return 'unchanged';
    const result = await this.send(touch, scope);
    const sentAt = this.clock.now();
    if (result.status === 'sent') {
      return this.writes.afterSend(enrollment, scope, timing, touch, sentAt, result.message_id);
    }
    return this.writes.move(
      enrollment,
      scope,
      touch,
      touchMove({ send: result, now: sentAt, timing }),
    );
  }

  private async send(touch: OutboxMessageEntity, scope: HandlerScope): Promise<TouchSendResult> {
    try {
      return await this.sending.sendTouch({
        outboxId: touch.id,
        signal: scope.inputs.signal,
        sequenceDailyCap: scope.sequence.settings.daily_cap,
      });
    } catch (error) {
      // Nothing was sent and the touch is still sendable: the run tries again later.
      if (error instanceof ActionError) throw new SendingUnavailableError(error.message);
      throw error;
    }
  }

  /** A follow-up queued when it falls due: a reply in the thread of the enrollment's sent touches. */
  private async queueFollowUp(
    entry: DueEntry,
    touchIndex: number,
    scope: HandlerScope,
  ): Promise<OutboxMessageEntity> {
    const thread = await this.outbox.threadOf(entry.enrollment.id);
    const [touch] = await this.batch.queue([{ ...entry, touchIndex, thread }], scope);
    // Only a delete between the insert and its read leaves nothing.
    if (!touch) throw new OutboxTouchNotStoredException(entry.enrollment.id, touchIndex);
    return touch;
  }

  private async task(
    enrollment: SequenceEnrollmentEntity,
    step: TaskStep,
    prospect: ProspectInState,
    scope: HandlerScope,
    timing: Timing,
  ): Promise<HandledAs> {
    const task = await this.tasks.findOneBy({
      enrollmentId: enrollment.id,
      stepIndex: enrollment.stepIndex,
    });
    if (task?.status === 'done') {
      return this.writes.advance(enrollment, scope, timing, task.completedAt ?? this.clock.now());
    }
    if (task) {
      await this.writes.change(enrollment, { nextDueAt: null });
      return 'task';
    }
    const now = this.clock.now();
    const created: SequenceTaskEntity = {
      id: randomUUID(),
      sequenceId: enrollment.sequenceId,
      enrollmentId: enrollment.id,
      prospectId: prospect.id,
      stepIndex: enrollment.stepIndex,
      kind: step.kind,
      instructions: step.instructions,
      status: 'open',
      createdAt: now,
      completedAt: null,
    };
    const event = enrollmentEvent({
      enrollment,
      steps: scope.sequence.steps,
      type: 'task_created',
      data: { task_id: created.id, kind: step.kind },
      at: now,
      stepIndex: enrollment.stepIndex,
    });
    // Nothing is due until the task is done (completing it makes the enrollment due).
    await this.writes.change(enrollment, { nextDueAt: null }, [event], created);
    return 'task';
  }
}
