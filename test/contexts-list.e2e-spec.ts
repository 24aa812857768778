import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';

describe('GET /contexts and persistence (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    // Created one by one, so created_at gives a known newest-first order.
    for (let i = 0; i < 25; i++) {
      await request(t.server)
        .post('/context')
        .send({
          job_id: `list-${String(i).padStart(2, '0')}`,
          job_type: i % 5 === 0 ? 'export' : 'prospecting',
          context_data: { i },
        })
        .expect(201);
    }
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('pages newest first with total, skip and limit', async () => {
    const first = await request(t.server).get('/contexts').expect(200);
    expect(first.body).toMatchObject({ total: 25, skip: 0, limit: 20 });
    expect(first.body.items).toHaveLength(20);
    expect(first.body.items[0].job_id).toBe('list-24');
    expect(first.body.items[19].job_id).toBe('list-05');

    const second = await request(t.server).get('/contexts?skip=20&limit=20').expect(200);
    expect(second.body.items.map((e: { job_id: string }) => e.job_id)).toEqual([
      'list-04',
      'list-03',
      'list-02',
      'list-01',
      'list-00',
    ]);
    for (const item of first.body.items) expect(item.etag).toMatch(/^"[0-9a-z]+-\d+"$/);
    const stamps = [...first.body.items, ...second.body.items].map((e) => Date.parse(e.created_at));
    expect([...stamps].sort((a, b) => b - a)).toEqual(stamps);
  });

  it('filters by job_type', async () => {
    const res = await request(t.server).get('/contexts?job_type=export&limit=100').expect(200);
    expect(res.body.total).toBe(5);
    expect(res.body.items.map((e: { job_id: string }) => e.job_id)).toEqual([
      'list-20',
      'list-15',
      'list-10',
      'list-05',
      'list-00',
    ]);
  });

  it.each([
    ['limit=101', 'limit must not be greater than 100'],
    ['limit=0', 'limit must not be less than 1'],
    ['limit=abc', 'limit must be an integer'],
    ['skip=-1', 'skip must not be less than 0'],
    ['skip=1.5', 'skip must be an integer'],
    ['unknown=1', 'property unknown should not exist'],
    ['skip=1e21', 'skip must be an integer'],
    ['skip=100000000000000000000', 'skip must be an integer'],
    ['skip=2000000000', 'skip must not be greater than 1000000000'],
    ['limit=0x10', 'limit must be an integer'],
    ['limit=', 'limit must be an integer'],
    ['limit=1&limit=2', 'limit must be an integer'],
  ])('answers 400 for %s', async (query, message) => {
    const res = await request(t.server).get(`/contexts?${query}`).expect(400);
    expect(res.body.message).toContain(message);
  });

  it('keeps every entry across an app restart on the same database file', async () => {
    await request(t.server).patch('/context/list-07').send({ patched: true }).expect(200);
    await t.close();
    t = await createTestApp({ dir: t.dir });
    const res = await request(t.server).get('/context/list-07').expect(200);
    expect(res.body).toMatchObject({ context_data: { i: 7, patched: true }, version: 2 });
    const page = await request(t.server).get('/contexts').expect(200);
    expect(page.body.total).toBe(25);
  });
});
