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
