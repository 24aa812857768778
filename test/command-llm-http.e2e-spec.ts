import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { apiError, chatCompletion, FakeOpenAiServer } from './helpers/fake-openai-server';

/**
 * The real `openai` SDK against a fake OpenAI-compatible server on loopback: the HTTP boundary
 * of planning, its error mapping and its fallbacks. Nothing here reaches the real API.
 */
const API_KEY = 'sk-test-0123456789abcdefghijklmnop';
const fake = new FakeOpenAiServer();
let testApp: TestApp;

const validPlan = {
  objective: 'Find VPs of Sales in Germany and draft intro emails',
  steps: [
    {
      agent: 'prospects',
      action: 'search',
      params: {
        titles: ['VP of Sales'],
        countries: ['Germany'],
        seniorities: null,
        industries: null,
        employees_min: null,
        employees_max: null,
        keywords: null,
        departments: null,
        cities: null,
        limit: null,
      },
    },
    { agent: 'email', action: 'draft', params: { tone: 'friendly', instructions: null } },
  ],
  interpretation: {
    constraints: [
      { words: 'VPs of Sales', step: 0, param: 'titles', value: 'VP of Sales' },
      { words: 'in Germany', step: 0, param: 'countries', value: 'Germany' },
    ],
    not_understood: [],
  },
};

// email.draft needs a sender: the context gives one.
const command = (body: object = {}) =>
  request(testApp.server)
    .post('/command')
    .send({
      command: 'Find VPs of Sales in Germany and draft intro emails',
      context: { sender: 'Ana from Acme' },
      ...body,
    });

const appFor = (baseUrl: string) =>
  createTestApp({
    env: {
      OPENAI_API_KEY: API_KEY,
      OPENAI_BASE_URL: baseUrl,
      OPENAI_MAX_RETRIES: '0',
      OPENAI_TIMEOUT_MS: '400',
      COMMAND_RATE_LIMIT: '1000',
      LOG_LEVEL: 'info',
    },
  });

beforeAll(async () => {
  await fake.start();
  testApp = await appFor(fake.baseUrl);
});

afterAll(async () => {
  await testApp.destroy();
  await fake.stop();
});

describe('POST /command with an LLM (real SDK, fake server)', () => {
  it('plans with strict structured output built from the registry', async () => {
    fake.reset(() => chatCompletion(JSON.stringify(validPlan)));
    const response = await command().expect(201);

    expect(response.body).toMatchObject({
      objective: validPlan.objective,
      planner: 'llm',
      status: 'queued',
      job_type: 'prospecting',
      steps: [
        {
          agent: 'prospects',
          action: 'search',
          params: { titles: ['VP of Sales'], countries: ['Germany'] },
          writes: ['prospects'],
        },
        {
          agent: 'email',
          action: 'draft',
          params: { tone: 'friendly' },
          reads: ['prospects', 'sender'],
        },
      ],
      usage: { calls: 1, prompt_tokens: 1200, completion_tokens: 150, total_tokens: 1350 },
      interpretation: validPlan.interpretation,
    });
    expect(response.body.usage.estimated_cost_usd).toBeCloseTo((1200 * 0.15 + 150 * 0.6) / 1e6, 9);

    const [sent] = fake.requests;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(sent.body.model).toBe('gpt-4o-mini');
    expect(sent.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'action_plan', strict: true },
    });
    const schema = sent.body.response_format?.json_schema?.schema as { required: string[] };
    expect(schema.required).toEqual(['objective', 'steps', 'interpretation']);
    const schemaText = JSON.stringify(schema);
    for (const name of ['prospects', 'search', 'email', 'send', 'core', 'set_context']) {
      expect(schemaText).toContain(`"${name}"`);
    }
    expect(sent.body.messages[0].role).toBe('system');
    expect(sent.body.messages[0].content).toContain('- email.send: Sends the drafts');
    expect(sent.body.messages[1].content).toContain('Command: Find VPs of Sales in Germany');
    expect(sent.body.messages[1].content).toContain('Context keys already in the state: sender');

    const context = await request(testApp.server)
      .get(`/context/${response.body.job_id}`)
      .expect(200);
    expect(context.body.context_data).toMatchObject({
      command: 'Find VPs of Sales in Germany and draft intro emails',
      input: { sender: 'Ana from Acme' },
      planner: 'llm',
      plan: { objective: validPlan.objective, steps: [{ agent: 'prospects' }, { agent: 'email' }] },
      usage: { total_tokens: 1350 },
    });
  });

  it("answers the provider's 429 (insufficient_quota) with 200 and its message", async () => {
    const before = await request(testApp.server).get('/contexts').expect(200);
    fake.reset(() =>
      apiError(
        429,
        {
          message: 'You exceeded your current quota, please check your plan and billing details.',
          type: 'insufficient_quota',
          code: 'insufficient_quota',
        },
        { 'retry-after': '1' },
      ),
    );
    const response = await command().expect(200);
    expect(response.body).toEqual({
      error: 'You exceeded your current quota, please check your plan and billing details.',
      error_type: 'insufficient_quota',
      retry_after_seconds: 1,
    });
    const after = await request(testApp.server).get('/contexts').expect(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it("holds the next LLM call back for the provider's Retry-After", async () => {
    const arrivals: number[] = [];
    fake.reset(() => {
      arrivals.push(Date.now());
      return arrivals.length === 1
        ? apiError(
            429,
            { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' },
            { 'retry-after': '1' },
          )
        : chatCompletion(JSON.stringify(validPlan));
    });
    await command().expect(200);
    await command().expect(201);
    // The limiter pauses every call until the provider's Retry-After has passed.
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(950);
  });

  it('sends the problems back once when the answer is not a plan, then gives up with 502', async () => {
    fake.reset(() => chatCompletion('Sure! Here is your plan: step 1, find people.'));
    const response = await command().expect(502);
    expect(response.body).toMatchObject({ statusCode: 502, error: 'invalid_plan' });
    expect(response.body.details[0].message).toMatch(/^the answer is not JSON/);
    expect(fake.requests).toHaveLength(2);
    const repair = fake.requests[1].body.messages;
    expect(repair.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair[2].content).toBe('Sure! Here is your plan: step 1, find people.');
    expect(repair[3].content).toContain('That plan cannot run');
  });

  it('accepts the repaired plan when the second answer is valid', async () => {
    let calls = 0;
    fake.reset(() =>
      ++calls === 1
        ? chatCompletion(
            JSON.stringify({
              objective: 'x',
              steps: [{ agent: 'crm', action: 'sync', params: {} }],
            }),
          )
        : chatCompletion(JSON.stringify(validPlan)),
    );
    const response = await command().expect(201);
    expect(response.body.usage).toMatchObject({ calls: 2, total_tokens: 2700 });
    expect(fake.requests[1].body.messages[3].content).toContain('unknown agent "crm"');
  });

  it('maps a provider 500 to 502', async () => {
    fake.reset(() => apiError(500, { message: 'The server had an error', type: 'server_error' }));
    const response = await command().expect(502);
    expect(response.body).toMatchObject({
      error: 'llm_unavailable',
      message: 'The LLM provider failed (HTTP 500)',
    });
  });

  it('maps a hang past OPENAI_TIMEOUT_MS to 504', async () => {
    fake.reset(() => ({ hang: true }));
    const response = await command().expect(504);
    expect(response.body).toMatchObject({ error: 'llm_timeout' });
    expect(response.body.message).toContain('400 ms');
  });

  it('answers 502 "LLM credentials rejected" on 401, with the key in no response or log', async () => {
    fake.reset(() =>
      apiError(401, {
        message: `Incorrect API key provided: ${API_KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      }),
    );
    const response = await command().expect(502);
    expect(response.body).toMatchObject({
      error: 'llm_credentials',
      message: 'LLM credentials rejected',
    });
    expect(JSON.stringify(response.body)).not.toContain(API_KEY);

    const logDir = join(testApp.dir, 'logs');
    const logs = readdirSync(logDir)
      .map((file) => readFileSync(join(logDir, file), 'utf8'))
      .join('\n');
    expect(logs).toContain('LLM call failed');
    expect(logs).not.toContain(API_KEY);
  });
});

// The planner remembers a refusal of json_schema for the life of the process: a fresh app.
describe('POST /command with a server without JSON Schema outputs', () => {
  let suiteApp: TestApp;
  beforeAll(async () => {
    suiteApp = testApp;
    testApp = await appFor(fake.baseUrl);
  });
  afterAll(async () => {
    await testApp.destroy();
    testApp = suiteApp;
  });

  it('falls back to JSON mode when the server refuses json_schema, and stays there', async () => {
    fake.reset((req) =>
      req.body.response_format?.type === 'json_schema'
        ? apiError(400, {
            message:
              "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
            type: 'invalid_request_error',
            param: 'response_format',
          })
        : chatCompletion(JSON.stringify(validPlan)),
    );
    await command().expect(201);
    expect(fake.requests.map((req) => req.body.response_format?.type)).toEqual([
      'json_schema',
      'json_object',
    ]);
    expect(fake.requests[1].body.messages[0].content).toContain(
      'validates against this JSON Schema',
    );

    fake.requests.length = 0;
    await command().expect(201);
    expect(fake.requests.map((req) => req.body.response_format?.type)).toEqual(['json_object']);
  });
});

describe('POST /command with an unreachable LLM server', () => {
  it('answers 502 when nothing listens at OPENAI_BASE_URL', async () => {
    const closed = new FakeOpenAiServer();
    await closed.start();
    const baseUrl = closed.baseUrl;
    await closed.stop();
    const unreachable = await appFor(baseUrl);
    try {
      const response = await request(unreachable.server)
        .post('/command')
        .send({ command: 'Find CTOs' })
        .expect(502);
      expect(response.body).toMatchObject({
        error: 'llm_unavailable',
        message: 'Could not connect to the LLM provider',
      });
    } finally {
      await unreachable.destroy();
    }
  });
});
