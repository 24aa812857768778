import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../../../config/app-config';
import {
  ActionError,
  RetryPolicy,
  retryDelayMs,
  shouldRetry,
} from '../../../orchestrator/agents/retry-policy.util';
import { retryAfterSeconds } from '../../../orchestrator/llm/llm-error.util';
import type { ReplySummary, ReplyWebhookPayload } from './reply-notification.types';
import {
  isRetryableWebhookStatus,
  replyWebhookPayload,
  WebhookTarget,
  webhookTarget,
} from './utils/reply-webhook.util';

/** How the reply webhook is called: each attempt's time limit, and the retries. */
export interface ReplyWebhookPolicy {
  timeoutMs: number;
  retry: RetryPolicy;
  /** Deliveries under way at once; past it a notification is dropped (logged), not queued. */
  maxPending: number;
}

/** Injection token of the ReplyWebhookPolicy; tests swap it for short delays. */
export const REPLY_WEBHOOK_POLICY = Symbol('REPLY_WEBHOOK_POLICY');

/** 5 attempts over about 15 s (1, 2, 4, 8 s between them, ±20 %), 10 s each at most. */
export const DEFAULT_REPLY_WEBHOOK_POLICY: ReplyWebhookPolicy = {
  timeoutMs: 10_000,
  retry: { maxAttempts: 5, initialDelayMs: 1000, maxDelayMs: 30_000, factor: 2, jitter: 0.2 },
  maxPending: 100,
};

/**
 * Tells REPLY_WEBHOOK_URL of each reply classified "interested": a JSON POST (see
 * ReplyWebhookPayload), retried with the project's retry policy (exponential backoff with jitter)
 * on network errors, timeouts, 5xx and 429 (waiting at least its Retry-After), never on another
 * 4xx or a redirect. `notify` returns at once: the attempts run in the background, and their
 * outcome is logged with the URL's origin only (the URL may hold a token).
 */
@Injectable()
export class ReplyNotifier implements OnApplicationShutdown {
  private readonly logger = new Logger(ReplyNotifier.name);
  private readonly target?: WebhookTarget;
  private readonly pending = new Set<Promise<void>>();
  private readonly shutdown = new AbortController();

  constructor(
    config: AppConfig,
    @Inject(REPLY_WEBHOOK_POLICY) private readonly policy: ReplyWebhookPolicy,
  ) {
    if (config.replyWebhookUrl) this.target = webhookTarget(config.replyWebhookUrl);
  }

  /** Whether REPLY_WEBHOOK_URL is set. */
  get enabled(): boolean {
    return this.target !== undefined;
  }

  /**
   * Starts the delivery of an "interested" reply and returns without waiting for it; answers
   * whether one was started (not for other intents, without a URL, or with too many under way).
   */
  notify(summary: ReplySummary): boolean {
    if (!this.target || summary.intent !== 'interested') return false;
    if (this.pending.size >= this.policy.maxPending || this.shutdown.signal.aborted) {
      this.logger.warn(
        { replyId: summary.replyId, pending: this.pending.size },
        'Reply webhook not called: too many deliveries under way, or shutting down',
      );
      return false;
    }
    const delivery = this.deliver(this.target, replyWebhookPayload(summary));
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
    return true;
  }

  /** Resolves when every delivery started so far has ended (delivered, or given up). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Retries waiting are given up; an attempt under way ends by its time limit. */
  async onApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await this.idle();
  }

  private async deliver(target: WebhookTarget, payload: ReplyWebhookPayload): Promise<void> {
    // Off the caller's turn: even the first fetch, which loads its HTTP client, costs it nothing.
    await new Promise((resolve) => setImmediate(resolve));
    const fields = { webhook: target.origin, replyId: payload.reply_id };
    const body = JSON.stringify(payload);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.post(target, body);
        this.logger.log({ ...fields, attempt }, 'Reply webhook called');
        return;
      } catch (error) {
        const retry = shouldRetry({ policy: this.policy.retry, attempt, error });
        const reason = error instanceof Error ? error.message : String(error);
        if (!retry || this.shutdown.signal.aborted) {
          this.logger.error({ ...fields, attempt, reason }, 'Reply webhook failed; given up');
          return;
        }
        const delayMs = this.delayBefore(attempt, error);
        this.logger.warn({ ...fields, attempt, reason, delayMs }, 'Reply webhook failed; retrying');
        try {
          await sleep(delayMs, undefined, { signal: this.shutdown.signal });
        } catch {
          this.logger.warn({ ...fields, attempt }, 'Reply webhook given up at shutdown');
          return;
        }
      }
    }
  }

  /** One POST; throws a retryable error (network, timeout, 5xx, 429) or an ActionError. */
  private async post(target: WebhookTarget, body: string): Promise<void> {
    const timeout = AbortSignal.timeout(this.policy.timeoutMs);
    let response: Response;
    try {
      response = await fetch(target.url, {
        method: 'POST',
        headers: target.headers,
        body,
        redirect: 'manual',
        signal: timeout,
      });
    } catch (error) {
      // fetch's own messages name no URL; its cause says what failed (ECONNREFUSED, ...).
      throw new WebhookAttemptError(
        timeout.aborted ? `no answer within ${this.policy.timeoutMs} ms` : networkReason(error),
      );
    }
    await response.body?.cancel();
    if (response.ok) return;
    if (isRetryableWebhookStatus(response.status)) {
      throw new WebhookAttemptError(`HTTP ${response.status}`, retryAfterSeconds(response.headers));
    }
    const what = response.status < 400 ? 'a redirect (not followed)' : 'refused';
    throw new ActionError(`HTTP ${response.status}: ${what}`, false);
  }

  private delayBefore(attempt: number, error: unknown): number {
    const backoff = retryDelayMs(this.policy.retry, attempt);
    const asked = error instanceof WebhookAttemptError ? (error.retryAfterSeconds ?? 0) : 0;
    return Math.max(backoff, Math.min(asked * 1000, this.policy.retry.maxDelayMs));
  }
}

/** A failed attempt worth retrying; `retryAfterSeconds` from the answer's Retry-After. */
class WebhookAttemptError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'WebhookAttemptError';
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? `network error (${cause.code})` : 'network error';
}
