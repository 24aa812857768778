import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';

/** The REST contract at its edges: bodies that are not objects, names made of white space. */
let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.destroy());

const review = { agent: 'core', action: 'review', params: { message: 'Check the list' } };
const NON_OBJECTS: [string, string][] = [
  ['42', 'a number'],
  ['"s"', 'a string'],
  ['[]', 'an array'],
  ['true', 'a boolean'],
  ['null', 'null'],
];

type Operation = { requestBody?: { content: Record<string, unknown> } };

/**
 * Every operation of the API document that can carry a JSON body (those without a documented
 * body included: cancel, retry), with its path filled in. The CSV import takes no JSON at all.
 */
async function bodyOperations(): Promise<{ method: string; path: string }[]> {
  const document = (await request(testApp.server).get('/docs-json').expect(200)).body as {
    paths: Record<string, Record<string, Operation>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['post', 'put', 'patch'].includes(method))
      .filter(([, operation]) => {
        const types = Object.keys(operation.requestBody?.content ?? {});
        return types.length === 0 || types.some((type) => type.endsWith('json'));
      })
      .map(([method]) => ({ method, path: path.replace(/\{[^}]+\}/g, 'some-id') })),
  );
}

function send(method: string, path: string, json: string) {
  return request(testApp.server)
    [method as 'post'](path)
    .set('Content-Type', 'application/json')
    .send(json);
}

describe('a body that is present and not a JSON object', () => {
  it.each(NON_OBJECTS)(
    'is a 400 naming the body on every route that takes one: %s',
    async (json, kind) => {
      const operations = await bodyOperations();
      expect(operations.length).toBeGreaterThanOrEqual(12);
      for (const { method, path } of operations) {
        const response = await send(method, path, json);
        expect({ method, path, status: response.status, message: response.body.message }).toEqual({
          method,
          path,
          status: 400,
          message: `The request body must be a JSON object, not ${kind}`,
        });
      }
    },
  );

  it('leaves a step waiting for approval alone (42 used to approve it)', async () => {
    const jobId = await createJob(testApp, [review]);
    await waitForJob(testApp, jobId, hasStatus('waiting_approval'));
    await send('post', `/jobs/${jobId}/approve`, '42').expect(400);
    await send('post', `/jobs/${jobId}/reject`, '"s"').expect(400);
    const job = (await request(testApp.server).get(`/jobs/${jobId}`).expect(200)).body;
    expect(job.status).toBe('waiting_approval');
  });

  it('is a 400, not a 500, on PATCH /prospects/{id} of a stored prospect', async () => {
    const csv = 'name,email,title\nAnna Beispiel,anna@nordlicht.example,VP of Sales\n';
    await request(testApp.server)
      .post('/prospects/import')
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
    const [prospect] = (await request(testApp.server).get('/prospects').expect(200)).body.items;
    for (const [json, kind] of NON_OBJECTS) {
      const response = await send('patch', `/prospects/${prospect.id}`, json);
      expect([response.status, response.body.message]).toEqual([
        400,
        `The request body must be a JSON object, not ${kind}`,
      ]);
    }
  });
});

describe('an absent or empty body, where the body is optional', () => {
  it('means {}: approve without a body', async () => {
    const jobId = await createJob(testApp, [review]);
    await waitForJob(testApp, jobId, hasStatus('waiting_approval'));
    await request(testApp.server).post(`/jobs/${jobId}/approve`).expect(200);
    await waitForJob(testApp, jobId, hasStatus('succeeded'));
  });

  it('means {}: reject with an empty body sent as JSON', async () => {
    const jobId = await createJob(testApp, [review]);
    await waitForJob(testApp, jobId, hasStatus('waiting_approval'));
    await send('post', `/jobs/${jobId}/reject`, '').expect(200);
    await waitForJob(testApp, jobId, hasStatus('cancelled'));
  });

  it('means {} where a body is required too, so the missing fields are named', async () => {
    const response = await send('post', '/context', '').expect(400);
    expect(response.body.message).toMatch(/job_type must be a string/);
  });
});

describe('names made only of white space', () => {
  it.each([
    ['post', '/context', { job_type: ' ', context_data: {} }, 'job_type must not be blank'],
    [
      'post',
      '/context',
      { job_type: '\t\n', context_data: { a: 1 } },
      'job_type must not be blank',
    ],
    [
      'post',
      '/command',
      { command: 'Find VPs of Sales in Germany', job_type: '  ' },
      'job_type must not be blank',
    ],
    ['post', '/command', { command: '   ' }, 'command must not be blank'],
    ['post', '/jobs', { objective: ' ', steps: [review] }, 'objective must not be blank'],
    [
      'post',
      '/jobs',
      { objective: 'x', steps: [review], job_type: ' ' },
      'job_type must not be blank',
    ],
    ['post', '/suppressions', { value: '   ' }, 'value must not be blank'],
    ['patch', '/prospects/p1', { tags: ['ok', ' '] }, 'each value of tags must not be blank'],
    ['patch', '/prospects/p1', { name: ' ' }, 'name must not be blank'],
    ['patch', '/outbox/m1', { subject: '  ' }, 'subject must not be blank'],
    ['patch', '/outbox/m1', { body: '\n' }, 'body must not be blank'],
  ])('%s %s %j: 400 "%s"', async (method, path, body, message) => {
    const response = await request(testApp.server)[method as 'post'](path).send(body);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(message);
  });

  it('refuses a blank job_type on PUT /context/{id} and in the GET /contexts filter', async () => {
    await request(testApp.server)
      .post('/context')
      .send({ job_id: 'blank-names', job_type: 'prospecting', context_data: {} })
      .expect(201);
    const put = await request(testApp.server)
      .put('/context/blank-names')
      .send({ job_type: ' ', context_data: {} })
      .expect(400);
    expect(put.body.message).toContain('job_type must not be blank');
    const list = await request(testApp.server).get('/contexts?job_type=%20').expect(400);
    expect(list.body.message).toContain('job_type must not be blank');
  });

  it('refuses a blank value in a plan step filter, naming the step', async () => {
    const response = await request(testApp.server)
      .post('/jobs')
      .send({
        objective: 'Search',
        steps: [{ agent: 'prospects', action: 'search', params: { countries: ['Germany', ' '] } }],
      })
      .expect(422);
    expect(JSON.stringify(response.body.details)).toContain(
      'each value of countries must not be blank',
    );
  });
});
