import { Injectable, Logger } from '@nestjs/common';
import type { DraftInState, SentInState } from './email-state.types';
import { NotASequenceTouchException } from './exceptions/email.exceptions';
import type { TouchSendRequest, TouchSendResult } from './outbox-touch.types';
import { OutboxService } from './outbox.service';
import { OutboxMessageSender, sendResultOf } from './sending/outbox-message-sender';
import { sendKeyOf, touchSendKey } from './utils/send-key.util';

export { INTERRUPTED_REASON } from './sending/outbox-message-sender';

export interface SendRequest {
  drafts: DraftInState[];
  jobId: string;
  idempotencyKey: string;
  signal: AbortSignal;
  /** Who approved the send step: recorded on the drafts it approves. */
  approvedBy?: string;
}

/**
 * Sends outbox messages exactly once, each through OutboxMessageSender (the same checks, claim
 * and limits for all): a job's drafts when its send step runs, and one sequence touch at a time
 * when the scheduler finds it due.
 */
@Injectable()
export class EmailSendingService {
  private readonly logger = new Logger(EmailSendingService.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly sender: OutboxMessageSender,
  ) {}

  /**
   * A job's send step: approves its drafts (they can't be edited any more), then sends each in
   * turn. A message over the daily limit is skipped.
   */
  async send(request: SendRequest): Promise<SentInState[]> {
    this.sender.assertCanSend();
    const rows = await this.outbox.findByIds(request.drafts.map((draft) => draft.id));
    await this.outbox.approve([...rows.keys()], request.approvedBy);
    const results: SentInState[] = [];
    for (const draft of request.drafts) {
      request.signal.throwIfAborted();
      // Read again right before handling it: another step or request may have changed it.
      const current = rows.has(draft.id) ? await this.outbox.find(draft.id) : null;
      const result = current
        ? await this.sender.send(current, {
            sendKey: sendKeyOf(current, request.idempotencyKey),
            signal: request.signal,
            overLimit: 'skip',
          })
        : sendResultOf(draft, 'skipped', 'not in the outbox (deleted before sending)');
      this.logger.log(
        { jobId: request.jobId, outboxId: draft.id, status: result.status, reason: result.reason },
        'Outbox message handled',
      );
      results.push(asSentInState(result));
    }
    return results;
  }

  /**
   * Sends one sequence touch, exactly once under its key `{enrollmentId}:{touchIndex}`. A touch
   * over EMAIL_DAILY_LIMIT or its sequence's daily cap (both per UTC day), or a draft still
   * waiting for its approval, is answered `deferred` and stays sendable; an opted-out, sample or
   * suppressed recipient is skipped. Throws ActionError when SMTP is not configured, unreachable
   * (retryable) or refuses the login; the touch then stays sendable.
   */
  async sendTouch(request: TouchSendRequest): Promise<TouchSendResult> {
    this.sender.assertCanSend();
    const message = await this.outbox.find(request.outboxId);
    if (!message) {
      return {
        id: request.outboxId,
        prospect_id: '',
        to: '',
        status: 'skipped',
        reason: 'not in the outbox (deleted before sending)',
      };
    }
    if (message.enrollmentId === null || message.touchIndex === null) {
      throw new NotASequenceTouchException(message.id);
    }
    const cap = request.sequenceDailyCap;
    const result =
      message.status === 'draft'
        ? {
            ...sendResultOf(message, 'deferred', 'a draft waiting for its approval'),
            deferred: 'awaiting_approval' as const,
          }
        : await this.sender.send(message, {
            sendKey: touchSendKey(message.enrollmentId, message.touchIndex),
            signal: request.signal,
            overLimit: 'defer',
            sequenceCap:
              cap !== undefined && cap !== null && message.sequenceId !== null
                ? { sequenceId: message.sequenceId, limit: cap }
                : undefined,
          });
    this.logger.log(
      {
        enrollmentId: message.enrollmentId,
        touchIndex: message.touchIndex,
        outboxId: message.id,
        status: result.status,
        reason: result.reason,
      },
      'Sequence touch handled',
    );
    return result;
  }
}

/** A job's send never defers (over a limit it skips); its result is one of SentInState's. */
function asSentInState(result: TouchSendResult): SentInState {
  const { status, deferred: _deferred, ...rest } = result;
  return { ...rest, status: status === 'deferred' ? 'skipped' : status };
}
