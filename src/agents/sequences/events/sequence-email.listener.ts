import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Clock } from '../../../common/time/clock';
import { EmailListeners, type TouchRef } from '../../email/email-listeners';
import { stepOfTouch } from '../run/enrollment-moves.util';
import { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import { HOLDING_STATUSES } from '../sequence.types';
import { SequencesService } from '../sequences.service';
import { EnrollmentStore } from '../store/enrollment.store';
import { EnrollmentEventsService } from './enrollment-events.service';
import { exitChange } from './exit.util';

/**
 * What sequences do when the email module tells them (EmailListeners; email must not import
 * sequences): an unsubscribe through a message's link ends every active enrollment of the
 * address; a follow-up approved through the outbox API makes its enrollment due (and wakes the
 * run); a touch deleted from the outbox takes its prospect out of the sequence (`removed`).
 */
@Injectable()
export class SequenceEmailListener implements OnModuleInit {
  private readonly logger = new Logger(SequenceEmailListener.name);

  constructor(
    private readonly listeners: EmailListeners,
    private readonly events: EnrollmentEventsService,
    private readonly sequences: SequencesService,
    private readonly store: EnrollmentStore,
    @InjectRepository(SequenceEnrollmentEntity)
    private readonly enrollments: Repository<SequenceEnrollmentEntity>,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.listeners.register({
      unsubscribed: async ({ email, outboxId }) => {
        await this.events.addressUnsubscribed(email, {
          source: 'unsubscribe_link',
          outbox_id: outboxId,
        });
      },
      touchApproved: (touch) => this.touchApproved(touch),
      touchDeleted: (touch) => this.touchDeleted(touch),
    });
  }

  /**
   * A follow-up draft approved: its enrollment, launched and still at that touch's step, is due
   * now (first touches are scheduled by their launch's approval instead).
   */
  private async touchApproved(touch: TouchRef): Promise<void> {
    if (touch.touchIndex === 0) return;
    const found = await this.holding(touch);
    if (!found?.enrollment.launchedAt) return;
    const { enrollment, stepIndex } = found;
    const now = this.clock.now();
    const from = { statuses: HOLDING_STATUSES, stepIndex };
    if (await this.store.change({ id: enrollment.id, from, set: { nextDueAt: now }, now })) {
      await this.sequences.wakeRun(enrollment.sequenceId, now);
    }
  }

  /** A touch of the enrollment's current step deleted: the prospect leaves the sequence. */
  private async touchDeleted(touch: TouchRef): Promise<void> {
    const found = await this.holding(touch);
    if (!found) return;
    const { enrollment, steps } = found;
    const now = this.clock.now();
    const detail = { touch_index: touch.touchIndex, outbox_id: touch.outboxId };
    const change = exitChange({ enrollment, steps, reason: 'removed', now, detail, atStep: true });
    if (await this.store.change(change)) {
      this.logger.log({ enrollmentId: enrollment.id }, 'Touch deleted: enrollment removed');
    }
  }

  /** The touch's enrollment while it is active or paused at the touch's step. */
  private async holding(touch: TouchRef) {
    const enrollment = await this.enrollments.findOneBy({
      id: touch.enrollmentId,
      status: In([...HOLDING_STATUSES]),
    });
    const sequence = enrollment && (await this.sequences.find(enrollment.sequenceId));
    if (!enrollment || !sequence) return undefined;
    const stepIndex = stepOfTouch(sequence.steps, touch.touchIndex);
    if (stepIndex !== enrollment.stepIndex) return undefined;
    return { enrollment, stepIndex, steps: sequence.steps };
  }
}
