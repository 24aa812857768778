import { Test } from '@nestjs/testing';
import OpenAI from 'openai';
import { AppConfig } from '../../../config/app-config';
import { validateEnv } from '../../../config/env.schema';
import { ContextService } from '../../../context/context.service';
import { InProcessLlmRateLimiter } from '../../../orchestrator/llm/pacing/in-process-llm-rate-limiter';
import { LlmRateLimiter } from '../../../orchestrator/llm/pacing/llm-rate-limiter';
import { LlmUsageService } from '../../../orchestrator/llm/llm-usage.service';
import { LlmService } from '../../../orchestrator/llm/llm.service';
import { OPENAI_CLIENT } from '../../../orchestrator/llm/openai-client.provider';
import { ReplyIntentService } from './reply-intent.service';

/** ReplyIntentService over the real LlmService, with the OpenAI provider swapped for a mock. */
const create = jest.fn();
const record = jest.fn();
const answer = (content: string) => ({
  choices: [
    { index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 300, completion_tokens: 8, total_tokens: 308 },
});
const reply = {
  subject: 'Re: A pilot for Beta',
  text: 'Not interested, thanks.',
  from: 'ben@beta.example',
};

async function serviceWith(client: unknown): Promise<ReplyIntentService> {
  const moduleRef = await Test.createTestingModule({
    providers: [
      ReplyIntentService,
      LlmService,
      { provide: OPENAI_CLIENT, useValue: null },
      { provide: AppConfig, useValue: new AppConfig(validateEnv({})) },
      {
        provide: LlmRateLimiter,
        useValue: new InProcessLlmRateLimiter(
          { requestsPerMinute: 0, tokensPerMinute: 0, maxWaitMs: 0 },
          { totalTokens: () => Promise.resolve(0) },
        ),
      },
      { provide: LlmUsageService, useValue: { record, forJob: jest.fn(), totalTokens: jest.fn() } },
      { provide: ContextService, useValue: { patch: jest.fn() } },
    ],
  })
    .overrideProvider(OPENAI_CLIENT)
    .useValue(client)
    .compile();
  return moduleRef.get(ReplyIntentService);
}

beforeEach(() => {
  create.mockReset();
  record.mockReset();
});

describe('ReplyIntentService with an LLM', () => {
  let service: ReplyIntentService;
  beforeEach(async () => {
    service = await serviceWith({ chat: { completions: { create } } });
  });

  it('asks once with the strict schema and answers the model’s intent, recorded as reply_intent', async () => {
    create.mockResolvedValueOnce(answer('{"intent":"not_now"}'));
    await expect(service.classify(reply)).resolves.toEqual({ intent: 'not_now', source: 'llm' });
    expect(create).toHaveBeenCalledTimes(1);
    const sent = create.mock.calls[0][0];
    expect(sent.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'reply_intent', strict: true },
    });
    expect(sent.response_format.json_schema.schema.properties.intent.enum).toContain('referral');
    expect(JSON.parse(sent.messages[1].content)).toEqual({
      subject: reply.subject,
      text: reply.text,
    });
    expect(record).toHaveBeenCalledWith(
      expect.objectContaining({ purpose: 'reply_intent', outcome: 'ok', promptTokens: 300 }),
    );
  });

  it.each([
    ['not JSON', 'The writer is not interested.'],
    ['an unknown intent', '{"intent":"hostile"}'],
    ['the wrong shape', '{"intents":["interested"]}'],
    ['nothing', ''],
  ])('falls back on the heuristic when the answer is %s', async (_case, content) => {
    create.mockResolvedValueOnce(answer(content));
    await expect(service.classify(reply)).resolves.toEqual({
      intent: 'not_interested',
      source: 'heuristic',
    });
  });

  it('falls back on the heuristic when the provider fails, without throwing', async () => {
    create.mockRejectedValueOnce(
      new OpenAI.InternalServerError(500, { message: 'boom' }, 'boom', new Headers()),
    );
    await expect(service.classify({ ...reply, text: 'Maybe next quarter.' })).resolves.toEqual({
      intent: 'not_now',
      source: 'heuristic',
    });
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'unavailable' }));
  });

  it('falls back on the heuristic when the provider answers without a completion', async () => {
    create.mockResolvedValueOnce({ choices: [] });
    await expect(service.classify({ ...reply, text: 'Wrong person.' })).resolves.toEqual({
      intent: 'wrong_person',
      source: 'heuristic',
    });
  });
});

describe('ReplyIntentService without an LLM', () => {
  it('answers from the heuristic and calls nobody', async () => {
    const service = await serviceWith(null);
    await expect(
      service.classify({ ...reply, text: 'Please reach out to my colleague Anna (anna@x.com).' }),
    ).resolves.toEqual({ intent: 'referral', source: 'heuristic' });
    expect(record).not.toHaveBeenCalled();
  });
});
