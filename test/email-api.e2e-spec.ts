import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';
import {
  approveAndFinish,
  createSendingTestApp,
  draftAndWaitForApproval,
  jobState,
  outboxOf,
  storeProspects,
} from './helpers/email-flow';
import { TestSmtpServer } from './helpers/test-smtp-server';

/** The suppression list and outbox APIs, and the daily limit across jobs. */
const smtp = new TestSmtpServer();
let testApp: TestApp;

beforeAll(async () => {
  await smtp.start();
  testApp = await createSendingTestApp(smtp, { EMAIL_DAILY_LIMIT: '3' });
});
afterAll(async () => {
  await testApp.destroy();
  await smtp.stop();
});

describe('suppressions API', () => {
  it('adds emails and domains in lower case, lists them newest first, removes them', async () => {
    const email = await request(testApp.server)
      .post('/suppressions')
      .send({ value: ' Ana@Omicron.Example ' })
      .expect(201);
    expect(email.body).toMatchObject({
      value: 'ana@omicron.example',
      kind: 'email',
      source: 'api',
    });
    await request(testApp.server).post('/suppressions').send({ value: 'pi.example' }).expect(201);
    const again = await request(testApp.server)
      .post('/suppressions')
      .send({ value: 'PI.example' })
      .expect(409);
    expect(again.body.message).toBe('"pi.example" is already on the suppression list');

    const page = await request(testApp.server).get('/suppressions?limit=1').expect(200);
    expect(page.body).toMatchObject({ total: 2, skip: 0, limit: 1 });
    expect(page.body.items).toHaveLength(1);
    await request(testApp.server).delete('/suppressions/PI.example').expect(204);
    const missing = await request(testApp.server).delete('/suppressions/pi.example').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, request_id: expect.any(String) });
    expect((await request(testApp.server).get('/suppressions').expect(200)).body.total).toBe(1);
  });

  it.each([
    [
      { value: 'not an address' },
      'value "not an address" is neither an email address nor a domain',
    ],
    [{ value: 'localhost' }, 'value "localhost" is neither'],
    [{}, 'value must be a string'],
    [{ value: 'a.example', extra: 1 }, 'property extra should not exist'],
  ])('refuses %j with 400 naming the problem', async (body, message) => {
    const response = await request(testApp.server).post('/suppressions').send(body).expect(400);
    expect(response.body.message).toContain(message);
  });
});

describe('outbox API', () => {
  it('filters, validates and answers 404 for an unknown message', async () => {
    await request(testApp.server).get('/outbox?status=lost').expect(400);
    await request(testApp.server).get('/outbox?limit=1000').expect(400);
    await request(testApp.server).get('/outbox/not-a-uuid').expect(400);
    const missing = await request(testApp.server)
      .get('/outbox/3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55')
      .expect(404);
    expect(missing.body.message).toContain('No outbox message');
    await request(testApp.server)
      .patch('/outbox/3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55')
      .send({ subject: 'x' })
      .expect(404);
  });

  it('edits and deletes drafts, refuses empty text', async () => {
    const prospects = await storeProspects(testApp, [
      { name: 'Ola Exempel', email: 'ola@rho.example' },
      { name: 'Pia Exempel', email: 'pia@sigma.example' },
    ]);
    const { jobId } = await draftAndWaitForApproval(testApp, prospects);
    const drafts = await outboxOf(testApp, jobId);
    const listed = await request(testApp.server)
      .get('/outbox')
      .query({ job_id: jobId, status: 'draft', limit: 1 })
      .expect(200);
    expect(listed.body).toMatchObject({ total: 2, limit: 1 });
    await request(testApp.server).patch(`/outbox/${drafts[0].id}`).send({ body: '' }).expect(400);
    for (const field of ['subject', 'body']) {
      const nulled = await request(testApp.server)
        .patch(`/outbox/${drafts[0].id}`)
        .send({ [field]: null })
        .expect(400);
      expect(nulled.body.message).toContain(`${field} must be a string`);
    }
    const edited = await request(testApp.server)
      .patch(`/outbox/${drafts[0].id}`)
      .send({ body: 'New text' })
      .expect(200);
    expect(edited.body).toMatchObject({ body: 'New text', subject: drafts[0].subject });
    await request(testApp.server).delete(`/outbox/${drafts[1].id}`).expect(204);
    await request(testApp.server).get(`/outbox/${drafts[1].id}`).expect(404);
    await request(testApp.server).post(`/jobs/${jobId}/reject`).send({}).expect(200);
  });
});

describe('daily limit', () => {
  it('sends at most EMAIL_DAILY_LIMIT a UTC day across jobs; the rest are skipped, not failed', async () => {
    const first = await storeProspects(testApp, [
      { name: 'Quin Exempel', email: 'quin@tau.example' },
      { name: 'Rui Exempel', email: 'rui@upsilon.example' },
    ]);
    const second = await storeProspects(testApp, [
      { name: 'Sam Exempel', email: 'sam@phi.example' },
      { name: 'Tea Exempel', email: 'tea@chi.example' },
    ]);
    const one = await draftAndWaitForApproval(testApp, first);
    const two = await draftAndWaitForApproval(testApp, second);
    expect((await approveAndFinish(testApp, one.jobId)).steps[2].summary).toBe('Sent 2 of 2');
    const done = await approveAndFinish(testApp, two.jobId);
    expect(done.status).toBe('succeeded');
    expect(done.steps[2].summary).toBe(
      'Sent 1 of 2; skipped 1 (1 daily limit of 3 messages reached)',
    );
    expect(smtp.received.map((entry) => entry.envelopeTo[0])).toEqual([
      'quin@tau.example',
      'rui@upsilon.example',
      'sam@phi.example',
    ]);
    const sent = (await jobState(testApp, two.jobId)).sent as { status: string; reason?: string }[];
    expect(sent[1]).toMatchObject({
      status: 'skipped',
      reason: 'daily limit of 3 messages reached (EMAIL_DAILY_LIMIT); not sent',
    });
  });
});

describe('API documentation', () => {
  it('documents the routes and their DTOs in Swagger', async () => {
    const docs = (await request(testApp.server).get('/docs-json').expect(200)).body;
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining([
        '/outbox',
        '/outbox/{id}',
        '/suppressions',
        '/suppressions/{value}',
        '/unsubscribe/{token}',
      ]),
    );
    expect(Object.keys(docs.paths['/outbox/{id}'])).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
    const message = docs.components.schemas.OutboxMessageDto.properties;
    expect(message.status.description).toContain('draft (editable)');
    expect(docs.components.schemas.CreateSuppressionDto.properties.value.description).toContain(
      'domain',
    );
  });
});

describe('with API keys', () => {
  it('keeps the unsubscribe link public and the rest behind the key', async () => {
    const locked = await createTestApp({ env: { API_KEYS: 'test-key-0123456789abcdef' } });
    try {
      await request(locked.server).get('/outbox').expect(401);
      await request(locked.server).get('/suppressions').expect(401);
      const page = await request(locked.server).get('/unsubscribe/made-up').expect(404);
      expect(page.headers['content-type']).toContain('text/html');
    } finally {
      await locked.destroy();
    }
  });
});
