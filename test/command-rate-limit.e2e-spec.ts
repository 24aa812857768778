import request from 'supertest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestApp, TestApp } from './helpers/create-test-app';

/** POST /command has its own, stricter limit per client IP; other routes keep the global one. */
describe('command rate limit', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({
      env: { COMMAND_RATE_LIMIT: '5', COMMAND_RATE_TTL_SECONDS: '2', TRUST_PROXY: 'true' },
    });
  });
  afterAll(() => testApp.destroy());

  const command = (clientIp = '203.0.113.1') =>
    request(testApp.server)
      .post('/command')
      .set('X-Forwarded-For', clientIp)
      .send({ command: 'Find CTOs in Germany' });

  it('lets 5 through, refuses the 6th with Retry-After, and passes again after the window', async () => {
    const first = await command().expect(201);
    // Both limits apply to POST /command; each is listed with what is left of it.
    const items = (header: string) => header.split(', ').sort();
    expect(items(first.headers['ratelimit-policy'])).toEqual([
      '"command";q=5;w=2',
      '"default";q=600;w=60',
    ]);
    expect(items(first.headers.ratelimit)).toEqual([
      expect.stringMatching(/^"command";r=4;t=\d$/),
      expect.stringMatching(/^"default";r=599;t=\d+$/),
    ]);
    for (let i = 0; i < 4; i++) await command().expect(201);
    const refused = await command().expect(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    // The 429 names the limit that was hit — the command one — in its body and its headers.
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'rate_limited',
      message: `The command limit of 5 per 2 s per client is used up; retry in ${retryAfter} s`,
      request_id: expect.any(String),
      policy: 'command',
      limit: 5,
      window_seconds: 2,
      retry_after_seconds: retryAfter,
    });
    expect(refused.headers['ratelimit-policy']).toBe('"command";q=5;w=2');
    expect(refused.headers.ratelimit).toBe(`"command";r=0;t=${retryAfter}`);
    expect(Object.keys(refused.headers).filter((name) => name.startsWith('x-ratelimit'))).toEqual(
      [],
    );

    // Another client (TRUST_PROXY=true: X-Forwarded-For names it) has its own allowance.
    await command('203.0.113.2').expect(201);

    // Other routes are not held back by the command limit.
    await request(testApp.server).get('/agents').set('X-Forwarded-For', '203.0.113.1').expect(200);
    await request(testApp.server)
      .post('/jobs')
      .send({ objective: 'x', steps: [{ agent: 'core', action: 'wait', params: { seconds: 1 } }] })
      .expect(201);

    await sleep(retryAfter * 1000 + 100);
    await command().expect(201);
  });
});
