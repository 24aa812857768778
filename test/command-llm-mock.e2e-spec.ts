import OpenAI from 'openai';
import request from 'supertest';
import { OPENAI_CLIENT } from '../src/orchestrator/llm/openai-client.provider';
import { chatCompletion } from './helpers/chat-completion';
import { createTestApp, TestApp } from './helpers/create-test-app';

/**
 * Planning with the OpenAI provider swapped for a mock (`overrideProvider`), answering in the
 * SDK's real response shape: prompt building, strict-output decoding, history and budgets.
 */
const create = jest.fn();
const completion = chatCompletion;

async function appWith(env: Record<string, string> = {}): Promise<TestApp> {
  return createTestApp({
    env: { COMMAND_RATE_LIMIT: '1000', ...env },
    override: (builder) =>
      builder.overrideProvider(OPENAI_CLIENT).useValue({ chat: { completions: { create } } }),
  });
}

const systemPromptOf = (call: number) =>
  (create.mock.calls[call][0] as { messages: { content: string }[] }).messages[0].content;

describe('POST /command with the OpenAI provider mocked', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await appWith();
  });
  afterAll(() => testApp.destroy());
  beforeEach(() => create.mockReset());

  it('decodes strict-mode answers: nulls dropped, JSON-encoded objects parsed', async () => {
    create.mockResolvedValueOnce(
      completion(
        JSON.stringify({
          objective: 'Set the ICP, then find matching prospects',
          steps: [
            {
              agent: 'core',
              action: 'set_context',
              params: { values: '{"icp":{"countries":["Germany"]}}' },
            },
            {
              agent: 'prospects',
              action: 'search',
              params: { titles: ['CTO'], limit: null, cities: null },
            },
            { agent: 'research', action: 'score_fit', params: { icp: null, threshold: 60 } },
          ],
          interpretation: {
            constraints: [
              { words: 'CTOs', step: 1, param: 'titles', value: 'CTO' },
              { words: 'above 60', step: 2, param: 'threshold', value: '60' },
            ],
            not_understood: [],
          },
        }),
      ),
    );
    const response = await request(testApp.server)
      .post('/command')
      .send({ command: 'Find CTOs and score them against our ICP, keeping those above 60' })
      .expect(201);
    expect(response.body.steps).toEqual([
      expect.objectContaining({
        params: { values: { icp: { countries: ['Germany'] } } },
        writes: ['icp'],
      }),
      expect.objectContaining({ params: { titles: ['CTO'] } }),
      expect.objectContaining({ params: { threshold: 60 }, reads: ['prospects', 'icp'] }),
    ]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0][0]).toMatchObject({
      model: 'gpt-4o-mini',
      max_completion_tokens: 2000,
    });
  });

  it('shows well-rated past plans of the same job type to the model, with their feedback', async () => {
    const pastPlan = {
      objective: 'Find CFOs in Austria',
      steps: [{ agent: 'prospects', action: 'search', params: { titles: ['CFO'] } }],
    };
    await request(testApp.server)
      .post('/context')
      .send({
        job_type: 'finance-outreach',
        context_data: {
          command: 'Find CFOs in Austria',
          plan: pastPlan,
          status: 'succeeded',
          feedback: [{ rating: 5, comment: 'exactly right' }],
        },
      })
      .expect(201);
    const viennaPlan = {
      objective: 'Find CFOs in Vienna',
      steps: [
        { agent: 'prospects', action: 'search', params: { titles: ['CFO'], cities: ['Vienna'] } },
      ],
      interpretation: {
        constraints: [
          { words: 'CFOs', step: 0, param: 'titles', value: 'CFO' },
          { words: 'in Vienna', step: 0, param: 'cities', value: 'Vienna' },
        ],
        not_understood: [],
      },
    };
    create.mockResolvedValue(completion(JSON.stringify(viennaPlan)));

    await request(testApp.server)
      .post('/command')
      .send({ command: 'Find CFOs in Vienna', job_type: 'finance-outreach' })
      .expect(201);
    expect(systemPromptOf(0)).toContain('Command: Find CFOs in Austria');
    expect(systemPromptOf(0)).toContain('Feedback: 5/5: exactly right');

    await request(testApp.server)
      .post('/command')
      .send({ command: 'Find CFOs in Vienna' })
      .expect(201);
    expect(systemPromptOf(1)).not.toContain('Find CFOs in Austria');
  });

  it('maps a RateLimitError thrown by the SDK to the 200 error body', async () => {
    create.mockRejectedValueOnce(
      OpenAI.APIError.generate(
        429,
        {
          error: {
            message: 'Rate limit reached for gpt-4o-mini',
            type: 'requests',
            code: 'rate_limit_exceeded',
          },
        },
        undefined,
        new Headers({ 'retry-after-ms': '1500' }),
      ),
    );
    const response = await request(testApp.server)
      .post('/command')
      .send({ command: 'Find CTOs' })
      .expect(200);
    expect(response.body).toEqual({
      error: 'Rate limit reached for gpt-4o-mini',
      error_type: 'rate_limit_exceeded',
      retry_after_seconds: 2,
    });
  });

  it.each([
    [{}, 'command must be a string'],
    [{ command: '   ' }, 'command must not be blank'],
    [{ command: 42 }, 'command must be a string'],
    [{ command: 'x'.repeat(4001) }, 'command must be shorter than or equal to 4000 characters'],
    [{ command: 'Find CTOs', context: ['a'] }, 'context must be an object'],
    [
      { command: 'Find CTOs', context: { blob: 'x'.repeat(70_000) } },
      'context must be at most 65536 bytes of JSON',
    ],
    [
      { command: 'Find CTOs', job_type: '' },
      'job_type must be longer than or equal to 1 characters',
    ],
    [{ command: 'Find CTOs', extra: true }, 'property extra should not exist'],
  ])('refuses bad input with 400 before any LLM call %#', async (body, message) => {
    const response = await request(testApp.server).post('/command').send(body).expect(400);
    expect(response.body.message).toContain(message);
    expect(create).not.toHaveBeenCalled();
  });

  it('answers 502 when a 200 from the provider holds no completion', async () => {
    create.mockResolvedValueOnce({ id: 'x', object: 'error', choices: undefined });
    const response = await request(testApp.server)
      .post('/command')
      .send({ command: 'Find CTOs' })
      .expect(502);
    expect(response.body).toMatchObject({
      error: 'llm_unavailable',
      message: 'The LLM provider answered without a completion',
    });
    expect(create).toHaveBeenCalledTimes(1);
  });
});

describe('LLM_RPM', () => {
  it('answers a call that would wait too long for its slot like a provider 429', async () => {
    const testApp = await appWith({ LLM_RPM: '1' });
    try {
      create.mockReset();
      create.mockResolvedValue(
        completion(
          JSON.stringify({
            objective: 'Wait',
            steps: [{ agent: 'core', action: 'wait', params: { seconds: 1 } }],
            interpretation: { constraints: [], not_understood: [] },
          }),
        ),
      );
      await request(testApp.server).post('/command').send({ command: 'Wait a second' }).expect(201);
      const response = await request(testApp.server)
        .post('/command')
        .send({ command: 'Wait a second' })
        .expect(200);
      expect(response.body).toEqual({
        error: expect.stringContaining('LLM calls are paced by LLM_RPM/LLM_TPM'),
        error_type: 'local_rate_limit',
        retry_after_seconds: expect.any(Number),
      });
      expect(response.body.retry_after_seconds).toBeGreaterThan(30);
      expect(create).toHaveBeenCalledTimes(1);
    } finally {
      await testApp.destroy();
    }
  });
});

describe('JOB_TOKEN_BUDGET', () => {
  it('stops further LLM calls of a job once its budget is used', async () => {
    const testApp = await appWith({ JOB_TOKEN_BUDGET: '300' });
    try {
      create.mockReset();
      create.mockResolvedValue(
        completion('not a plan', { prompt_tokens: 400, completion_tokens: 10 }),
      );
      const response = await request(testApp.server)
        .post('/command')
        .send({ command: 'Find CTOs' })
        .expect(422);
      expect(response.body).toMatchObject({ error: 'token_budget_exceeded' });
      expect(response.body.message).toMatch(
        /has used 410 LLM tokens of its JOB_TOKEN_BUDGET of 300/,
      );
      expect(create).toHaveBeenCalledTimes(1);
    } finally {
      await testApp.destroy();
    }
  });
});
