import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Clock } from '../../../common/time/clock';
import { AppConfig } from '../../../config/app-config';
import { ActionError } from '../../../orchestrator/agents/retry-policy.util';
import { ProspectsService } from '../../prospects/prospects.service';
import { MAIL_TRANSPORT, MailTransport } from '../mail-transport.provider';
import type { OutboxMessageEntity } from '../outbox-message.entity';
import type { TouchSendResult } from '../outbox-touch.types';
import { OutboxService } from '../outbox.service';
import type { SequenceCap } from '../send-limits/outbox-claims';
import { SendPacer } from '../send-limits/send-pacer';
import { SuppressionsService } from '../suppressions.service';
import { UnsubscribeKeyService } from '../unsubscribe-key.service';
import { SendLimitDecision, sendLimitDecision, utcDayStart } from '../utils/daily-limit.util';
import { doNotEmailReason } from '../utils/do-not-email.util';
import { buildOutgoingMail, messageIdFor, unsubscribeUrl } from '../utils/outgoing-message.util';
import { classifySmtpError } from '../utils/smtp-error.util';
import { signUnsubscribeToken } from '../utils/unsubscribe-token.util';
import { envelopeSenderFor } from '../utils/verp.util';

export const INTERRUPTED_REASON = 'interrupted during sending; not retried to avoid a duplicate';

/** Why sending can't run in this process, or undefined when SMTP is configured. */
export function sendingUnavailableReason(config: AppConfig): string | undefined {
  const missing = [
    config.email.smtpUrl ? undefined : 'SMTP_URL',
    config.email.from ? undefined : 'EMAIL_FROM',
  ].filter(Boolean);
  return missing.length > 0 ? `SMTP is not configured: set ${missing.join(' and ')}` : undefined;
}

/** How one message is sent. */
export interface SendPolicy {
  /** The message's exactly-once key; its Message-ID derives from it. */
  sendKey: string;
  signal: AbortSignal;
  /**
   * A message over a daily limit is `skip`ped for good (a job's send step: its run ends), or
   * `defer`red: answered `deferred` and left sendable, for the scheduler to try on a later day.
   */
  overLimit: 'skip' | 'defer';
  /** A sequence's own daily cap, held with the global limit (same count, same claim). */
  sequenceCap?: SequenceCap;
}

type LimitReached = Extract<SendLimitDecision, { allowed: false }>;

/**
 * Sends one outbox message exactly once: the one path of both a job's send step and a sequence
 * touch. Checks (sample data, opt-out, suppressions, then the daily limits) right before sending,
 * then one committed write takes it (`sending`, with the limits counted in the same statement),
 * then SMTP, then `sent`. A message found `sending` under its own key was interrupted mid-send
 * (a crash): it is marked failed, never sent again.
 */
@Injectable()
export class OutboxMessageSender {
  constructor(
    private readonly config: AppConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null,
    private readonly outbox: OutboxService,
    private readonly suppressions: SuppressionsService,
    private readonly prospects: ProspectsService,
    private readonly keys: UnsubscribeKeyService,
    private readonly pacer: SendPacer,
    private readonly clock: Clock,
  ) {}

  /** Throws (not retried) when SMTP is not configured. */
  assertCanSend(): void {
    const unavailable = sendingUnavailableReason(this.config);
    if (unavailable || !this.transport) {
      throw new ActionError(unavailable ?? 'SMTP is not configured');
    }
  }

  /**
   * Handles `message` as its status allows. Throws ActionError when nothing can be sent now (SMTP
   * unreachable: retryable; login refused: not) — the message is given back, still sendable.
   */
  async send(message: OutboxMessageEntity, policy: SendPolicy): Promise<TouchSendResult> {
    switch (message.status) {
      case 'sent':
        return sentResult(message);
      case 'skipped':
      case 'failed':
        return sendResultOf(message, message.status, message.reason ?? undefined);
      case 'sending':
        if (message.sendKey !== policy.sendKey) {
          return sendResultOf(message, 'skipped', 'being sent by another step');
        }
        await this.outbox.markFailed(message.id, INTERRUPTED_REASON);
        return sendResultOf(message, 'failed', INTERRUPTED_REASON);
      default:
        return this.checkAndSend(message, policy);
    }
  }

  private async checkAndSend(
    message: OutboxMessageEntity,
    policy: SendPolicy,
  ): Promise<TouchSendResult> {
    if (policy.overLimit === 'defer') {
      // Before the pause too: a touch held back for the day takes no slot from those that can go.
      const reached = await this.limitReached(policy);
      if (reached) return deferredResult(message, reached);
    }
    await this.pace(policy.signal);
    // Checked after the pause, right before sending: an opt-out during it still counts.
    const blocked = await this.blockedReason(message);
    if (blocked) {
      await this.outbox.markSkipped(message.id, blocked);
      return sendResultOf(message, 'skipped', blocked);
    }
    const reached = await this.limitReached(policy);
    if (reached) return this.heldBack(message, reached, policy);
    const now = this.clock.now();
    const messageId = messageIdFor(policy.sendKey, this.config.email.from!);
    const claim = await this.outbox.claim({
      id: message.id,
      sendKey: policy.sendKey,
      messageId,
      now,
      dayStart: utcDayStart(now),
      dailyLimit: this.config.email.dailyLimit,
      sequenceCap: policy.sequenceCap,
    });
    if (claim === 'daily_limit' || claim === 'sequence_daily_limit') {
      // Another sender took the last of today's messages between the count and the claim.
      return this.checkAndSend(message, policy);
    }
    if (claim === 'not_sendable') {
      const current = await this.outbox.find(message.id);
      return current
        ? sendResultOf(current, 'skipped', `now ${current.status}`)
        : sendResultOf(message, 'skipped', 'deleted');
    }
    return this.deliver(message, policy.sendKey, messageId);
  }

  /** The limit reached today (EMAIL_DAILY_LIMIT, or the sequence's cap), if any. */
  private async limitReached(policy: SendPolicy): Promise<LimitReached | undefined> {
    const dayStart = utcDayStart(this.clock.now());
    const sentToday = await this.outbox.countTowardsDailyLimit(dayStart);
    const cap = policy.sequenceCap;
    const sequence = cap && {
      sentToday: await this.outbox.countTowardsSequenceDailyLimit(cap.sequenceId, dayStart),
      cap: cap.limit,
    };
    const decision = sendLimitDecision({
      sentToday,
      dailyLimit: this.config.email.dailyLimit,
      sequence,
    });
    return decision.allowed ? undefined : decision;
  }

  private async heldBack(
    message: OutboxMessageEntity,
    reached: LimitReached,
    policy: SendPolicy,
  ): Promise<TouchSendResult> {
    if (policy.overLimit === 'defer') return deferredResult(message, reached);
    await this.outbox.markSkipped(message.id, reached.reason);
    return sendResultOf(message, 'skipped', reached.reason);
  }

  /**
   * Why a message must not go out now: its prospect is sample data or opted out, or it is
   * suppressed.
   */
  private async blockedReason(message: OutboxMessageEntity): Promise<string | undefined> {
    const flags = (await this.prospects.emailFlags([message.prospectId])).get(message.prospectId);
    return doNotEmailReason({
      optedOut: flags?.optedOut === true,
      isSample: flags?.isSample === true,
      suppressedBy: await this.suppressions.matching(message.to),
    });
  }

  private async deliver(
    message: OutboxMessageEntity,
    sendKey: string,
    messageId: string,
  ): Promise<TouchSendResult> {
    const token = signUnsubscribeToken(message.id, await this.keys.signingKey());
    const mail = buildOutgoingMail({
      from: this.config.email.from!,
      to: message.to,
      name: message.name,
      subject: message.subject,
      body: message.body,
      messageId,
      unsubscribeUrl: unsubscribeUrl(this.config.publicUrl, token),
      inReplyTo: message.inReplyTo,
      references: message.threadReferences,
      // Bounces come back to BOUNCE_ADDRESS, tagged with this row's id (VERP) unless turned off.
      envelopeFrom: envelopeSenderFor(this.config.email, message.id),
    });
    try {
      await this.transport!.sendMail(mail);
    } catch (error) {
      return this.failed(message, sendKey, error);
    }
    await this.outbox.markSent(message.id, sendKey);
    // Kept on the prospect for the "not contacted" filters (the prospects module owns the row).
    await this.prospects.recordContacted(message.prospectId, this.clock.now());
    return { ...sendResultOf(message, 'sent'), message_id: messageId };
  }

  private async failed(
    message: OutboxMessageEntity,
    sendKey: string,
    error: unknown,
  ): Promise<TouchSendResult> {
    const failure = classifySmtpError(error);
    if (failure.kind === 'unreachable' || failure.kind === 'login_failed') {
      // Nothing left this process: the message goes back, and the step fails (unreachable: retried).
      await this.outbox.release(message.id, sendKey);
      throw new ActionError(failure.reason, failure.kind === 'unreachable');
    }
    await this.outbox.markFailed(message.id, failure.reason);
    return sendResultOf(message, 'failed', failure.reason);
  }

  /**
   * Waits for this message's slot: EMAIL_PACING_MS after the previous one's, across every job and
   * sequence (and every replica, on Postgres). The slot is taken before the wait, so senders take
   * turns.
   */
  private async pace(signal: AbortSignal): Promise<void> {
    const wait = await this.pacer.reserveSlot(this.config.email.pacingMs);
    if (wait > 0) await sleep(wait, undefined, { signal });
  }
}

/** A result for a message (an outbox row, or a job's draft as the state holds it). */
export function sendResultOf(
  message: Pick<OutboxMessageEntity, 'id' | 'to'> & { prospectId?: string; prospect_id?: string },
  status: TouchSendResult['status'],
  reason?: string,
): TouchSendResult {
  return {
    id: message.id,
    prospect_id: message.prospectId ?? message.prospect_id ?? '',
    to: message.to,
    status,
    ...(reason ? { reason } : {}),
  };
}

function sentResult(message: OutboxMessageEntity): TouchSendResult {
  return {
    ...sendResultOf(message, 'sent'),
    ...(message.messageId ? { message_id: message.messageId } : {}),
  };
}

function deferredResult(message: OutboxMessageEntity, reached: LimitReached): TouchSendResult {
  return { ...sendResultOf(message, 'deferred', reached.reason), deferred: reached.limit };
}
