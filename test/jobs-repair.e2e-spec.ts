import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createJob, hasStatus, JobBody, parseSse, waitForJob } from './helpers/jobs';

/**
 * Failures that can be repaired: inputs a step needs are checked when the plan is accepted
 * (POST /jobs, POST /command), and a failed job resumes with a patched state or edited params
 * (POST /jobs/{id}/retry), validated like a plan, changing nothing when refused.
 */
const NEEDS_ICP =
  'research.score_fit needs an ideal customer profile: add params.icp to the step or "icp" to the context';

const prospect = {
  id: 'p1',
  name: 'Ana Beispiel',
  email: 'ana@beispiel.example',
  title: 'VP of Sales',
  seniority: 'vp',
  country: 'Germany',
  company: { name: 'Beispiel GmbH', industry: 'Software', employee_count: 120 },
};
const setProspects = {
  agent: 'core',
  action: 'set_context',
  params: { values: { prospects: [prospect] } },
};
const scoreFit = (params: Record<string, unknown> = {}) => ({
  agent: 'research',
  action: 'score_fit',
  params,
});

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp({ env: { COMMAND_RATE_LIMIT: '1000' } });
});
afterAll(() => testApp.destroy());

const get = (path: string) => request(testApp.server).get(path).expect(200);
const retry = (jobId: string, body?: object) => {
  const call = request(testApp.server).post(`/jobs/${jobId}/retry`);
  return body === undefined ? call : call.send(body);
};
const contextOf = async (jobId: string) => (await get(`/context/${jobId}`)).body.context_data;

/** A job whose scoring step fails at once (not retried) on the invalid ICP in its context. */
async function jobFailedOnItsIcp(): Promise<{ jobId: string; failed: JobBody }> {
  const jobId = await createJob(testApp, [setProspects, scoreFit()], {
    icp: { seniorities: ['boss'] },
  });
  const failed = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
  expect(failed).toMatchObject({
    status: 'failed',
    current_step: 1,
    steps: [{ status: 'succeeded' }, { status: 'failed', attempts: 1 }],
  });
  expect(failed.error).toContain('The job state\'s "icp" is invalid');
  return { jobId, failed };
}

describe('inputs a step needs, checked when the plan is accepted', () => {
  it('POST /jobs refuses scoring without an ICP, naming the step, the input and where to add it', async () => {
    const response = await request(testApp.server)
      .post('/jobs')
      .send({ objective: 'Score them', steps: [setProspects, scoreFit({ threshold: 60 })] })
      .expect(422);
    expect(response.body).toMatchObject({
      error: 'missing_input',
      message: 'The plan needs inputs it was not given: add them to the steps or the context',
      details: [{ path: 'steps[1]', message: NEEDS_ICP, missing: ['params.icp', 'state.icp'] }],
    });
    // The same plan runs once the context (or the step) gives the ICP.
    await request(testApp.server)
      .post('/jobs')
      .send({
        objective: 'Score them',
        steps: [setProspects, scoreFit({ threshold: 60 })],
        context: { icp: { titles: ['VP of Sales'] } },
      })
      .expect(201);
  });

  it('POST /command refuses the offline plan the same way: scoring without an ICP, drafting without a sender', async () => {
    const scoring = await request(testApp.server)
      .post('/command')
      .send({ command: 'Score them against our ICP', context: { prospects: [prospect] } })
      .expect(422);
    expect(scoring.body).toMatchObject({
      error: 'missing_input',
      details: [{ path: 'steps[0]', message: NEEDS_ICP }],
    });
    expect(scoring.body.message).toContain('add them to the context or name them in the command');
    const drafting = await request(testApp.server)
      .post('/command')
      .send({ command: 'Draft intro emails to them', context: { prospects: [prospect] } })
      .expect(422);
    expect(drafting.body.details).toEqual([
      {
        path: 'steps[0]',
        message:
          'email.draft needs a sender to sign the emails (e.g. "Ana from Acme"): add "sender" to the context',
        missing: ['state.sender'],
      },
    ]);
  });

  it('GET /agents shows what each action needs', async () => {
    const agents = (await get('/agents')).body as {
      name: string;
      actions: { name: string; needs: unknown }[];
    }[];
    const action = (agent: string, name: string) =>
      agents.find((entry) => entry.name === agent)!.actions.find((entry) => entry.name === name)!;
    expect(action('research', 'score_fit').needs).toEqual([
      { any_of: ['params.icp', 'state.icp'], what: 'an ideal customer profile' },
    ]);
    expect(action('prospects', 'search').needs).toEqual([]);
  });
});

describe('POST /jobs/{id}/retry with changes', () => {
  it('resumes from the failed step on the patched state, and succeeds', async () => {
    const { jobId } = await jobFailedOnItsIcp();
    const icp = { seniorities: ['vp'], titles: ['VP of Sales'] };
    const retried = await retry(jobId, { context: { icp } }).expect(200);
    expect(retried.body.status).toBe('queued');
    const done = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(done).toMatchObject({
      status: 'succeeded',
      error: null,
      steps: [
        { status: 'succeeded', attempts: 1 },
        { status: 'succeeded', attempts: 1, summary: 'Scored 1, kept 1 at ≥ 50' },
      ],
    });
    const context = await contextOf(jobId);
    expect(context.state.icp).toEqual(icp);
    expect(context.state.prospects).toEqual([expect.objectContaining({ id: 'p1', score: 100 })]);
    // The patched state is a checkpoint of its own, after the last completed step.
    const checkpoints = (await get(`/jobs/${jobId}/checkpoints`)).body;
    expect(checkpoints.map((c: { step_index: number }) => c.step_index)).toEqual([0, 0, 1]);
    expect(checkpoints[1].state).toEqual({ icp, prospects: [prospect] });
    const events = parseSse((await get(`/jobs/${jobId}/events`)).text);
    expect(events.find((event) => event.event === 'job_retried')?.data).toMatchObject({
      step: 1,
      context_keys: ['icp'],
    });
  });

  it("takes edited params for the failed step, validated like the plan's", async () => {
    const { jobId } = await jobFailedOnItsIcp();
    await retry(jobId, {
      context: { icp: null },
      params: { icp: { countries: ['Germany'] }, threshold: 90 },
    }).expect(200);
    const done = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(done.status).toBe('succeeded');
    expect(done.steps[1]).toMatchObject({
      params: { icp: { countries: ['Germany'] }, threshold: 90 },
      summary: 'Scored 1, kept 1 at ≥ 90',
    });
    expect((await contextOf(jobId)).state).not.toHaveProperty('icp');
  });

  it('refuses bad params, a patch that removes a needed input, or a context that is no object, and changes nothing', async () => {
    const { jobId, failed } = await jobFailedOnItsIcp();
    const before = {
      context: await contextOf(jobId),
      checkpoints: (await get(`/jobs/${jobId}/checkpoints`)).body,
    };

    const badParams = await retry(jobId, { params: { threshold: 500 } }).expect(400);
    expect(badParams.body).toMatchObject({
      error: 'invalid_params',
      details: [{ path: 'params.threshold', message: 'must not be greater than 100' }],
    });
    const stillMissing = await retry(jobId, { context: { icp: null } }).expect(422);
    expect(stillMissing.body).toMatchObject({
      error: 'missing_input',
      details: [{ path: 'steps[1]', message: NEEDS_ICP }],
    });
    await retry(jobId, { context: 'icp' }).expect(400);

    const after = await waitForJob(testApp, jobId, () => true);
    expect(after).toEqual(failed);
    expect(await contextOf(jobId)).toEqual(before.context);
    expect((await get(`/jobs/${jobId}/checkpoints`)).body).toEqual(before.checkpoints);
  });

  it('without a body, or with an empty one, runs the failed step again as it was', async () => {
    const { jobId } = await jobFailedOnItsIcp();
    for (const body of [undefined, {}]) {
      await retry(jobId, body).expect(200);
      const again = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
      expect(again).toMatchObject({ status: 'failed', steps: [{}, { attempts: 1 }] });
      expect(again.error).toContain('The job state\'s "icp" is invalid');
    }
    const retried = parseSse((await get(`/jobs/${jobId}/events`)).text).filter(
      (event) => event.event === 'job_retried',
    );
    expect(retried.map((event) => event.data)).toEqual([
      expect.not.objectContaining({ context_keys: expect.anything() }),
      expect.not.objectContaining({ context_keys: expect.anything() }),
    ]);
    expect((await get(`/jobs/${jobId}/checkpoints`)).body).toHaveLength(1);
  });
});
