import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../../config/app-config';
import { ActionError } from '../../orchestrator/agents/retry-policy.util';
import { ProspectsService } from '../prospects/prospects.service';
import type { DraftInState, SentInState } from './email-state.types';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport.provider';
import type { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxService } from './outbox.service';
import { SendPacer } from './send-limits/send-pacer';
import { SuppressionsService } from './suppressions.service';
import { UnsubscribeKeyService } from './unsubscribe-key.service';
import { dailyLimitDecision, utcDayStart } from './utils/daily-limit.util';
import { doNotEmailReason } from './utils/do-not-email.util';
import { buildOutgoingMail, messageIdFor, unsubscribeUrl } from './utils/outgoing-message.util';
import { classifySmtpError } from './utils/smtp-error.util';
import { signUnsubscribeToken } from './utils/unsubscribe-token.util';

export const INTERRUPTED_REASON = 'interrupted during sending; not retried to avoid a duplicate';

export interface SendRequest {
  drafts: DraftInState[];
  jobId: string;
  idempotencyKey: string;
  signal: AbortSignal;
}

/** Why email.send can't run in this process, or undefined when SMTP is configured. */
export function sendingUnavailableReason(config: AppConfig): string | undefined {
  const missing = [
    config.email.smtpUrl ? undefined : 'SMTP_URL',
    config.email.from ? undefined : 'EMAIL_FROM',
  ].filter(Boolean);
  return missing.length > 0 ? `SMTP is not configured: set ${missing.join(' and ')}` : undefined;
}

/**
 * Sends a job's drafts, exactly once each. Per message: checks (opt-out, suppressions) right
 * before sending, then one committed write takes it (`sending`, with the daily limit checked in
 * the same statement), then SMTP, then `sent`. A message found `sending` on a re-run was
 * interrupted mid-send: it is marked failed, never sent again.
 */
@Injectable()
export class EmailSendingService {
  private readonly logger = new Logger(EmailSendingService.name);

  constructor(
    private readonly config: AppConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null,
    private readonly outbox: OutboxService,
    private readonly suppressions: SuppressionsService,
    private readonly prospects: ProspectsService,
    private readonly keys: UnsubscribeKeyService,
    private readonly pacer: SendPacer,
  ) {}

  async send(request: SendRequest): Promise<SentInState[]> {
    const unavailable = sendingUnavailableReason(this.config);
    if (unavailable || !this.transport)
      throw new ActionError(unavailable ?? 'SMTP is not configured');
    const rows = await this.outbox.findByIds(request.drafts.map((draft) => draft.id));
    await this.outbox.approve([...rows.keys()]);
    const results: SentInState[] = [];
    for (const draft of request.drafts) {
      request.signal.throwIfAborted();
      // Read again right before handling it: another step or request may have changed it.
      const current = rows.has(draft.id) ? await this.outbox.find(draft.id) : null;
      const result = current
        ? await this.handle(current, request)
        : resultOf(draft, 'skipped', 'not in the outbox (deleted before sending)');
      this.logger.log(
        { jobId: request.jobId, outboxId: draft.id, status: result.status, reason: result.reason },
        'Outbox message handled',
      );
      results.push(result);
    }
    return results;
  }

  private async handle(message: OutboxMessageEntity, request: SendRequest): Promise<SentInState> {
    const sendKey = `${request.idempotencyKey}:${message.prospectId}`;
    switch (message.status) {
      case 'sent':
        return sentResult(message);
      case 'skipped':
      case 'failed':
        return resultOf(message, message.status, message.reason ?? undefined);
      case 'sending':
        if (message.sendKey !== sendKey) {
          return resultOf(message, 'skipped', 'being sent by another step');
        }
        await this.outbox.markFailed(message.id, INTERRUPTED_REASON);
        return resultOf(message, 'failed', INTERRUPTED_REASON);
      default:
        return this.checkAndSend(message, sendKey, request.signal);
    }
  }

  private async checkAndSend(
    message: OutboxMessageEntity,
    sendKey: string,
    signal: AbortSignal,
  ): Promise<SentInState> {
    await this.pace(signal);
    // Checked after the pause, right before sending: an opt-out during it still counts.
    const blocked = (await this.blockedReason(message)) ?? (await this.overDailyLimit());
    if (blocked) {
      await this.outbox.markSkipped(message.id, blocked);
      return resultOf(message, 'skipped', blocked);
    }
    const messageId = messageIdFor(sendKey, this.config.email.from!);
    const claim = await this.outbox.claim({
      id: message.id,
      sendKey,
      messageId,
      dayStart: utcDayStart(new Date()),
      dailyLimit: this.config.email.dailyLimit,
    });
    if (claim === 'daily_limit') {
      // Another job took the last of today's messages between the count and the claim.
      return this.checkAndSend(message, sendKey, signal);
    }
    if (claim === 'not_sendable') {
      const current = await this.outbox.find(message.id);
      return current
        ? resultOf(current, 'skipped', `now ${current.status}`)
        : resultOf(message, 'skipped', 'deleted');
    }
    return this.deliver(message, sendKey, messageId);
  }

  /** The reason to skip when today's messages (all jobs) reached EMAIL_DAILY_LIMIT. */
  private async overDailyLimit(): Promise<string | undefined> {
    const sentToday = await this.outbox.countTowardsDailyLimit(utcDayStart(new Date()));
    const decision = dailyLimitDecision({ sentToday, limit: this.config.email.dailyLimit });
    return decision.allowed ? undefined : decision.reason;
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
  ): Promise<SentInState> {
    const token = signUnsubscribeToken(message.id, await this.keys.signingKey());
    const mail = buildOutgoingMail({
      from: this.config.email.from!,
      to: message.to,
      name: message.name,
      subject: message.subject,
      body: message.body,
      messageId,
      unsubscribeUrl: unsubscribeUrl(this.config.publicUrl, token),
    });
    try {
      await this.transport!.sendMail(mail);
    } catch (error) {
      return this.failed(message, sendKey, error);
    }
    await this.outbox.markSent(message.id, sendKey);
    // Kept on the prospect for the "not contacted" filters (the prospects module owns the row).
    await this.prospects.recordContacted(message.prospectId, new Date());
    return { ...resultOf(message, 'sent'), message_id: messageId };
  }

  private async failed(
    message: OutboxMessageEntity,
    sendKey: string,
    error: unknown,
  ): Promise<SentInState> {
    const failure = classifySmtpError(error);
    if (failure.kind === 'unreachable' || failure.kind === 'login_failed') {
      // Nothing left this process: the message goes back, and the step fails (unreachable: retried).
      await this.outbox.release(message.id, sendKey);
      throw new ActionError(failure.reason, failure.kind === 'unreachable');
    }
    await this.outbox.markFailed(message.id, failure.reason);
    return resultOf(message, 'failed', failure.reason);
  }

  /**
   * Waits for this message's slot: EMAIL_PACING_MS after the previous one's, across every job (and
   * every replica, on Postgres). The slot is taken before the wait, so senders take turns.
   */
  private async pace(signal: AbortSignal): Promise<void> {
    const wait = await this.pacer.reserveSlot(this.config.email.pacingMs);
    if (wait > 0) await sleep(wait, undefined, { signal });
  }
}

function resultOf(
  message: Pick<OutboxMessageEntity, 'id' | 'to'> & { prospectId?: string; prospect_id?: string },
  status: SentInState['status'],
  reason?: string,
): SentInState {
  return {
    id: message.id,
    prospect_id: message.prospectId ?? message.prospect_id ?? '',
    to: message.to,
    status,
    ...(reason ? { reason } : {}),
  };
}

function sentResult(message: OutboxMessageEntity): SentInState {
  return {
    ...resultOf(message, 'sent'),
    ...(message.messageId ? { message_id: message.messageId } : {}),
  };
}
