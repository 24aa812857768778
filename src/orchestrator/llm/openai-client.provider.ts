import type { FactoryProvider } from '@nestjs/common';
import OpenAI from 'openai';
import { AppConfig } from '../../config/app-config';
import { retryAfterSeconds } from './llm-error.util';
import { LlmRateLimiter } from './pacing/llm-rate-limiter';

/**
 * Injection token of the OpenAI client (`null` when OPENAI_API_KEY is unset). Tests swap it with
 * `overrideProvider(OPENAI_CLIENT).useValue(mock)`; no module creates a client of its own.
 */
export const OPENAI_CLIENT = Symbol('OPENAI_CLIENT');

/** The part of the SDK Zigral uses: Chat Completions, which every compatible server implements. */
export type ChatClient = Pick<OpenAI, 'chat'>;

export const openAiClientProvider: FactoryProvider<ChatClient | null> = {
  provide: OPENAI_CLIENT,
  inject: [AppConfig, LlmRateLimiter],
  useFactory: (config: AppConfig, limiter: LlmRateLimiter) => {
    const { apiKey, baseUrl, timeoutMs, maxRetries } = config.llm;
    if (!apiKey) return null;
    return new OpenAI({
      apiKey,
      baseURL: baseUrl,
      timeout: timeoutMs,
      maxRetries,
      fetch: pacedFetch(limiter),
    });
  },
};

/** Every 429, including those the SDK retries by itself, pauses all calls for its Retry-After. */
function pacedFetch(limiter: LlmRateLimiter): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init).catch((error: unknown) => {
      throw sameRealmError(error);
    });
    if (response.status === 429) {
      const seconds = retryAfterSeconds(response.headers);
      if (seconds !== undefined) await limiter.pauseFor(seconds * 1000);
    }
    return response;
  };
}

/**
 * fetch's AbortError is a DOMException from Node's own realm; where the SDK runs in another realm
 * (a VM context, as under Jest) it fails the SDK's `instanceof Error` and a timeout would be
 * reported as a connection failure. An Error of this realm with the same name keeps it a timeout.
 */
function sameRealmError(error: unknown): unknown {
  if (error instanceof Error || typeof error !== 'object' || error === null) return error;
  const { name, message } = error as { name?: unknown; message?: unknown };
  const copy = new Error(typeof message === 'string' ? message : 'fetch failed', { cause: error });
  if (typeof name === 'string') copy.name = name;
  return copy;
}
