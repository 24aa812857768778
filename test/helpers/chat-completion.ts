/** Token counts of a mocked completion. */
export interface MockTokens {
  prompt_tokens: number;
  completion_tokens: number;
}

/**
 * A Chat Completions answer in the real shape of the `openai` SDK's result, for a mocked
 * `chat.completions.create` to resolve with.
 */
export function chatCompletion(
  content: string,
  tokens: MockTokens = { prompt_tokens: 500, completion_tokens: 100 },
) {
  return {
    id: 'chatcmpl-mock',
    object: 'chat.completion' as const,
    created: 1764000000,
    model: 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        message: { role: 'assistant' as const, content, refusal: null },
        logprobs: null,
        finish_reason: 'stop' as const,
      },
    ],
    usage: { ...tokens, total_tokens: tokens.prompt_tokens + tokens.completion_tokens },
  };
}
