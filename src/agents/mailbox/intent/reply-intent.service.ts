import { Injectable, Logger } from '@nestjs/common';
import { LlmService } from '../../../orchestrator/llm/llm.service';
import type { ReplyIntentInput, ReplyIntentResult } from './reply-intent.types';
import { classifyReplyIntentHeuristic } from './utils/reply-intent-heuristic.util';
import {
  parseReplyIntent,
  REPLY_INTENT_SCHEMA,
  REPLY_INTENT_SYSTEM_PROMPT,
  replyIntentUserMessage,
} from './utils/reply-intent-llm.util';

/** Enough for `{"intent":"not_interested"}` and a model's stray whitespace. */
const MAX_ANSWER_TOKENS = 50;

/**
 * What a reply means for the outreach: with an LLM one structured-output call (through LlmService:
 * its pacing, timeout, SDK retries and usage ledger, purpose `reply_intent`), checked against the
 * known intents; without a key, or when the call fails or answers something unusable, the offline
 * keyword heuristic. Never throws.
 */
@Injectable()
export class ReplyIntentService {
  private readonly logger = new Logger(ReplyIntentService.name);

  constructor(private readonly llm: LlmService) {}

  async classify(input: ReplyIntentInput): Promise<ReplyIntentResult> {
    if (this.llm.enabled) {
      const intent = await this.askModel(input);
      if (intent) return { intent, source: 'llm' };
    }
    return { intent: classifyReplyIntentHeuristic(input), source: 'heuristic' };
  }

  private async askModel(input: ReplyIntentInput): Promise<ReplyIntentResult['intent'] | null> {
    try {
      const { content } = await this.llm.chat({
        purpose: 'reply_intent',
        messages: [
          { role: 'system', content: REPLY_INTENT_SYSTEM_PROMPT },
          { role: 'user', content: replyIntentUserMessage(input) },
        ],
        responseFormat: {
          type: 'json_schema',
          json_schema: { name: 'reply_intent', strict: true, schema: REPLY_INTENT_SCHEMA },
        },
        maxTokens: MAX_ANSWER_TOKENS,
      });
      const intent = parseReplyIntent(content);
      if (!intent) {
        // The answer itself is not logged: it may repeat the reply's text.
        this.logger.warn(
          { answerLength: content.length },
          'LLM reply intent unusable; the heuristic decides',
        );
      }
      return intent;
    } catch (error) {
      this.logger.warn({ err: error }, 'LLM reply intent failed; the heuristic decides');
      return null;
    }
  }
}
