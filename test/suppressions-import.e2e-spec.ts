import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';

/** POST /suppressions/import: many values at once, with counts and a reason for each row left out. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.destroy());

describe('POST /suppressions/import', () => {
  it('adds the new values and reports the others row by row', async () => {
    await request(t.server).post('/suppressions').send({ value: 'listed.example' }).expect(201);
    const response = await request(t.server)
      .post('/suppressions/import')
      .send({
        values: [
          'Ana@Acme.Example',
          'listed.example',
          'not an address',
          'beta.example',
          ' ana@acme.example ',
        ],
      })
      .expect(200);
    expect(response.body).toEqual({
      added: 2,
      already_present: 2,
      invalid: 1,
      skipped: [
        {
          row: 2,
          value: 'listed.example',
          outcome: 'already_present',
          reason: 'already on the suppression list',
        },
        {
          row: 3,
          value: 'not an address',
          outcome: 'invalid',
          reason: expect.stringContaining('is neither an email address nor a domain'),
        },
        { row: 5, value: 'ana@acme.example', outcome: 'already_present', reason: 'repeats row 1' },
      ],
    });
    const list = (await request(t.server).get('/suppressions?limit=100').expect(200)).body;
    const sources = Object.fromEntries(
      list.items.map((item: { value: string; source: string }) => [item.value, item.source]),
    );
    expect(sources).toEqual({
      'listed.example': 'api',
      'ana@acme.example': 'import',
      'beta.example': 'import',
    });

    const again = await request(t.server)
      .post('/suppressions/import')
      .send({ values: ['beta.example'] })
      .expect(200);
    expect(again.body).toMatchObject({ added: 0, already_present: 1, invalid: 0 });
  });

  it('takes a long list in one request', async () => {
    const values = Array.from({ length: 1200 }, (_, index) => `user${index}@bulk.example`);
    const response = await request(t.server)
      .post('/suppressions/import')
      .send({ values })
      .expect(200);
    expect(response.body).toEqual({ added: 1200, already_present: 0, invalid: 0, skipped: [] });
    const page = (await request(t.server).get('/suppressions?limit=1').expect(200)).body;
    expect(page.total).toBeGreaterThanOrEqual(1200);
  });

  it.each([
    [{}, 'values must be a list of strings'],
    [{ values: 'ana@acme.example' }, 'values must be a list of strings'],
    [{ values: [] }, 'values must hold at least one value'],
    [{ values: ['a.example', 7] }, 'each of values must be a string'],
    [{ values: Array(10_001).fill('a.example') }, 'values must hold at most 10000 values'],
  ])('refuses %j with 400 naming the problem', async (body, message) => {
    const response = await request(t.server).post('/suppressions/import').send(body).expect(400);
    expect(response.body.message).toContain(message);
  });
});
