import { Injectable, Logger } from '@nestjs/common';
import { EmailListeners, TouchRef } from './email-listeners';
import {
  NotASequenceTouchException,
  OutboxMessageConflictException,
} from './exceptions/email.exceptions';
import type { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxService } from './outbox.service';

/**
 * What a person does to outbox messages through the API besides editing them: approve a
 * sequence touch that waits for its own approval, delete a message. The sequences module hears of
 * both for touches (EmailListeners), to schedule or end the enrollment.
 */
@Injectable()
export class OutboxReviewService {
  private readonly logger = new Logger(OutboxReviewService.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly listeners: EmailListeners,
  ) {}

  /**
   * Approves a touch draft (a follow-up of a sequence that reviews them, or a first touch before
   * its launch is approved); approving one again is harmless, and tells the listeners again. 409
   * for a job's draft (its job's approval approves it) and for a touch being sent or done.
   */
  async approveTouch(id: string, actor: string): Promise<OutboxMessageEntity> {
    const message = await this.outbox.get(id);
    const touch = touchOf(message);
    if (!touch) throw new NotASequenceTouchException(id);
    if (message.status === 'draft') await this.outbox.approve([id], actor);
    const current = await this.outbox.get(id);
    if (current.status !== 'approved') {
      throw new OutboxMessageConflictException(id, current.status, 'approved');
    }
    await this.listeners.touchApproved(touch);
    return current;
  }

  /**
   * Deletes a message nothing was sent for (409 otherwise); a touch's listeners hear of it. The
   * row is gone, so who deleted it (`actor`) is written to the log.
   */
  async delete(id: string, actor: string): Promise<void> {
    const message = await this.outbox.get(id);
    await this.outbox.delete(id);
    this.logger.log(
      { outboxId: id, jobId: message.jobId, prospectId: message.prospectId, by: actor },
      'Outbox message deleted',
    );
    const touch = touchOf(message);
    if (touch) await this.listeners.touchDeleted(touch);
  }
}

function touchOf(message: OutboxMessageEntity): TouchRef | undefined {
  if (message.enrollmentId === null || message.touchIndex === null) return undefined;
  return {
    outboxId: message.id,
    enrollmentId: message.enrollmentId,
    touchIndex: message.touchIndex,
  };
}
