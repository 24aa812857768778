import { ConflictException, NotFoundException } from '@nestjs/common';
import type { OutboxStatus } from '../outbox-message.entity';

export class OutboxMessageNotFoundException extends NotFoundException {
  constructor(id: string) {
    super(`No outbox message with id "${id}"`);
  }
}

/** A change the message's status no longer allows (it was approved, sent, …). */
export class OutboxMessageConflictException extends ConflictException {
  constructor(id: string, status: OutboxStatus, change: string) {
    super(`Outbox message "${id}" is ${status}: only a draft can be ${change}`);
  }
}

export class SuppressionNotFoundException extends NotFoundException {
  constructor(value: string) {
    super(`"${value}" is not on the suppression list`);
  }
}

export class SuppressionExistsException extends ConflictException {
  constructor(value: string) {
    super(`"${value}" is already on the suppression list`);
  }
}

/** A touch queued and gone before it could be read back (deleted at that very moment). */
export class OutboxTouchNotStoredException extends ConflictException {
  constructor(enrollmentId: string, touchIndex: number) {
    super(`Touch ${touchIndex} of enrollment "${enrollmentId}" was not stored; queue it again`);
  }
}

/** sendTouch was handed an outbox message that belongs to no sequence enrollment. */
export class NotASequenceTouchException extends ConflictException {
  constructor(id: string) {
    super(`Outbox message "${id}" is not a sequence touch`);
  }
}
