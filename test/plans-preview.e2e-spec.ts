import request from 'supertest';
import { DESCRIBED_ACTIONS } from '../src/orchestrator/plans/utils/step-description.util';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { outboxOf, SENDER } from './helpers/email-flow';
import { hasStatus, waitForJob } from './helpers/jobs';

/**
 * Previews (`"run": false`) over HTTP with the offline planner: nothing runs, the audience is
 * what the run works on, and a preview runs once, as previewed, while its audience holds.
 */
let t: TestApp;

const COMMAND = 'Find CTOs in Germany and draft intro emails';
const CSV = [
  'name,email,title,company,country',
  'Jonas Becker,jonas@cloudwerk.example,CTO,Cloudwerk GmbH,Germany',
  'Lena Vogel,lena@datahaus.example,CTO,Datahaus AG,Germany',
  'Max Ohnemail,,CTO,Ohnemail GmbH,Germany',
  'Otto Abmelder,otto@abmelder.example,CTO,Abmelder GmbH,Germany',
  'Paul Martin,paul@paris.example,CTO,Paris SA,France',
].join('\n');

const importCsv = (csv: string) =>
  request(t.server).post('/prospects/import').set('content-type', 'text/csv').send(csv).expect(200);

const preview = (body: Record<string, unknown>) =>
  request(t.server)
    .post('/command')
    .send({ command: COMMAND, context: { sender: SENDER }, run: false, ...body });

async function prospectId(name: string): Promise<string> {
  const found = await request(t.server).get('/prospects').query({ q: name }).expect(200);
  return found.body.items[0].id as string;
}

beforeAll(async () => {
  t = await createTestApp({ env: { SEED_SAMPLE_DATA: 'true', COMMAND_RATE_LIMIT: '1000' } });
  await importCsv(CSV);
  await request(t.server)
    .post(`/prospects/${await prospectId('Otto Abmelder')}/opt-out`)
    .expect(200);
  await request(t.server).post('/suppressions').send({ value: 'datahaus.example' }).expect(201);
}, 60_000);
afterAll(() => t.destroy());

describe('a preview', () => {
  it('answers the plan in words and its audience, and creates nothing', async () => {
    const response = await preview({}).expect(200);
    const body = response.body;
    expect(body).toMatchObject({
      planner: 'offline',
      run_job_id: null,
      objective: expect.any(String),
    });
    expect(body.steps.map((step: { description: string }) => step.description)).toEqual([
      expect.stringMatching(/^Find prospects: title CTO.*; country Germany; up to 100, by name$/),
      'Draft an email to each prospect (friendly tone)',
    ]);
    expect(body.audience).toMatchObject({
      source: 'search',
      count: 3,
      total_matching: 3,
      recipients: 1,
      before_threshold: null,
      excluded: { beyond_limit: 0, opted_out: 1, no_email: 1, suppressed: 1, other: 0 },
    });
    expect(body.audience.excluded.sample).toBeGreaterThan(0);
    expect(body.audience.first_10.map((p: { name: string }) => p.name)).toEqual([
      'Jonas Becker',
      'Lena Vogel',
      'Max Ohnemail',
    ]);
    expect(body.audience.first_10.some((p: { is_sample: boolean }) => p.is_sample)).toBe(false);
    expect(Date.parse(body.expires_at) - Date.parse(body.created_at)).toBe(3600_000);

    expect((await request(t.server).get('/jobs').expect(200)).body.items).toEqual([]);
    expect((await request(t.server).get('/contexts').expect(200)).body.items).toEqual([]);
    expect((await request(t.server).get('/outbox').expect(200)).body.items).toEqual([]);
    const stored = await request(t.server).get(`/plans/${body.plan_id}`).expect(200);
    expect(stored.body).toEqual(body);
  });

  it('runs as previewed: the drafts go to the recipients it counted, and only once', async () => {
    const previewed = (await preview({}).expect(200)).body;
    const run = await request(t.server).post(`/plans/${previewed.plan_id}/run`).expect(201);
    expect(run.body).toMatchObject({ job_id: previewed.plan_id, status: 'queued' });
    expect(run.body.steps).toEqual(
      previewed.steps.map(({ description: _, ...step }: Record<string, unknown>) => step),
    );
    const job = await waitForJob(t, run.body.job_id, hasStatus('succeeded', 'failed'), 20_000);
    expect(job.status).toBe('succeeded');
    const drafts = await outboxOf(t, run.body.job_id);
    expect(drafts).toHaveLength(previewed.audience.recipients);
    const ids = previewed.audience.first_10.map((p: { id: string }) => p.id);
    for (const draft of drafts) expect(ids).toContain(draft.prospect_id);
    expect(drafts.map((draft) => draft.to)).toEqual(['jonas@cloudwerk.example']);

    const again = await request(t.server).post(`/plans/${previewed.plan_id}/run`).expect(409);
    expect(again.body).toMatchObject({
      error: 'plan_already_run',
      details: { job_id: previewed.plan_id },
    });
    const shown = await request(t.server).get(`/plans/${previewed.plan_id}`).expect(200);
    expect(shown.body.run_job_id).toBe(previewed.plan_id);
  });

  it('does not run once its audience changed', async () => {
    const previewed = (await preview({}).expect(200)).body;
    await importCsv(
      'name,email,title,company,country\nNina Neu,nina@neu.example,CTO,Neu AG,Germany',
    );
    const response = await request(t.server).post(`/plans/${previewed.plan_id}/run`).expect(409);
    expect(response.body).toMatchObject({
      error: 'audience_changed',
      details: { added: 1, removed: 0 },
    });
    expect(response.body.message).toMatch(/preview again/);
    expect((await request(t.server).get(`/jobs/${previewed.plan_id}`)).status).toBe(404);
  });

  it('is refused like the job when the command is partly understood, naming the phrase', async () => {
    const command = 'Find CTOs in Germny from our mailing list and draft intro emails';
    const refused = await preview({ command }).expect(422);
    expect(refused.body).toMatchObject({
      error: 'command_partly_understood',
      details: [
        { words: 'Germny', kind: 'place', suggestion: 'Germany?' },
        { words: 'from our mailing list', kind: 'list', suggestion: null },
      ],
    });
    expect(refused.body.message).toContain('"Germny" (did you mean Germany?)');
    const allowed = await preview({ command, allow_partial: true }).expect(200);
    expect(allowed.body.interpretation.not_understood).toEqual(refused.body.details);
    expect(allowed.body.steps[0].params).toEqual({ titles: ['CTO'] });
  });

  it('searches the company the command names, and shows whom that reaches', async () => {
    const command =
      'Draft emails to the decision makers and CTOs at Cloudwerk GmbH about our pilot';
    const response = await preview({ command }).expect(200);
    expect(response.body.steps[0].params).toMatchObject({ companies: ['Cloudwerk GmbH'] });
    expect(response.body.interpretation.constraints).toContainEqual({
      words: 'Cloudwerk GmbH',
      step: 0,
      param: 'companies',
      value: 'Cloudwerk GmbH',
    });
    expect(response.body.interpretation.not_understood).toEqual([]);
    expect(response.body.audience).toMatchObject({ count: 1, recipients: 1 });
    expect(response.body.audience.first_10.map((p: { name: string }) => p.name)).toEqual([
      'Jonas Becker',
    ]);
  });

  it('of an explicit plan (POST /jobs): steps in words; no audience without prospects', async () => {
    const response = await request(t.server)
      .post('/jobs')
      .send({
        objective: 'Score and export',
        run: false,
        context: { icp: { titles: ['CTO'] } },
        steps: [
          { agent: 'prospects', action: 'search', params: { titles: ['CTO'], limit: 2 } },
          { agent: 'research', action: 'score_fit', params: { threshold: 70 } },
          { agent: 'export', action: 'spreadsheet', params: { format: 'xlsx' } },
        ],
      })
      .expect(200);
    expect(response.body.planner).toBe('explicit');
    expect(response.body.steps.map((step: { description: string }) => step.description)).toEqual([
      'Find prospects: title CTO; up to 2, by name',
      'Score each prospect against the ICP (keep 70 and above)',
      'Export to an XLSX spreadsheet',
    ]);
    expect(response.body.audience).toMatchObject({
      source: 'search',
      count: 2,
      recipients: null,
      before_threshold: 'Counted before the fit-score threshold of 70: scoring may leave fewer',
    });
    expect(response.body.audience.excluded.beyond_limit).toBe(
      response.body.audience.total_matching - 2,
    );
    const wait = await request(t.server)
      .post('/jobs')
      .send({
        objective: 'Pause',
        run: false,
        steps: [{ agent: 'core', action: 'wait', params: { seconds: 60 } }],
      })
      .expect(200);
    expect(wait.body.audience).toBeNull();
    expect(wait.body.steps[0].description).toBe('Pause for 1 min');
  });

  it('of an import of context.csv: reads the file and writes nothing', async () => {
    const before = (
      await request(t.server).get('/prospects').query({ q: 'Importiert' }).expect(200)
    ).body.total;
    const csv = 'name,email,title\nIda Importiert,ida@imp.example,CTO\n,,CTO\nIra Importiert,,CTO';
    const response = await request(t.server)
      .post('/jobs')
      .send({
        objective: 'Import and draft',
        run: false,
        context: { csv, sender: SENDER },
        steps: [
          { agent: 'prospects', action: 'import_csv', params: {} },
          { agent: 'email', action: 'draft', params: {} },
        ],
      })
      .expect(200);
    expect(response.body.audience).toMatchObject({
      source: 'import',
      count: 2,
      recipients: 1,
      excluded: { invalid_rows: 1, no_email: 1 },
    });
    expect(response.body.audience.first_10[0]).toMatchObject({ id: null, name: 'Ida Importiert' });
    const after = (await request(t.server).get('/prospects').query({ q: 'Importiert' }).expect(200))
      .body.total;
    expect(after).toBe(before);
  });

  it('words every action of the registry', async () => {
    const agents = (await request(t.server).get('/agents').expect(200)).body as {
      name: string;
      actions: { name: string }[];
    }[];
    const actions = agents.flatMap((agent) => agent.actions.map((a) => `${agent.name}.${a.name}`));
    expect(actions.filter((action) => !DESCRIBED_ACTIONS.includes(action))).toEqual([]);
  });

  it('is 404 plan_not_found when unknown', async () => {
    const response = await request(t.server).get('/plans/nope').expect(404);
    expect(response.body.error).toBe('plan_not_found');
  });
});

describe('an expired preview', () => {
  let short: TestApp;
  beforeAll(async () => {
    short = await createTestApp({ env: { PLAN_PREVIEW_TTL_SECONDS: '1' } });
  });
  afterAll(() => short.destroy());

  it('is 404 plan_not_found, saying it expired, and cannot run', async () => {
    const body = {
      objective: 'Pause',
      run: false,
      steps: [{ agent: 'core', action: 'wait', params: { seconds: 60 } }],
    };
    const previewed = (await request(short.server).post('/jobs').send(body).expect(200)).body;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const shown = await request(short.server).get(`/plans/${previewed.plan_id}`).expect(404);
    expect(shown.body).toMatchObject({ error: 'plan_not_found' });
    expect(shown.body.message).toMatch(/expired at/);
    const run = await request(short.server).post(`/plans/${previewed.plan_id}/run`).expect(404);
    expect(run.body.error).toBe('plan_not_found');
    expect((await request(short.server).get('/jobs').expect(200)).body.items).toEqual([]);
  });
});
