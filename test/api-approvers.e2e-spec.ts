import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { ProspectUpsertService } from '../src/agents/prospects/upsert/prospect-upsert.service';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { OFFER, SENDER } from './helpers/email-flow';
import { hasStatus, JobBody } from './helpers/jobs';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * API-key labels as the approver: job approvals and rejections, outbox edits and approvals
 * record the label of the key used, racing decisions get a 409 naming the winner, and no key
 * reaches a response, a log line or the database.
 */
const ALICE_KEY = 'alice-key-0123456789-secret';
const BOB_KEY = 'bob-key-0123456789-secret';
const PLAIN_KEY = 'unlabelled-key-0123456789-secret';
const KEYS = [ALICE_KEY, BOB_KEY, PLAIN_KEY];

const smtp = new TestSmtpServer();
let t: TestApp;
const responses: string[] = [];

/** A supertest request with the key; every answer is kept, to look for keys in it. */
function as(key: string) {
  const server = request(t.server);
  const wrap = (method: 'get' | 'post' | 'patch' | 'delete') => (url: string) =>
    server[method](url)
      .set('X-API-Key', key)
      .on('response', (response: { text?: string; headers: unknown }) => {
        responses.push(`${response.text ?? ''}${JSON.stringify(response.headers)}`);
      });
  return { get: wrap('get'), post: wrap('post'), patch: wrap('patch'), delete: wrap('delete') };
}
const alice = () => as(ALICE_KEY);
const bob = () => as(BOB_KEY);

async function waitFor(jobId: string, done: (job: JobBody) => boolean): Promise<JobBody> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const job = (await alice().get(`/jobs/${jobId}`).expect(200)).body as JobBody;
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} stuck: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function reviewJob(): Promise<string> {
  const created = await alice()
    .post('/jobs')
    .send({ objective: 'Review', steps: [{ agent: 'core', action: 'review', params: {} }] })
    .expect(201);
  const jobId = created.body.job_id as string;
  await waitFor(jobId, hasStatus('waiting_approval'));
  return jobId;
}

beforeAll(async () => {
  await smtp.start();
  t = await createTestApp({
    env: {
      API_KEYS: `alice:${ALICE_KEY}, bob:${BOB_KEY}, ${PLAIN_KEY}`,
      LOG_LEVEL: 'info',
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'ana@zigral.example',
      EMAIL_PACING_MS: '0',
    },
  });
});
afterAll(async () => {
  await t.destroy();
  await smtp.stop();
});

describe('job approvals', () => {
  it('records who approved and when, and shows it in GET /jobs/{id}', async () => {
    const jobId = await reviewJob();
    const before = (await alice().get(`/jobs/${jobId}`).expect(200)).body;
    expect(before.approval).toBeNull();
    const started = Date.now();
    await alice().post(`/jobs/${jobId}/approve`).send({}).expect(200);
    const job = await waitFor(jobId, hasStatus('succeeded'));
    expect(job.approval).toEqual({
      step: 0,
      decision: 'approved',
      by: 'alice',
      at: expect.any(String),
    });
    const at = Date.parse((job.approval as { at: string }).at);
    expect(at).toBeGreaterThanOrEqual(started - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(job.steps[0]).toMatchObject({ approval: 'approved', decided_by: 'alice' });
    const context = (await alice().get(`/context/${jobId}`).expect(200)).body.context_data;
    expect(context.steps[0]).toMatchObject({ approval: 'approved', decided_by: 'alice' });
  });

  it('names an unlabelled key by its position', async () => {
    const jobId = await reviewJob();
    await as(PLAIN_KEY).post(`/jobs/${jobId}/reject`).send({ reason: 'not now' }).expect(200);
    const job = (await alice().get(`/jobs/${jobId}`).expect(200)).body;
    expect(job).toMatchObject({
      status: 'cancelled',
      approval: { step: 0, decision: 'rejected', by: 'key-3' },
    });
  });

  it('lets one of two racing clients win; the other gets a 409 naming who decided and when', async () => {
    const jobId = await reviewJob();
    const [first, second] = await Promise.all([
      alice().post(`/jobs/${jobId}/approve`).send({}),
      bob().post(`/jobs/${jobId}/reject`).send({ reason: 'too early' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const [won, lost] = first.status === 200 ? [first, second] : [second, first];
    const winner = first.status === 200 ? 'alice' : 'bob';
    const decision = winner === 'alice' ? 'approved' : 'rejected';
    const job = (await alice().get(`/jobs/${jobId}`).expect(200)).body;
    expect(job.approval).toMatchObject({ step: 0, decision, by: winner });
    expect(lost.body).toMatchObject({
      statusCode: 409,
      error: 'already_decided',
      details: { step: 0, decision, by: winner, at: job.approval.at },
    });
    expect(lost.body.message).toContain(
      `step 0 was ${decision} by "${winner}" at ${job.approval.at}`,
    );
    expect(won.body.status).toBe(winner === 'alice' ? 'queued' : 'cancelled');

    // A second click later gets the same answer.
    const again = await bob().post(`/jobs/${jobId}/approve`).send({}).expect(409);
    expect(again.body).toMatchObject({ error: 'already_decided', details: { by: winner } });
  });

  it('keeps the plain 409 for a job that never waited for approval', async () => {
    const created = await alice()
      .post('/jobs')
      .send({
        objective: 'No review',
        steps: [{ agent: 'core', action: 'set_context', params: { values: { a: 1 } } }],
      })
      .expect(201);
    await waitFor(created.body.job_id, hasStatus('succeeded'));
    const refused = await bob().post(`/jobs/${created.body.job_id}/approve`).send({}).expect(409);
    expect(refused.body.error).toBe('Conflict');
    expect(refused.body.message).toMatch(/is succeeded; approve does not apply$/);
  });
});

describe('outbox approvers', () => {
  it("records who edited and who approved a message; lists a prospect's messages", async () => {
    const upserts = t.app.get(ProspectUpsertService);
    const outcomes = await upserts.upsertMany(
      ['Anna Approver <anna@approvers.example>', 'Ben Deleted <ben@approvers.example>'].map(
        (entry) => {
          const [, name, email] = /^(.*) <(.*)>$/.exec(entry)!;
          const company = {
            name: 'Approvers GmbH',
            domain: 'approvers.example',
            industry: 'Software',
          };
          return { name, email, title: 'VP of Sales', company };
        },
      ),
    );
    const prospects = await Promise.all(
      outcomes.map(async (outcome) => {
        if (outcome.action === 'skipped') throw new Error(outcome.reason);
        const body = (await alice().get(`/prospects/${outcome.id}`).expect(200)).body;
        return {
          id: body.id,
          name: body.name,
          email: body.email,
          title: body.title,
          company: { name: body.company.name, domain: body.company.domain, industry: 'Software' },
        };
      }),
    );
    const created = await alice()
      .post('/jobs')
      .send({
        objective: 'Email',
        steps: [
          {
            agent: 'core',
            action: 'set_context',
            params: { values: { prospects, sender: SENDER, offer: OFFER } },
          },
          { agent: 'email', action: 'draft', params: { tone: 'friendly' } },
          { agent: 'email', action: 'send', params: {} },
        ],
      })
      .expect(201);
    const jobId = created.body.job_id as string;
    await waitFor(jobId, hasStatus('waiting_approval'));
    const [anna, ben] = prospects;

    const annaDrafts = (await bob().get(`/outbox?prospect_id=${anna.id}`).expect(200)).body;
    expect(annaDrafts.total).toBe(1);
    const draft = annaDrafts.items[0];
    expect(draft).toMatchObject({
      prospect_id: anna.id,
      status: 'draft',
      approved_by: null,
      approved_at: null,
      edited_by: null,
    });
    const edited = await bob()
      .patch(`/outbox/${draft.id}`)
      .send({ subject: 'Anna, a pilot for Approvers' })
      .expect(200);
    expect(edited.body).toMatchObject({ edited_by: 'bob', edited_at: expect.any(String) });
    const benDraft = (await bob().get(`/outbox?prospect_id=${ben.id}`).expect(200)).body.items[0];
    await bob().delete(`/outbox/${benDraft.id}`).expect(204);

    await alice().post(`/jobs/${jobId}/approve`).send({}).expect(200);
    await waitFor(jobId, hasStatus('succeeded'));
    const sent = (await bob().get(`/outbox/${draft.id}`).expect(200)).body;
    expect(sent).toMatchObject({
      status: 'sent',
      approved_by: 'alice',
      approved_at: expect.any(String),
      edited_by: 'bob',
    });
    const annaPage = (await bob().get(`/outbox?prospect_id=${anna.id}&status=sent`).expect(200))
      .body;
    expect(annaPage.items.map((item: { id: string }) => item.id)).toEqual([draft.id]);
    expect((await bob().get(`/outbox?prospect_id=${ben.id}`).expect(200)).body.total).toBe(0);
    const bad = await bob().get('/outbox?prospect_id=a%20b').expect(400);
    expect(bad.body.message).toContain('prospect_id must be');
  });
});

describe('secrets', () => {
  it('never puts a key in a response, a log line or the database', async () => {
    const unauthorized = await request(t.server)
      .get('/jobs')
      .set('X-API-Key', 'wrong-key-0123456789');
    expect(unauthorized.status).toBe(401);
    await t.close();
    const files = listFiles(t.dir);
    expect(files.some((file) => file.endsWith('.log'))).toBe(true);
    const logs = files.filter((file) => file.endsWith('.log')).map((file) => readFileSync(file));
    expect(logs.join('\n')).toContain('"by":"bob"');
    for (const key of KEYS) {
      for (const file of files) expect(readFileSync(file).includes(key)).toBe(false);
      for (const text of responses) expect(text).not.toContain(key);
    }
    expect(responses.length).toBeGreaterThan(10);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
