import { Injectable } from '@nestjs/common';

/** A touch of a sequence enrollment, as the outbox names it. */
export interface TouchRef {
  outboxId: string;
  enrollmentId: string;
  touchIndex: number;
}

/**
 * What the email module tells the modules built on it (sequences), which it must not import: a
 * recipient unsubscribed through a message's link, a touch draft was approved through the
 * outbox API, a touch was deleted from the outbox. Each method is optional.
 */
export interface EmailListener {
  /** `email` (lower-case) unsubscribed: it is suppressed and its prospect opted out already. */
  unsubscribed?(event: { email: string; prospectId: string; outboxId: string }): Promise<void>;
  /** A touch waiting for its own approval was approved (POST /outbox/{id}/approve). */
  touchApproved?(touch: TouchRef): Promise<void>;
  /** A touch nothing was sent for was deleted (DELETE /outbox/{id}). */
  touchDeleted?(touch: TouchRef): Promise<void>;
}

/**
 * Where listeners register (a module built on email, at its start) and the email module tells
 * them, one after another, in the order they registered. A listener's error reaches the caller.
 */
@Injectable()
export class EmailListeners {
  private readonly listeners: EmailListener[] = [];

  register(listener: EmailListener): void {
    this.listeners.push(listener);
  }

  async unsubscribed(event: Parameters<NonNullable<EmailListener['unsubscribed']>>[0]) {
    for (const listener of this.listeners) await listener.unsubscribed?.(event);
  }

  async touchApproved(touch: TouchRef): Promise<void> {
    for (const listener of this.listeners) await listener.touchApproved?.(touch);
  }

  async touchDeleted(touch: TouchRef): Promise<void> {
    for (const listener of this.listeners) await listener.touchDeleted?.(touch);
  }
}
