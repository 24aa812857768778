import OpenAI from 'openai';
import request from 'supertest';
import { ProspectUpsertService } from '../src/agents/prospects/upsert/prospect-upsert.service';
import { ResearchAgentModule } from '../src/agents/research/research.module';
import { OPENAI_CLIENT } from '../src/orchestrator/llm/openai-client.provider';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createJob, hasStatus, JobBody, waitForJob } from './helpers/jobs';
import { chatCompletion } from './helpers/chat-completion';

/**
 * research.score_fit through real jobs: offline with the heuristic, and with the OpenAI provider
 * swapped for a mock answering in the SDK's real response shape (batches, bad output, failures).
 */
interface ScoredProspect {
  id: string;
  score: number;
  reasons: string[];
  [field: string]: unknown;
}

const vpSales = (id: string) => ({
  id,
  name: `Ana ${id}`,
  email: `ana.${id}@example.com`,
  title: 'VP of Sales',
  seniority: 'vp',
  country: 'Germany',
  company: { name: 'Acme', domain: 'acme.example', industry: 'Software', employee_count: 120 },
});
const engineer = (id: string) => ({
  id,
  name: `Ben ${id}`,
  title: 'Software Engineer',
  seniority: 'senior',
  country: 'Spain',
  company: { name: 'Beta', industry: 'Retail', employee_count: 5000 },
});
const ICP = {
  titles: ['VP of Sales'],
  seniorities: ['vp'],
  industries: ['Software'],
  countries: ['Germany'],
  employees_min: 50,
  employees_max: 500,
};

async function runScore(
  app: TestApp,
  values: Record<string, unknown>,
  params: Record<string, unknown> = {},
) {
  const jobId = await createJob(app, [
    { agent: 'core', action: 'set_context', params: { values } },
    { agent: 'research', action: 'score_fit', params },
  ]);
  const job = await waitForJob(app, jobId, hasStatus('succeeded', 'failed'), 20_000);
  const context = (await request(app.server).get(`/context/${jobId}`).expect(200)).body;
  const state = context.context_data.state as { prospects: ScoredProspect[] };
  return { jobId, job, prospects: state.prospects };
}

describe('research.score_fit offline (heuristic)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ imports: [ResearchAgentModule] });
  });
  afterAll(() => testApp.destroy());

  it('scores against the ICP in the state, keeps those at or above 50, best first', async () => {
    const partial = { ...vpSales('p3'), country: 'France' };
    const { job, prospects } = await runScore(testApp, {
      prospects: [engineer('p1'), vpSales('p2'), partial],
      icp: ICP,
    });
    expect(job.status).toBe('succeeded');
    expect(job.steps[1]).toMatchObject({ summary: 'Scored 3, kept 2 at ≥ 50' });
    expect(prospects.map((p) => [p.id, p.score])).toEqual([
      ['p2', 100],
      ['p3', 83],
    ]);
    expect(prospects[0]).toMatchObject({ name: 'Ana p2', email: 'ana.p2@example.com' });
    expect(prospects[0].reasons).toContain("Title matches 'VP of Sales' (+30)");
    expect(prospects[1].reasons).toContain("Country France is not 'Germany' (+0)");
  });

  it('merges params.icp over the state ICP and honours the threshold', async () => {
    const { job, prospects } = await runScore(
      testApp,
      { prospects: [engineer('p1'), vpSales('p2')], icp: ICP },
      { icp: { countries: ['Spain'] }, threshold: 90 },
    );
    expect(job.steps[1]).toMatchObject({ summary: 'Scored 2, kept 0 at ≥ 90' });
    expect(prospects).toEqual([]);
    const { prospects: all } = await runScore(
      testApp,
      { prospects: [engineer('p1'), vpSales('p2')], icp: ICP },
      { icp: { countries: ['Spain'] }, threshold: 0 },
    );
    expect(all.map((p) => [p.id, p.score])).toEqual([
      ['p2', 83],
      ['p1', 17],
    ]);
  });

  it('is refused when the plan is accepted, with no ICP in its params or the context', async () => {
    const response = await request(testApp.server)
      .post('/jobs')
      .send({
        objective: 'Score',
        steps: [
          { agent: 'core', action: 'set_context', params: { values: { prospects: [] } } },
          { agent: 'research', action: 'score_fit', params: {} },
        ],
      })
      .expect(422);
    expect(response.body.error).toBe('missing_input');
    expect(response.body.details[0].message).toContain(
      'research.score_fit needs an ideal customer profile',
    );
  });

  it('fails at once, not retried, when the ICP in the state is empty', async () => {
    const { job } = await runScore(testApp, { prospects: [vpSales('p1')], icp: {} });
    expect(job.status).toBe('failed');
    expect(job.steps[1].attempts).toBe(1);
    expect(job.error).toContain('research.score_fit needs an ideal customer profile');
  });

  it('fails at once on an invalid ICP in the state', async () => {
    const { job } = await runScore(testApp, {
      prospects: [vpSales('p1')],
      icp: { seniorities: ['boss'] },
    });
    expect(job.status).toBe('failed');
    expect(job.steps[1].attempts).toBe(1);
    expect(job.error).toContain('The job state\'s "icp" is invalid');
  });

  it('is planned by the offline planner from a command', async () => {
    const response = await request(testApp.server)
      .post('/command')
      .send({
        command: 'Score them against our ICP, above 60',
        context: { prospects: [vpSales('p1'), engineer('p2')], icp: ICP },
      })
      .expect(201);
    expect(response.body.steps).toEqual([
      expect.objectContaining({
        agent: 'research',
        action: 'score_fit',
        params: { threshold: 60 },
      }),
    ]);
    const job = await waitForJob(testApp, response.body.job_id, hasStatus('succeeded', 'failed'));
    expect(job.steps[0]).toMatchObject({ summary: 'Scored 2, kept 1 at ≥ 60' });
  });

  it('declares its parameters in GET /agents', async () => {
    const agents = (await request(testApp.server).get('/agents').expect(200)).body;
    const research = (agents.items ?? agents).find(
      (agent: { name: string }) => agent.name === 'research',
    );
    const scoreFit = research.actions.find(
      (action: { name: string }) => action.name === 'score_fit',
    );
    expect(scoreFit).toMatchObject({
      reads: ['prospects'],
      optional_reads: ['icp'],
      writes: ['prospects'],
    });
    expect(scoreFit.params_schema.properties.threshold).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 100,
    });
    expect(scoreFit.params_schema.properties.icp.properties.seniorities.items.enum).toContain(
      'c_level',
    );
    expect(scoreFit.params_schema.properties.icp.properties.employees_min.type).toBe('integer');
  });
});

describe('research.score_fit with the LLM mocked', () => {
  const create = jest.fn();
  const completion = (content: string) =>
    chatCompletion(content, { prompt_tokens: 1000, completion_tokens: 300 });
  const askedIds = (call: number) =>
    (
      JSON.parse(
        (create.mock.calls[call][0] as { messages: { content: string }[] }).messages[1].content,
      ) as {
        prospects: { id: string }[];
      }
    ).prospects.map((p) => p.id);
  let llmApp: TestApp;

  beforeAll(async () => {
    llmApp = await createTestApp({
      imports: [ResearchAgentModule],
      override: (builder) =>
        builder.overrideProvider(OPENAI_CLIENT).useValue({ chat: { completions: { create } } }),
    });
  });
  afterAll(() => llmApp.destroy());
  beforeEach(() => create.mockReset());

  it('asks in batches of 20, and falls back to the heuristic for what the model gets wrong', async () => {
    const prospects = Array.from({ length: 45 }, (_, index) =>
      index % 2 === 0 ? vpSales(`p${index}`) : engineer(`p${index}`),
    );
    // Batches may be asked in parallel: the answer depends on the batch, not on the call order.
    create.mockImplementation((body: { messages: { content: string }[] }) => {
      const { prospects: asked } = JSON.parse(body.messages[1].content) as {
        prospects: { id: string; title: string }[];
      };
      const ids = asked.map((p) => p.id);
      if (ids.includes('p0')) {
        // Batch 1: a valid score for every prospect.
        const scores = asked.map((p) => ({
          id: p.id,
          score: p.title === 'VP of Sales' ? 95 : 20,
          reasons: [`Model: ${p.title}`],
        }));
        return Promise.resolve(completion(JSON.stringify({ scores })));
      }
      // Batch 2: not JSON.
      if (ids.includes('p20')) return Promise.resolve(completion('Sorry, I cannot help.'));
      // Batch 3: an unknown id, a score out of range, and one good score.
      return Promise.resolve(
        completion(
          JSON.stringify({
            scores: [
              { id: 'nobody', score: 99, reasons: ['invented'] },
              { id: 'p40', score: 250, reasons: ['out of range'] },
              { id: 'p41', score: 77, reasons: ['Model likes this one'] },
            ],
          }),
        ),
      );
    });

    const {
      jobId,
      job,
      prospects: kept,
    } = await runScore(llmApp, { prospects, icp: ICP }, { threshold: 0 });
    expect(job.status).toBe('succeeded');
    expect(create).toHaveBeenCalledTimes(3);
    const batches = [0, 1, 2].map(askedIds).sort((a, b) => b.length - a.length);
    expect(batches.map((ids) => ids.length)).toEqual([20, 20, 5]);
    expect(batches.flat().sort()).toEqual(prospects.map((p) => p.id).sort());
    expect(batches[2]).toEqual(['p40', 'p41', 'p42', 'p43', 'p44']);
    expect(job.steps[1]).toMatchObject({
      summary: 'Scored 45, kept 45 at ≥ 0 (LLM 21, heuristic 24)',
    });

    const byId = new Map(kept.map((p) => [p.id, p]));
    expect(byId.get('p0')).toMatchObject({ score: 95, reasons: ['Model: VP of Sales'] });
    expect(byId.get('p1')).toMatchObject({ score: 20, reasons: ['Model: Software Engineer'] });
    // Batch 2 and the unusable answers of batch 3 are scored by the heuristic.
    expect(byId.get('p20')).toMatchObject({ score: 100 });
    expect(byId.get('p20')?.reasons).toContain("Title matches 'VP of Sales' (+30)");
    expect(byId.get('p40')).toMatchObject({ score: 100 });
    expect(byId.get('p41')).toMatchObject({ score: 77, reasons: ['Model likes this one'] });
    expect(kept.map((p) => p.score)).toEqual([...kept.map((p) => p.score)].sort((a, b) => b - a));

    const first = create.mock.calls.find(([body]) =>
      (body as { messages: { content: string }[] }).messages[1].content.includes('"p0"'),
    )?.[0] as {
      messages: { role: string; content: string }[];
      response_format: unknown;
    };
    expect(first.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'fit_scores', strict: true },
    });
    // The model sees what the fit depends on, not names or email addresses.
    expect(first.messages[1].content).not.toMatch(/example\.com|Ana p0/);
    expect(JSON.parse(first.messages[1].content).icp).toEqual(ICP);

    const usage = (await request(llmApp.server).get(`/jobs/${jobId}`).expect(200)).body as JobBody;
    expect(usage.usage).toMatchObject({ calls: 3, total_tokens: 3900 });
  });

  it('scores with the heuristic when the provider fails, and still succeeds', async () => {
    create.mockRejectedValue(
      OpenAI.APIError.generate(
        500,
        { error: { message: 'upstream down' } },
        undefined,
        new Headers(),
      ),
    );
    const { job, prospects } = await runScore(llmApp, {
      prospects: [vpSales('p1'), engineer('p2')],
      icp: ICP,
    });
    expect(job.status).toBe('succeeded');
    expect(job.steps[1]).toMatchObject({
      summary: 'Scored 2, kept 1 at ≥ 50 (LLM 0, heuristic 2; 1 LLM calls failed)',
    });
    expect(prospects).toEqual([expect.objectContaining({ id: 'p1', score: 100 })]);
  });
});

describe('fit scores kept on the prospects', () => {
  let testApp: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    testApp = await createTestApp();
    const stored = await testApp.app.get(ProspectUpsertService).upsertMany([
      {
        name: 'Ana Treffer',
        email: 'ana@treffer.example',
        title: 'VP of Sales',
        country: 'Germany',
        company: { name: 'Treffer GmbH', industry: 'Software', employeeCount: 120 },
      },
      {
        name: 'Bea Halbtreffer',
        email: 'bea@halb.example',
        title: 'VP of Sales',
        country: 'France',
        company: { name: 'Halb SAS', industry: 'Software', employeeCount: 120 },
      },
      {
        name: 'Cem Fehlgriff',
        email: 'cem@fehl.example',
        title: 'Software Engineer',
        country: 'Spain',
        company: { name: 'Fehl SL', industry: 'Retail', employeeCount: 5000 },
      },
    ]);
    ['ana', 'bea', 'cem'].forEach((key, index) => {
      ids[key] = (stored[index] as { id: string }).id;
    });
  });
  afterAll(() => testApp.destroy());

  const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);

  it('stores each score with its reasons, time and job, shown by GET /prospects/{id}', async () => {
    const before = (await request(testApp.server).get(`/prospects/${ids.ana}`).expect(200)).body;
    expect(before.fit).toBeNull();
    const started = Date.now();
    const jobId = await createJob(testApp, [
      { agent: 'prospects', action: 'search', params: {} },
      { agent: 'research', action: 'score_fit', params: { icp: ICP, threshold: 90 } },
    ]);
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'), 20_000);
    expect(job.status).toBe('succeeded');
    const state = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body
      .context_data.state as { prospects: ScoredProspect[] };
    // The step keeps only those at or above its threshold; every score is stored.
    expect(state.prospects.map((prospect) => prospect.id)).toEqual([ids.ana]);

    const ana = (await request(testApp.server).get(`/prospects/${ids.ana}`).expect(200)).body;
    expect(ana.fit).toEqual({
      score: 100,
      reasons: state.prospects[0].reasons,
      scored_at: expect.any(String),
      job_id: jobId,
    });
    expect(Date.parse(ana.fit.scored_at)).toBeGreaterThanOrEqual(started - 1000);
    const bea = (await request(testApp.server).get(`/prospects/${ids.bea}`).expect(200)).body;
    expect(bea.fit).toMatchObject({ score: 83, job_id: jobId });
    expect(bea.fit.reasons.join(' ')).toContain('France');
    const cem = (await request(testApp.server).get(`/prospects/${ids.cem}`).expect(200)).body;
    expect(cem.fit.score).toBeLessThan(50);
    expect(cem.updated_at).toBe(cem.created_at);
  });

  it('filters by min_score and sorts by score, unscored last, in the API and in a search step', async () => {
    await testApp.app
      .get(ProspectUpsertService)
      .upsertMany([{ name: 'Dora Ungeprueft', email: 'dora@neu.example', title: 'CTO' }]);
    const list = (query: Record<string, unknown>) =>
      request(testApp.server).get('/prospects').query(query).expect(200);

    const above = (await list({ min_score: 70 })).body;
    expect(above.total).toBe(2);
    expect(names(above)).toEqual(['Ana Treffer', 'Bea Halbtreffer']);
    expect(above.items.map((item: { fit: { score: number } }) => item.fit.score)).toEqual([
      100, 83,
    ]);
    expect(names((await list({ min_score: 100 })).body)).toEqual(['Ana Treffer']);
    expect(names((await list({ sort: '-score' })).body)).toEqual([
      'Ana Treffer',
      'Bea Halbtreffer',
      'Cem Fehlgriff',
      'Dora Ungeprueft',
    ]);
    expect(names((await list({ sort: 'score' })).body)).toEqual([
      'Cem Fehlgriff',
      'Bea Halbtreffer',
      'Ana Treffer',
      'Dora Ungeprueft',
    ]);
    expect(names((await list({ sort: '-score', skip: 1, limit: 2 })).body)).toEqual([
      'Bea Halbtreffer',
      'Cem Fehlgriff',
    ]);
    // The default order is unchanged: by name.
    expect(names((await list({})).body)).toEqual([
      'Ana Treffer',
      'Bea Halbtreffer',
      'Cem Fehlgriff',
      'Dora Ungeprueft',
    ]);
    const bad = await request(testApp.server)
      .get('/prospects')
      .query({ min_score: 101, sort: 'best' })
      .expect(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/min_score must not be greater than 100/);
    expect(JSON.stringify(bad.body.message)).toMatch(/sort must be one of name, score, -score/);

    // "The 10 best-fitting, scored above 70": the step writes them with their kept scores.
    const jobId = await createJob(testApp, [
      {
        agent: 'prospects',
        action: 'search',
        params: { min_score: 70, sort: '-score', limit: 10 },
      },
    ]);
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('succeeded');
    const state = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body
      .context_data.state as { prospects: ScoredProspect[] };
    expect(state.prospects.map((prospect) => [prospect.name, prospect.score])).toEqual([
      ['Ana Treffer', 100],
      ['Bea Halbtreffer', 83],
    ]);
    expect(state.prospects[0].reasons.length).toBeGreaterThan(0);
  });
});
