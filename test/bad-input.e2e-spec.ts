import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';

/**
 * Input one engine would take and the other refuse: a NUL character (Postgres cannot store one in
 * text), values longer than their column (Postgres checks varchar lengths) and numbers past a
 * 32-bit integer column. Every one is the same 4xx naming the field on both engines (`npm test`
 * and `npm run test:pg`), never a 500.
 */
let testApp: TestApp;
let prospectId: string;

beforeAll(async () => {
  testApp = await createTestApp();
  await request(testApp.server)
    .post('/prospects/import')
    .set('content-type', 'text/csv')
    .send('name,email,title\nAnna Beispiel,anna@nordlicht.example,CTO\n')
    .expect(200);
  const found = await request(testApp.server).get('/prospects').expect(200);
  prospectId = found.body.items[0].id as string;
});
afterAll(() => testApp.destroy());

const NUL = '\u0000';

/** The 400 body naming the field. */
const refused = (field: string) => ({
  statusCode: 400,
  error: 'Bad Request',
  message: `${field} must not contain a NUL character (\\u0000)`,
  request_id: expect.any(String),
});

describe('a NUL character', () => {
  it.each([
    ['a context field', '/context', { job_type: `t${NUL}`, context_data: {} }, 'job_type'],
    [
      'a context document, at any depth',
      '/context',
      { job_type: 't', context_data: { notes: ['ok', `x${NUL}y`] } },
      'context_data.notes[1]',
    ],
    ['a command', '/command', { command: `Find VPs of Sales${NUL} in Germany` }, 'command'],
    [
      'a job',
      '/jobs',
      { objective: `Find${NUL}`, steps: [{ agent: 'core', action: 'noop' }] },
      'objective',
    ],
  ])('in %s is a 400 naming the field', async (_label, path, body, field) => {
    const response = await request(testApp.server).post(path).send(body).expect(400);
    expect(response.body).toEqual(refused(field));
  });

  it('in a merge patch of a context is a 400 naming the field', async () => {
    await request(testApp.server)
      .post('/context')
      .send({ job_id: 'nul-patch', job_type: 't', context_data: {} })
      .expect(201);
    const response = await request(testApp.server)
      .patch('/context/nul-patch')
      .set('content-type', 'application/merge-patch+json')
      .send(JSON.stringify({ state: { [`k${NUL}`]: 1 } }))
      .expect(400);
    expect(response.body).toEqual(refused('state.k\\u0000'));
  });

  it('in a prospect field is a 400 naming it, and the prospect is unchanged', async () => {
    const response = await request(testApp.server)
      .patch(`/prospects/${prospectId}`)
      .send({ title: `C${NUL}O` })
      .expect(400);
    expect(response.body).toEqual(refused('title'));
    const stored = await request(testApp.server).get(`/prospects/${prospectId}`).expect(200);
    expect(stored.body.title).toBe('CTO');
  });

  it.each([
    ['a search filter', '/prospects?country=Germany&country=%00', 'country[1]'],
    ['free text', '/prospects?q=anna%00', 'q'],
    ['a path parameter', '/plans/%00', 'plan_id'],
    ['a suppression to remove', '/suppressions/a%00b', 'value'],
  ])('in %s is a 400 naming it', async (_label, path, field) => {
    const method = path.startsWith('/suppressions') ? 'delete' : 'get';
    const response = await request(testApp.server)[method](path).expect(400);
    expect(response.body).toEqual(refused(field));
  });

  it('in a CSV cell skips that row with an error naming the column; the others are imported', async () => {
    const csv = [
      'name,email,title,company',
      'Ben Muster,ben@suedwind.example,CFO,Suedwind AG',
      `Cleo Probe,cleo@probe.example,C${NUL}O,Probe KG`,
      'Dora Test,dora@test.example,CEO,Test GmbH',
    ].join('\n');
    const response = await request(testApp.server)
      .post('/prospects/import')
      .set('content-type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(response.body).toMatchObject({ rows: 3, inserted: 2, skipped: 1 });
    expect(response.body.errors).toEqual([
      { row: 2, field: 'title', message: 'holds a NUL character (\\u0000)', severity: 'error' },
    ]);
    const search = await request(testApp.server).get('/prospects?q=cleo').expect(200);
    expect(search.body.total).toBe(0);
  });
});

describe('values past a column', () => {
  it('an over-long prospect field is a 400 naming it', async () => {
    const response = await request(testApp.server)
      .patch(`/prospects/${prospectId}`)
      .send({ department: 'd'.repeat(65) })
      .expect(400);
    expect(response.body.message).toBe('department must be shorter than or equal to 64 characters');
  });

  it('an over-long suppression is a 400', async () => {
    const response = await request(testApp.server)
      .post('/suppressions')
      .send({ value: `${'a'.repeat(320)}@x.example` })
      .expect(400);
    expect(response.body.message).toMatch(/^value must be shorter than or equal to 320/);
  });

  it('a company size past any real employer is a 400 as a filter', async () => {
    const response = await request(testApp.server)
      .get('/prospects?employees_min=3000000000')
      .expect(400);
    expect(response.body.message).toBe('employees_min must not be greater than 10000000');
  });

  it.each(['2147483648', '99999999999', '0'])(
    'a checkpoint number outside 1 to 2^31 - 1 (%s) is a 400 naming it',
    async (seq) => {
      const response = await request(testApp.server)
        .get(`/jobs/some-job/checkpoints/${seq}`)
        .expect(400);
      expect(response.body.message).toBe('seq must be a whole number from 1 to 2147483647');
    },
  );

  it('an over-long or too-large CSV value is left out with a warning, the person kept', async () => {
    const csv = [
      'name,email,title,company,employees',
      `Emil Lang,emil@lang.example,${'t'.repeat(256)},Lang AG,5000000000`,
    ].join('\n');
    const response = await request(testApp.server)
      .post('/prospects/import')
      .set('content-type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(response.body).toMatchObject({ inserted: 1, skipped: 0, warnings: 2 });
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'title',
      'employees',
    ]);
  });
});
