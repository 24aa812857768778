import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';

/** What a "past commands" list needs from GET /jobs, and the usage GET /jobs/{id} shows. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.destroy());

describe('GET /jobs as a history of commands', () => {
  it('lists the command text, type, status and times; an explicit plan has no command', async () => {
    const command = 'Find CTOs in France';
    const created = await request(t.server)
      .post('/command')
      .send({ command, job_type: 'tech-outreach' })
      .expect(201);
    const commandJob = created.body.job_id as string;
    const planJob = await createJob(t, [
      { agent: 'core', action: 'set_context', params: { values: { a: 1 } } },
    ]);
    await waitForJob(t, planJob, hasStatus('succeeded'));

    const page = (await request(t.server).get('/jobs?limit=100').expect(200)).body;
    const byId = new Map(
      page.items.map((job: { job_id: string }) => [job.job_id, job] as [string, unknown]),
    );
    expect(byId.get(commandJob)).toMatchObject({
      command,
      job_type: 'tech-outreach',
      status: expect.any(String),
      created_at: expect.any(String),
      updated_at: expect.any(String),
      approval: null,
    });
    expect(byId.get(planJob)).toMatchObject({ command: null, status: 'succeeded' });

    const job = (await request(t.server).get(`/jobs/${commandJob}`).expect(200)).body;
    expect(job).toMatchObject({
      command,
      usage: {
        calls: 0,
        total_tokens: 0,
        prompt_tokens: 0,
        completion_tokens: 0,
        estimated_cost_usd: expect.anything(),
      },
    });
  });
});
