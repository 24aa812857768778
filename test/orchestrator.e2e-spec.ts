import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';

/** GET /agents, POST /jobs and POST /command with the offline planner (no OPENAI_API_KEY). */
describe('orchestrator without an LLM', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({
      env: { COMMAND_RATE_LIMIT: '1000' },
    });
  });
  afterAll(() => testApp.destroy());

  describe('GET /agents', () => {
    it('lists every agent with each action, its schema and its data flow', async () => {
      const response = await request(testApp.server).get('/agents').expect(200);
      expect(response.body.map((agent: { name: string }) => agent.name)).toEqual([
        'core',
        'email',
        'export',
        'prospects',
        'research',
        'sequences',
      ]);
      const core = response.body[0];
      expect(core.actions.map((action: { name: string }) => action.name)).toEqual([
        'review',
        'set_context',
        'wait',
      ]);
      expect(core.actions[0]).toMatchObject({ requires_approval: true, side_effect: false });
      expect(core.actions.slice(1)).toEqual([
        {
          name: 'set_context',
          description: 'Merges the given values into the job state, for later steps to read',
          params_schema: {
            type: 'object',
            properties: {
              values: {
                type: 'object',
                description: 'Keys and values to merge into the job state',
              },
            },
            required: ['values'],
            additionalProperties: false,
          },
          reads: [],
          optional_reads: [],
          needs: [],
          writes: ['*'],
          side_effect: false,
          requires_approval: false,
          available: true,
        },
        expect.objectContaining({
          name: 'wait',
          params_schema: expect.objectContaining({
            properties: {
              seconds: expect.objectContaining({ type: 'integer', minimum: 1, maximum: 2592000 }),
            },
          }),
        }),
      ]);
      const email = response.body.find((agent: { name: string }) => agent.name === 'email');
      expect(email.actions[1]).toMatchObject({
        name: 'send',
        reads: ['drafts'],
        side_effect: true,
        requires_approval: true,
      });
    });
  });

  describe('POST /command (offline planner)', () => {
    it('plans a common sales command and stores the job context at once', async () => {
      const response = await request(testApp.server)
        .post('/command')
        .send({
          command:
            'Find VPs of Sales at SaaS companies in Germany, score them against our ICP and draft intro emails',
          context: { sender: 'Ana from Acme', offer: 'A 14-day pilot' },
        })
        .expect(201);
      expect(response.body).toMatchObject({
        planner: 'offline',
        status: 'queued',
        job_type: 'prospecting',
      });
      expect(
        response.body.steps.map(
          (step: { agent: string; action: string }) => `${step.agent}.${step.action}`,
        ),
      ).toEqual(['prospects.search', 'research.score_fit', 'email.draft']);
      expect(response.body.steps[0].params).toMatchObject({
        titles: ['VP of Sales'],
        countries: ['Germany'],
      });
      expect(response.body.steps[2].reads).toEqual(['prospects', 'sender', 'offer']);
      expect(response.body.usage).toEqual({
        calls: 0,
        prompt_tokens: 0,
        completion_tokens: 0,
        total_tokens: 0,
        estimated_cost_usd: 0,
      });

      const context = await request(testApp.server)
        .get(`/context/${response.body.job_id}`)
        .expect(200);
      expect(context.body.job_type).toBe('prospecting');
      expect(context.body.context_data).toMatchObject({
        command: expect.stringContaining('Find VPs of Sales'),
        input: { sender: 'Ana from Acme', offer: 'A 14-day pilot' },
        state: { sender: 'Ana from Acme', offer: 'A 14-day pilot' },
        planner: 'offline',
        plan: { objective: response.body.objective, steps: response.body.steps },
      });
    });

    it('keeps the job_type it is given', async () => {
      const response = await request(testApp.server)
        .post('/command')
        .send({ command: 'Find CTOs in France', job_type: 'tech-outreach' })
        .expect(201);
      expect(response.body.job_type).toBe('tech-outreach');
      await request(testApp.server).get(`/context/${response.body.job_id}`).expect(200);
    });

    it('answers 422 with what it understands when it cannot map the command', async () => {
      const response = await request(testApp.server)
        .post('/command')
        .send({ command: 'What is the weather in Paris tomorrow?' })
        .expect(422);
      expect(response.body.error).toBe('command_not_understood');
      expect(response.body.message).toContain('OPENAI_API_KEY');
    });
  });

  describe('POST /jobs', () => {
    const steps = [
      {
        agent: 'prospects',
        action: 'search',
        params: { titles: ['Head of Marketing'], limit: 20 },
      },
      { agent: 'export', action: 'spreadsheet', params: { format: 'csv' } },
    ];

    it('accepts a valid explicit plan with no LLM call', async () => {
      const response = await request(testApp.server)
        .post('/jobs')
        .send({ objective: 'Export marketing heads', steps, job_type: 'exports' })
        .expect(201);
      expect(response.body).toMatchObject({
        objective: 'Export marketing heads',
        planner: 'explicit',
        status: 'queued',
        job_type: 'exports',
        steps: [{ writes: ['prospects'] }, { reads: ['prospects'], writes: ['export'] }],
      });
      const context = await request(testApp.server)
        .get(`/context/${response.body.job_id}`)
        .expect(200);
      expect(context.body.context_data.command).toBeUndefined();
      expect(context.body.context_data.plan.steps).toHaveLength(2);
    });

    it('validates it exactly like an LLM plan: 422 invalid_plan naming each problem', async () => {
      const before = (await request(testApp.server).get('/contexts').expect(200)).body.total;
      const response = await request(testApp.server)
        .post('/jobs')
        .send({
          objective: 'Broken',
          steps: [
            { agent: 'email', action: 'draft', params: { tone: 'sarcastic' } },
            { agent: 'export', action: 'spreadsheet' },
            { agent: 'crm', action: 'sync' },
          ],
        })
        .expect(422);
      expect(response.body).toMatchObject({
        statusCode: 422,
        error: 'invalid_plan',
        message: 'The plan cannot run',
      });
      expect(response.body.details).toEqual([
        { path: 'steps[0]', message: expect.stringContaining('email.draft reads "prospects"') },
        {
          path: 'steps[0]',
          message: expect.stringContaining('email.draft needs a sender'),
          missing: ['state.sender'],
        },
        { path: 'steps[0].params.tone', message: expect.stringContaining('must be one of') },
        {
          path: 'steps[1]',
          message: expect.stringContaining('export.spreadsheet reads "prospects"'),
        },
        { path: 'steps[2].agent', message: expect.stringContaining('unknown agent "crm"') },
      ]);
      const after = (await request(testApp.server).get('/contexts').expect(200)).body.total;
      expect(after).toBe(before);
    });

    it('lets the context provide what the first step reads', async () => {
      await request(testApp.server)
        .post('/jobs')
        .send({
          objective: 'Score the given prospects',
          steps: [{ agent: 'research', action: 'score_fit', params: { icp: { titles: ['CTO'] } } }],
          context: { prospects: [] },
        })
        .expect(201);
    });

    it.each([
      [{ steps }, 'objective must be a string'],
      [{ objective: 'x', steps: 'search' }, 'steps must be an array'],
      [{ objective: 'x', steps, context: 'csv' }, 'context must be an object'],
    ])('refuses a malformed body with 400 %#', async (body, message) => {
      const response = await request(testApp.server).post('/jobs').send(body).expect(400);
      expect(response.body.message).toContain(message);
    });
  });

  it('documents the new routes in Swagger', async () => {
    const docs = await request(testApp.server).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/command', '/jobs', '/agents']),
    );
    expect(docs.body.paths['/command'].post.responses).toHaveProperty('200');
    expect(docs.body.paths['/command'].post.responses).toHaveProperty('502');
  });
});

describe('orchestrator with only the built-in agents', () => {
  it('says which actions an offline plan needs that are not configured', async () => {
    const testApp = await createTestApp();
    try {
      const response = await request(testApp.server)
        .post('/command')
        .send({
          command: 'Find VPs of Sales in Germany, draft intro emails and send them',
          context: { sender: 'Ana from Acme' },
        })
        .expect(422);
      expect(response.body.error).toBe('invalid_plan');
      expect(response.body.details).toEqual([
        {
          path: 'steps[2].action',
          message: 'email.send is unavailable: SMTP is not configured: set SMTP_URL and EMAIL_FROM',
        },
      ]);
      const agents = await request(testApp.server).get('/agents').expect(200);
      expect(agents.body.map((agent: { name: string }) => agent.name)).toEqual([
        'core',
        'email',
        'export',
        'prospects',
        'research',
        'sequences',
      ]);
    } finally {
      await testApp.destroy();
    }
  });
});
