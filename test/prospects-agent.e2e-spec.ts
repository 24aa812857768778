import request from 'supertest';
import { SearchProspectsParams } from '../src/agents/prospects/prospects.agent';
import type { ProspectInState } from '../src/agents/prospects/prospect.types';
import { paramsJsonSchema, validateParams } from '../src/orchestrator/agents/action-params.util';
import { planOffline } from '../src/orchestrator/planning/offline/offline-planner';
import { SearchParams } from './fixtures/sales-agents.fixture';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createJob, hasStatus, JobBody, waitForJob } from './helpers/jobs';

/** The `prospects` agent over the sample data: its contract, real jobs, and a planned command. */
let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp({ env: { SEED_SAMPLE_DATA: 'true' } });
});
afterAll(() => testApp.destroy());

/** Runs one prospects.search step; answers the finished job and the prospects it wrote. */
async function runSearch(
  params: Record<string, unknown>,
): Promise<{ job: JobBody; prospects: ProspectInState[] }> {
  const jobId = await createJob(testApp, [{ agent: 'prospects', action: 'search', params }]);
  const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
  expect(job.status).toBe('succeeded');
  const context = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body;
  return { job, prospects: context.context_data.state.prospects as ProspectInState[] };
}

/** Ids of what GET /prospects finds (opted-out excluded), up to 100. */
async function idsFound(query: Record<string, unknown>): Promise<string[]> {
  const response = await request(testApp.server)
    .get('/prospects')
    .query({ ...query, opted_out: false, limit: 100 })
    .expect(200);
  return response.body.items.map((item: { id: string }) => item.id);
}

describe('prospects.search contract', () => {
  it('takes exactly the parameters the offline planner produces', () => {
    const ours = paramsJsonSchema(SearchProspectsParams);
    const planners = paramsJsonSchema(SearchParams);
    expect(Object.keys(ours.properties as object).sort()).toEqual(
      Object.keys(planners.properties as object).sort(),
    );
    for (const command of [
      'Find VPs of Sales at SaaS companies in Germany with 50-500 employees',
      'Find 50 CTOs and founders of fintech startups in the Nordics',
      'Find executives in marketing teams at enterprise companies in London or Paris using HubSpot',
      'Find senior leaders at mid-market healthcare companies in DACH',
    ]) {
      const plan = planOffline({ command, contextKeys: [] });
      expect(plan.ok).toBe(true);
      if (!plan.ok) continue;
      const search = plan.plan.steps.find((step) => step.action === 'search')!;
      expect(validateParams(SearchProspectsParams, search.params)).toMatchObject({ ok: true });
    }
  });

  it('is listed by GET /agents with a described schema and its write', async () => {
    const agents = (await request(testApp.server).get('/agents').expect(200)).body;
    const prospects = agents.find((agent: { name: string }) => agent.name === 'prospects');
    const search = prospects.actions.find((action: { name: string }) => action.name === 'search');
    expect(search).toMatchObject({ reads: [], writes: ['prospects'], side_effect: false });
    const properties = search.params_schema.properties;
    expect(properties.limit).toMatchObject({ type: 'integer', minimum: 1, maximum: 10_000_000 });
    expect(properties.employees_min).toMatchObject({ type: 'integer', minimum: 0 });
    expect(properties.titles).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(properties.seniorities.items.enum).toEqual([
      'founder',
      'c_level',
      'vp',
      'director',
      'manager',
      'senior',
      'entry',
    ]);
    for (const property of Object.values(properties)) {
      expect(property).toHaveProperty('description');
    }
  });

  it('refuses invalid parameters before the job is created', async () => {
    const response = await request(testApp.server)
      .post('/jobs')
      .send({
        objective: 'Bad search',
        steps: [
          {
            agent: 'prospects',
            action: 'search',
            params: { limit: 0, seniorities: ['boss'], employees_min: 500, employees_max: 50 },
          },
        ],
      })
      .expect(422);
    const paths = response.body.details.map((problem: { path: string }) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'steps[0].params.limit',
        'steps[0].params.seniorities',
        'steps[0].params.employees_max',
      ]),
    );
  });
});

describe('prospects.search in a job', () => {
  it('writes the matching prospects to the job state', async () => {
    const criteria = {
      titles: ['VP of Sales'],
      industries: ['Software'],
      countries: ['Germany'],
      employees_min: 50,
      employees_max: 500,
    };
    const { job, prospects } = await runSearch(criteria);
    const expected = await idsFound({
      title: 'VP of Sales',
      industry: 'Software',
      country: 'Germany',
      employees_min: 50,
      employees_max: 500,
    });
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(prospects.map((prospect) => prospect.id)).toEqual(expected);
    expect(job.steps[0]).toMatchObject({
      summary: `Found ${expected.length} prospects`,
      output_keys: ['prospects'],
    });
    for (const prospect of prospects) {
      expect(prospect).toMatchObject({
        title: expect.stringMatching(/^(VP|SVP|Vice President)\b.*Sales$/),
        seniority: 'vp',
        department: 'Sales',
        country: 'Germany',
        company: { industry: 'Software', country: 'Germany' },
      });
      expect(prospect.email).toMatch(/@[a-z0-9]+\.example$/);
      expect(prospect.company.employee_count).toBeGreaterThanOrEqual(50);
      expect(prospect.company.employee_count).toBeLessThanOrEqual(500);
      expect(prospect.company.website_url).toBe(`https://${prospect.company.domain}`);
      expect(prospect).not.toHaveProperty('linkedin_url');
    }
  });

  it('takes a title OR a seniority, and applies the other criteria to both', async () => {
    const { prospects } = await runSearch({
      titles: ['CTO'],
      seniorities: ['founder'],
      cities: ['Berlin'],
      limit: 1000,
    });
    const expected = [
      ...(await idsFound({ title: 'CTO', city: 'Berlin' })),
      ...(await idsFound({ seniority: 'founder', city: 'Berlin' })),
    ];
    expect(prospects.map((prospect) => prospect.id).sort()).toEqual([...new Set(expected)].sort());
    expect(prospects.some((prospect) => prospect.seniority === 'founder')).toBe(true);
    expect(prospects.some((prospect) => prospect.title === 'CTO')).toBe(true);
  });

  it('filters by department and keyword', async () => {
    const { prospects } = await runSearch({ departments: ['marketing'], keywords: ['webinar'] });
    expect(prospects.length).toBeGreaterThan(0);
    for (const prospect of prospects) {
      expect(prospect.department).toBe('Marketing');
      expect(prospect.tags).toContain('webinar');
    }
  });

  it('never returns opted-out prospects', async () => {
    const criteria = { titles: ['VP of Sales'], countries: ['Germany'], industries: ['Software'] };
    const before = await runSearch(criteria);
    const victim = before.prospects[0].id;
    await request(testApp.server).post(`/prospects/${victim}/opt-out`).expect(200);
    const after = await runSearch(criteria);
    expect(after.prospects.map((prospect) => prospect.id)).toEqual(
      before.prospects.map((prospect) => prospect.id).filter((id) => id !== victim),
    );
    const optedOut = await request(testApp.server).get('/prospects?opted_out=true').expect(200);
    expect(optedOut.body.total).toBeGreaterThan(1);
    const everyone = await runSearch({ limit: 1000 });
    const optedOutIds = new Set(
      (
        await request(testApp.server).get('/prospects?opted_out=true&limit=100').expect(200)
      ).body.items.map((item: { id: string }) => item.id),
    );
    expect(everyone.prospects.filter((prospect) => optedOutIds.has(prospect.id))).toEqual([]);
  });

  it('returns 100 prospects by default, up to the limit given', async () => {
    const total = (await request(testApp.server).get('/prospects?country=Germany&opted_out=false'))
      .body.total as number;
    expect(total).toBeGreaterThan(100);
    const byDefault = await runSearch({ countries: ['Germany'] });
    expect(byDefault.prospects).toHaveLength(100);
    expect(byDefault.job.steps[0].summary).toBe(
      `Found 100 of ${total} matching prospects (limit 100)`,
    );
    const all = await runSearch({ countries: ['Germany'], limit: 1000 });
    expect(all.prospects).toHaveLength(total);
    expect(all.job.steps[0].summary).toBe(`Found ${total} prospects`);
    const few = await runSearch({ countries: ['Germany'], limit: 3 });
    expect(few.prospects.map((prospect) => prospect.id)).toEqual(
      all.prospects.slice(0, 3).map((prospect) => prospect.id),
    );
  });

  it('writes an empty list when nothing matches', async () => {
    const { job, prospects } = await runSearch({ titles: ['Chief Dragon Officer'] });
    expect(prospects).toEqual([]);
    expect(job.steps[0].summary).toBe('Found 0 prospects');
  });
});

describe('POST /command with the offline planner', () => {
  it('finds VPs of Sales at SaaS companies in Germany with 50-500 employees', async () => {
    const planned = await request(testApp.server)
      .post('/command')
      .send({ command: 'Find VPs of Sales at SaaS companies in Germany with 50-500 employees' })
      .expect(201);
    expect(planned.body.planner).toBe('offline');
    expect(planned.body.steps).toHaveLength(1);
    expect(planned.body.steps[0]).toMatchObject({ agent: 'prospects', action: 'search' });
    const job = await waitForJob(testApp, planned.body.job_id, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('succeeded');
    const state = (await request(testApp.server).get(`/context/${planned.body.job_id}`).expect(200))
      .body.context_data.state;
    const prospects = state.prospects as ProspectInState[];
    expect(prospects.length).toBeGreaterThanOrEqual(5);
    for (const prospect of prospects) {
      expect(prospect.title).toMatch(/^(VP|Vice President|SVP)\b.*Sales/);
      expect(prospect).toMatchObject({ country: 'Germany', company: { industry: 'Software' } });
      expect(prospect.company.employee_count).toBeGreaterThanOrEqual(50);
      expect(prospect.company.employee_count).toBeLessThanOrEqual(500);
    }
  });
});
