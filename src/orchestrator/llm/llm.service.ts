import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { AppConfig } from '../../config/app-config';
import { ContextService } from '../../context/context.service';
import { ContextNotFoundException } from '../../context/exceptions/context.exceptions';
import { toLlmException } from './llm-error.util';
import {
  BudgetUsedUpError,
  LimiterBusyError,
  LlmRateLimiter,
  LlmReservation,
} from './pacing/llm-rate-limiter';
import {
  LlmRateLimitedException,
  LlmUnavailableException,
  TokenBudgetExceededException,
} from './llm.exceptions';
import { LlmUsageService } from './llm-usage.service';
import { ChatClient, OPENAI_CLIENT } from './openai-client.provider';

export interface ChatRequest {
  /** The job the call is for: its budget is checked and its usage recorded. */
  jobId?: string;
  purpose: string;
  messages: ChatCompletionMessageParam[];
  responseFormat: ChatCompletionCreateParamsNonStreaming['response_format'];
  maxTokens?: number;
}

export interface ChatAnswer {
  content: string;
  promptTokens: number;
  completionTokens: number;
}

const DEFAULT_MAX_TOKENS = 2000;

/**
 * Every LLM call of the process goes through here: the shared rate limiter (which also holds the
 * job's token budget), the usage ledger, and one mapping of provider errors to coded exceptions.
 */
@Injectable()
export class LlmService {
  private readonly logger = new Logger(LlmService.name);
  constructor(
    @Inject(OPENAI_CLIENT) private readonly client: ChatClient | null,
    private readonly config: AppConfig,
    private readonly limiter: LlmRateLimiter,
    private readonly usage: LlmUsageService,
    private readonly contexts: ContextService,
  ) {}

  /** Whether an LLM is configured (OPENAI_API_KEY set). */
  get enabled(): boolean {
    return this.client !== null;
  }

  get model(): string {
    return this.config.llm.model;
  }

  async chat(request: ChatRequest): Promise<ChatAnswer> {
    if (!this.client) throw new Error('No LLM is configured (OPENAI_API_KEY is unset)');
    const maxTokens = request.maxTokens ?? DEFAULT_MAX_TOKENS;
    const reservation = await this.reserve(
      request.jobId,
      estimateTokens(request.messages) + maxTokens,
    );
    const used = { tokens: 0 };
    try {
      return await this.call(this.client, request, maxTokens, used);
    } finally {
      // After the ledger has the call's tokens: until then its estimate holds the job's budget.
      await reservation.settle(used.tokens);
    }
  }

  /** One call to the provider, recorded in the ledger however it ends; `used` gets its tokens. */
  private async call(
    client: ChatClient,
    request: ChatRequest,
    maxTokens: number,
    used: { tokens: number },
  ): Promise<ChatAnswer> {
    const started = Date.now();
    let completion: ChatCompletion;
    try {
      completion = await client.chat.completions.create({
        model: this.model,
        messages: request.messages,
        response_format: request.responseFormat,
        max_completion_tokens: maxTokens,
      });
    } catch (error) {
      const { kind, exception } = toLlmException(error, this.config.llm.timeoutMs);
      await this.record(request, { started, outcome: kind, promptTokens: 0, completionTokens: 0 });
      this.logger.warn(
        { jobId: request.jobId, purpose: request.purpose, outcome: kind, err: exception },
        'LLM call failed',
      );
      throw exception;
    }
    const promptTokens = completion.usage?.prompt_tokens ?? 0;
    const completionTokens = completion.usage?.completion_tokens ?? 0;
    used.tokens = promptTokens + completionTokens;
    // A gateway may answer 200 with something that is not a completion.
    const message = Array.isArray(completion.choices) ? completion.choices[0]?.message : undefined;
    const outcome = message ? 'ok' : 'malformed';
    await this.record(request, { started, outcome, promptTokens, completionTokens });
    if (!message) {
      throw new LlmUnavailableException('The LLM provider answered without a completion');
    }
    return { content: message.content ?? message.refusal ?? '', promptTokens, completionTokens };
  }

  /**
   * A slot from the shared limiter, which also checks the job's budget (JOB_TOKEN_BUDGET) against
   * the ledger and the job's calls under way; a wait too long is answered like the provider's own
   * 429.
   */
  private async reserve(jobId: string | undefined, tokens: number): Promise<LlmReservation> {
    const budget = this.config.llm.jobTokenBudget;
    try {
      return await this.limiter.acquire(tokens, jobId ? { jobId, budget } : undefined);
    } catch (error) {
      if (error instanceof BudgetUsedUpError && jobId) {
        throw new TokenBudgetExceededException(jobId, error.used, budget, error.reserved);
      }
      if (!(error instanceof LimiterBusyError)) throw error;
      const seconds = Math.ceil(error.retryAfterMs / 1000);
      throw new LlmRateLimitedException(
        `LLM calls are paced by LLM_RPM/LLM_TPM; try again in ${seconds} s`,
        'local_rate_limit',
        seconds,
      );
    }
  }

  private async record(
    request: ChatRequest,
    call: { started: number; outcome: string; promptTokens: number; completionTokens: number },
  ): Promise<void> {
    await this.usage.record({
      jobId: request.jobId ?? null,
      purpose: request.purpose,
      model: this.model,
      promptTokens: call.promptTokens,
      completionTokens: call.completionTokens,
      latencyMs: Date.now() - call.started,
      outcome: call.outcome,
    });
    if (request.jobId) await this.syncJobUsage(request.jobId);
  }

  /** Keeps the job's context showing its running totals (the context may not exist yet while planning). */
  private async syncJobUsage(jobId: string): Promise<void> {
    const usage = await this.usage.forJob(jobId);
    try {
      await this.contexts.patch(jobId, { usage });
    } catch (error) {
      if (!(error instanceof ContextNotFoundException)) throw error;
    }
  }
}

/** A rough token count (about 4 characters a token) for pacing before the real count is known. */
export function estimateTokens(messages: ChatCompletionMessageParam[]): number {
  const characters = messages.reduce(
    (sum, message) =>
      sum +
      (typeof message.content === 'string'
        ? message.content.length
        : JSON.stringify(message.content ?? '').length),
    0,
  );
  return Math.ceil(characters / 4);
}
