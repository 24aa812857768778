import request from 'supertest';
import { DataSource } from 'typeorm';
import { OPENAI_CLIENT } from '../src/orchestrator/llm/openai-client.provider';
import { chatCompletion } from './helpers/chat-completion';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';

/**
 * Industries that meet: an imported "SaaS" or "Computer Software" is a Software company for the
 * `industry` filter, the prospects.search action, both planners and the fit score; an industry
 * outside the vocabulary is kept as written and found by its words; companies stored before the
 * family column get their family at start-up.
 */
const CSV = [
  'name,email,title,company,website,industry,country',
  'Ana Saas,ana@saas.example,VP Sales,Saas Co,saas.example,SaaS,Germany',
  'Ben Soft,ben@soft.example,CTO,Soft Co,soft.example,Computer Software,Germany',
  'Cara Fin,cara@fin.example,CFO,Fin Co,fin.example,Fintech,Germany',
  'Dan Robo,dan@robo.example,COO,Robo Co,robo.example,Industrial Robotics,Germany',
].join('\n');
const SOFTWARE = ['Ana Saas', 'Ben Soft'];

async function importSample(app: TestApp): Promise<void> {
  const response = await request(app.server)
    .post('/prospects/import')
    .set('content-type', 'text/csv')
    .send(CSV)
    .expect(200);
  expect(response.body).toMatchObject({ inserted: 4, errors: [] });
}

async function namesFound(app: TestApp, industry: string): Promise<string[]> {
  const response = await request(app.server).get('/prospects').query({ industry }).expect(200);
  return response.body.items.map((item: { name: string }) => item.name);
}

interface ProspectInJob {
  name: string;
  score?: number;
  reasons?: string[];
}

async function prospectsOfJob(app: TestApp, jobId: string): Promise<ProspectInJob[]> {
  const job = await waitForJob(app, jobId, hasStatus('succeeded', 'failed'));
  expect(job.status).toBe('succeeded');
  const context = (await request(app.server).get(`/context/${jobId}`).expect(200)).body;
  return context.context_data.state.prospects as ProspectInJob[];
}

const names = (prospects: ProspectInJob[]) => prospects.map((prospect) => prospect.name).sort();

describe('industries by family', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
    await importSample(testApp);
  });
  afterAll(() => testApp.destroy());

  it('keeps the industry as written', async () => {
    const response = await request(testApp.server)
      .get('/prospects')
      .query({ q: 'ana' })
      .expect(200);
    expect(response.body.items[0].company.industry).toBe('SaaS');
  });

  it('finds SaaS and Computer Software with industry=Software, and the same with SaaS', async () => {
    expect(await namesFound(testApp, 'Software')).toEqual(SOFTWARE);
    expect(await namesFound(testApp, 'saas')).toEqual(SOFTWARE);
    expect(await namesFound(testApp, 'Software Development')).toEqual(SOFTWARE);
    const response = await request(testApp.server)
      .get('/prospects')
      .query({ industry: 'Software' })
      .expect(200);
    expect(response.body.total).toBe(2);
  });

  it('finds a narrower family with a broad one, and an unlisted industry by its words', async () => {
    expect(await namesFound(testApp, 'Financial Services')).toEqual(['Cara Fin']);
    expect(await namesFound(testApp, 'Robotics')).toEqual(['Dan Robo']);
    expect(await namesFound(testApp, 'Industrial Robotics,Fintech')).toEqual([
      'Cara Fin',
      'Dan Robo',
    ]);
  });

  it('finds them with prospects.search {industries: ["Software"]}', async () => {
    const jobId = await createJob(testApp, [
      { agent: 'prospects', action: 'search', params: { industries: ['Software'] } },
    ]);
    expect(names(await prospectsOfJob(testApp, jobId))).toEqual(SOFTWARE);
  });

  it('finds them from the offline planner\'s "software companies"', async () => {
    const planned = await request(testApp.server)
      .post('/command')
      .send({ command: 'Find people at software companies' })
      .expect(201);
    expect(planned.body.planner).toBe('offline');
    expect(planned.body.steps[0]).toMatchObject({
      agent: 'prospects',
      action: 'search',
      params: { industries: ['Software'] },
    });
    expect(names(await prospectsOfJob(testApp, planned.body.job_id as string))).toEqual(SOFTWARE);
  });

  it('scores a Software prospect as fitting an ICP of industries ["SaaS"]', async () => {
    const jobId = await createJob(testApp, [
      { agent: 'prospects', action: 'search', params: { industries: ['Software', 'Fintech'] } },
      {
        agent: 'research',
        action: 'score_fit',
        params: { icp: { industries: ['SaaS'] }, threshold: 0 },
      },
    ]);
    const scored = await prospectsOfJob(testApp, jobId);
    expect(scored.map(({ name, score }) => ({ name, score }))).toEqual([
      { name: 'Ana Saas', score: 100 },
      { name: 'Ben Soft', score: 100 },
      { name: 'Cara Fin', score: 0 },
    ]);
    expect(scored[1].reasons).toContain("Industry 'Computer Software' matches 'SaaS' (+15)");
  });

  it('gives companies stored without a family theirs at the next start', async () => {
    await testApp.app.get(DataSource).query('UPDATE companies SET industry_family = NULL');
    // Without families, only the words are left to match.
    expect(await namesFound(testApp, 'Software')).toEqual(['Ben Soft']);
    await testApp.close();
    testApp = await createTestApp({ dir: testApp.dir });
    expect(await namesFound(testApp, 'Software')).toEqual(SOFTWARE);
    expect(await namesFound(testApp, 'Financial Services')).toEqual(['Cara Fin']);
  });
});

describe('industries in the LLM planner', () => {
  const create = jest.fn();
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({
      override: (builder) =>
        builder.overrideProvider(OPENAI_CLIENT).useValue({ chat: { completions: { create } } }),
    });
    await importSample(testApp);
  });
  afterAll(() => testApp.destroy());

  it('tells the model industries match by family, and its plan finds the family', async () => {
    create.mockResolvedValueOnce(
      chatCompletion(
        JSON.stringify({
          objective: 'Find people at software companies',
          steps: [{ agent: 'prospects', action: 'search', params: { industries: ['Software'] } }],
          interpretation: {
            constraints: [
              { words: 'software companies', step: 0, param: 'industries', value: 'Software' },
            ],
            not_understood: [],
          },
        }),
      ),
    );
    const planned = await request(testApp.server)
      .post('/command')
      .send({ command: 'Find people at software companies' })
      .expect(201);
    expect(planned.body.planner).toBe('llm');
    const prompt = (create.mock.calls[0][0] as { messages: { content: string }[] }).messages[0]
      .content;
    expect(prompt).toContain('Company industries, matched by family');
    expect(prompt).toContain('Families: Software, Information Technology, Technology');
    expect(names(await prospectsOfJob(testApp, planned.body.job_id as string))).toEqual(SOFTWARE);
  });
});
