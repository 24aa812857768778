import { getRepositoryToken } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ReplyIntentModule } from '../src/agents/mailbox/intent/reply-intent.module';
import { ReplyIntentService } from '../src/agents/mailbox/intent/reply-intent.service';
import { LlmUsageEntity } from '../src/orchestrator/llm/llm-usage.entity';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { chatCompletion, FakeOpenAiServer, llmTestEnv } from './helpers/fake-openai-server';

/**
 * Reply intent through the real `openai` SDK against the fake OpenAI-compatible server on
 * loopback: the structured-output request, the ledger, and the fallback on a bad answer.
 */
const fake = new FakeOpenAiServer();
let testApp: TestApp;
let service: ReplyIntentService;

const reply = {
  subject: 'Re: A pilot for Beta',
  text: 'Happy to chat, but only after our budget round in Q3.',
  from: 'ben@beta.example',
};

beforeAll(async () => {
  await fake.start();
  testApp = await createTestApp({ env: llmTestEnv(fake.baseUrl), imports: [ReplyIntentModule] });
  service = testApp.app.get(ReplyIntentService);
});
afterAll(async () => {
  await testApp.destroy();
  await fake.stop();
});

describe('ReplyIntentService with an OpenAI-compatible server', () => {
  it('asks with a strict JSON schema of the intents and answers the model’s intent', async () => {
    fake.reset(() => chatCompletion('{"intent":"not_now"}'));
    await expect(service.classify(reply)).resolves.toEqual({ intent: 'not_now', source: 'llm' });

    expect(fake.requests).toHaveLength(1);
    const { path, body } = fake.requests[0];
    expect(path).toBe('/v1/chat/completions');
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        name: 'reply_intent',
        strict: true,
        schema: {
          type: 'object',
          required: ['intent'],
          additionalProperties: false,
          properties: {
            intent: {
              type: 'string',
              enum: [
                'interested',
                'not_now',
                'not_interested',
                'referral',
                'wrong_person',
                'unclear',
              ],
            },
          },
        },
      },
    });
    expect(body.messages[0].role).toBe('system');
    expect(JSON.parse(body.messages[1].content)).toEqual({
      subject: reply.subject,
      text: reply.text,
    });
    const ledger = testApp.app.get<Repository<LlmUsageEntity>>(getRepositoryToken(LlmUsageEntity));
    expect(await ledger.findBy({ purpose: 'reply_intent' })).toEqual([
      expect.objectContaining({ outcome: 'ok', promptTokens: 1200, completionTokens: 150 }),
    ]);
  });

  it('falls back on the heuristic when the answer is not one of the intents', async () => {
    fake.reset(() => chatCompletion('{"intent":"call me maybe"}'));
    await expect(service.classify(reply)).resolves.toEqual({
      intent: 'not_now',
      source: 'heuristic',
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('falls back on the heuristic when the server fails', async () => {
    fake.reset(() => ({ status: 503, body: { error: { message: 'overloaded' } } }));
    await expect(
      service.classify({ ...reply, text: 'Sounds good, send me the details.' }),
    ).resolves.toEqual({ intent: 'interested', source: 'heuristic' });
  });
});
