import request from 'supertest';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { PostgresCluster, startPostgresCluster } from '../helpers/postgres-cluster';

/**
 * Postgres stopped under a running service, then started again: requests get a quick 503 naming
 * the database instead of a 500 or a hang, and the same process serves again once it is back,
 * with every write it acknowledged before. On a cluster of this file's own (the others run on the
 * shared one).
 */
const CONNECT_TIMEOUT_MS = 2000;
let cluster: PostgresCluster;
let testApp: TestApp;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  testApp = await createTestApp({
    databaseUrl: cluster.url,
    env: { DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS) },
  });
}, 60_000);
afterAll(async () => {
  await testApp?.destroy();
  await cluster?.destroy();
});

const UNAVAILABLE = {
  statusCode: 503,
  error: 'database_unavailable',
  message: 'The database is unavailable; try again shortly',
  request_id: expect.any(String),
};

/** The answer to a request, and how long it took. */
async function timed<T>(send: () => Promise<T>): Promise<{ response: T; ms: number }> {
  const started = performance.now();
  const response = await send();
  return { response, ms: performance.now() - started };
}

const createContext = (jobId: string) =>
  request(testApp.server)
    .post('/context')
    .send({ job_id: jobId, job_type: 'restart-test', context_data: { step: jobId } });

/** Polls GET /health until it answers 200; how long that took. */
async function healthyWithin(ms: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const response = await request(testApp.server).get('/health');
    if (response.status === 200) return performance.now() - started;
    if (performance.now() - started > ms)
      throw new Error(`Still ${response.status} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it('answers 503 while the database is stopped, and serves again once it is back', async () => {
  await createContext('before-stop').expect(201);
  await request(testApp.server).get('/health').expect(200);

  await cluster.stop();

  const health = await timed(() => request(testApp.server).get('/health'));
  expect(health.response.status).toBe(503);
  expect(health.response.body).toMatchObject({
    statusCode: 503,
    error: 'unhealthy',
    message: 'Not ready: database down',
    details: { database: { status: 'down' } },
  });
  const write = await timed(() => createContext('while-stopped'));
  expect(write.response.status).toBe(503);
  expect(write.response.body).toEqual(UNAVAILABLE);
  expect(write.response.headers['retry-after']).toBe('5');
  const read = await request(testApp.server).get('/context/before-stop');
  expect(read.status).toBe(503);
  expect(read.body).toEqual(UNAVAILABLE);
  // Refused connections fail at once; nothing waits longer than the connect timeout.
  expect(Math.max(health.ms, write.ms)).toBeLessThan(CONNECT_TIMEOUT_MS + 1000);

  await cluster.start();

  // The pool opens new connections: the same process serves again without a restart.
  await healthyWithin(5000);
  const stored = await request(testApp.server).get('/context/before-stop').expect(200);
  expect(stored.body.context_data).toEqual({ step: 'before-stop' });
  await request(testApp.server).get('/context/while-stopped').expect(404);
  await createContext('after-start').expect(201);
  await request(testApp.server).get('/context/after-start').expect(200);
}, 60_000);
