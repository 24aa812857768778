import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './helpers/create-test-app';

describe('Platform (e2e): headers, request ids, body limit, health, docs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: { BODY_LIMIT: '64kb', CORS_ORIGINS: 'https://app.example.com' },
    });
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('sends helmet security headers and no x-powered-by', async () => {
    const res = await request(t.server).get('/health').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('reports the database in /health', async () => {
    const res = await request(t.server).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('answers 503 naming what is down, with each check in details, when the database is gone', async () => {
    const broken = await createTestApp();
    try {
      await broken.app.get(DataSource).destroy();
      const res = await request(broken.server).get('/health').expect(503);
      expect(res.body).toMatchObject({
        statusCode: 503,
        error: 'unhealthy',
        message: 'Not ready: database down',
        details: { database: { status: 'down' } },
      });
      expect(typeof res.body.request_id).toBe('string');
    } finally {
      await broken.destroy().catch(() => undefined);
    }
  });

  it('echoes a valid X-Request-Id and uses it in error bodies', async () => {
    const res = await request(t.server)
      .get('/context/missing-job')
      .set('X-Request-Id', 'trace-abc_123')
      .expect(404);
    expect(res.headers['x-request-id']).toBe('trace-abc_123');
    expect(res.body.request_id).toBe('trace-abc_123');
  });

  it('makes a new request id when none or an unsafe one is sent', async () => {
    const plain = await request(t.server).get('/health').expect(200);
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await request(t.server)
      .get('/health')
      .set('X-Request-Id', 'bad id with spaces')
      .expect(200);
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsafe.headers['x-request-id']).not.toBe(plain.headers['x-request-id']);
  });

  it('answers 413 for a body over BODY_LIMIT and keeps serving', async () => {
    const big = { job_type: 't', context_data: { blob: 'x'.repeat(70 * 1024) } };
    const res = await request(t.server).post('/context').send(big).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(res.body.request_id).toEqual(expect.any(String));
    const patch = await request(t.server)
      .patch('/context/whatever')
      .set('content-type', 'application/merge-patch+json')
      .send(JSON.stringify({ blob: 'x'.repeat(70 * 1024) }))
      .expect(413);
    expect(patch.body.statusCode).toBe(413);
    const small = { job_type: 't', context_data: { blob: 'x'.repeat(60 * 1024) } };
    await request(t.server).post('/context').send(small).expect(201);
  });

  it('answers an allowed CORS origin and not another', async () => {
    const allowed = await request(t.server)
      .options('/contexts')
      .set('Origin', 'https://app.example.com')
      .set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const other = await request(t.server).get('/health').set('Origin', 'https://evil.example.net');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves Swagger UI at /docs and the OpenAPI document at /docs-json', async () => {
    const ui = await request(t.server).get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
    const doc = await request(t.server).get('/docs-json').expect(200);
    const paths = doc.body.paths;
    expect(Object.keys(paths).sort()).toEqual(
      [
        '/agents',
        '/command',
        '/context',
        '/context/{job_id}',
        '/contexts',
        '/exports',
        '/exports/{id}',
        '/exports/{id}/download',
        '/health',
        '/jobs',
        '/jobs/{job_id}',
        '/jobs/{job_id}/approve',
        '/jobs/{job_id}/cancel',
        '/jobs/{job_id}/checkpoints',
        '/jobs/{job_id}/checkpoints/{seq}',
        '/jobs/{job_id}/events',
        '/jobs/{job_id}/feedback',
        '/jobs/{job_id}/reject',
        '/jobs/{job_id}/retry',
        '/outbox',
        '/outbox/{id}',
        '/plans/{plan_id}',
        '/plans/{plan_id}/run',
        '/prospects',
        '/prospects/import',
        '/prospects/import/preview',
        '/prospects/imports',
        '/prospects/imports/{id}',
        '/prospects/imports/{id}/cancel',
        '/prospects/sample',
        '/prospects/{id}',
        '/prospects/{id}/opt-out',
        '/replies',
        '/replies/{id}',
        '/enrollments/{id}',
        '/enrollments/{id}/events',
        '/enrollments/{id}/pause',
        '/enrollments/{id}/resume',
        '/enrollments/{id}/stop',
        '/outbox/{id}/approve',
        '/sequences',
        '/sequences/{id}',
        '/sequences/{id}/enrollments',
        '/sequences/{id}/launch',
        '/sequences/{id}/pause',
        '/sequences/{id}/resume',
        '/status',
        '/suppressions',
        '/suppressions/import',
        '/suppressions/{value}',
        '/tasks',
        '/tasks/{id}/complete',
        '/unsubscribe/{token}',
      ].sort(),
    );
    expect(Object.keys(paths['/context/{job_id}']).sort()).toEqual([
      'delete',
      'get',
      'patch',
      'put',
    ]);
    expect(paths['/context/{job_id}'].put.responses).toHaveProperty('412');
    expect(paths['/context'].post.responses).toHaveProperty('409');
    expect(paths['/context'].post.responses).toHaveProperty('413');
    const entry = doc.body.components.schemas.ContextEntryDto;
    expect(entry.required).toEqual(
      expect.arrayContaining(['job_id', 'job_type', 'context_data', 'version', 'created_at']),
    );
    const create = doc.body.components.schemas.CreateContextDto;
    expect(create.properties.job_id.description).toContain('UUID');
    expect(create.required).toEqual(['job_type', 'context_data']);
    expect(doc.body.components.schemas.ErrorResponseDto.properties).toHaveProperty('request_id');
    expect(paths['/contexts'].get.security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
    expect(paths['/health'].get.security).toEqual([]);
  });
});

describe('API keys (e2e)', () => {
  let t: TestApp;
  const keys = 'first-secret-key,second-secret-key';

  beforeAll(async () => {
    t = await createTestApp({ env: { API_KEYS: keys } });
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('answers 401 without a key or with a wrong one', async () => {
    const none = await request(t.server).get('/contexts').expect(401);
    expect(none.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(none.body.message).toContain('Missing API key');
    await request(t.server).get('/contexts').set('X-API-Key', 'wrong').expect(401);
    await request(t.server).get('/contexts').set('Authorization', 'Bearer wrong').expect(401);
    await request(t.server).get('/contexts').set('Authorization', 'Basic Zmlyc3Q=').expect(401);
    await request(t.server).post('/context').send({ job_type: 't', context_data: {} }).expect(401);
  });

  it('accepts any configured key as Bearer token or X-API-Key', async () => {
    await request(t.server)
      .get('/contexts')
      .set('Authorization', 'Bearer first-secret-key')
      .expect(200);
    await request(t.server)
      .get('/contexts')
      .set('authorization', 'bearer second-secret-key')
      .expect(200);
    await request(t.server).get('/contexts').set('X-API-Key', 'second-secret-key').expect(200);
  });

  it('keeps /health and the docs open', async () => {
    await request(t.server).get('/health').expect(200);
    await request(t.server).get('/docs-json').expect(200);
  });

  it('never echoes a key in a response', async () => {
    const res = await request(t.server).get('/contexts').set('X-API-Key', 'first-secret-key-typo');
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toContain('first-secret-key');
  });
});

describe('Rate limiting (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT: '3' } });
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('answers 429 with Retry-After once a client exceeds RATE_LIMIT per minute', async () => {
    const first = await request(t.server).get('/contexts').expect(200);
    expect(first.headers['ratelimit-policy']).toBe('"default";q=3;w=60');
    expect(first.headers.ratelimit).toMatch(/^"default";r=2;t=\d+$/);
    expect(first.headers).not.toHaveProperty('x-ratelimit-limit');
    for (let i = 0; i < 2; i++) await request(t.server).get('/contexts').expect(200);
    const res = await request(t.server).get('/contexts').expect(429);
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.body).toMatchObject({
      statusCode: 429,
      error: 'rate_limited',
      policy: 'default',
      limit: 3,
      window_seconds: 60,
      retry_after_seconds: retryAfter,
      message: `The request limit of 3 per 60 s per client is used up; retry in ${retryAfter} s`,
    });
    expect(res.headers['ratelimit']).toBe(`"default";r=0;t=${retryAfter}`);
  });

  it('counts a client across all routes, not per route', async () => {
    // The previous test used up this client's window on GET /contexts.
    await request(t.server).get('/context/any-job').expect(429);
    await request(t.server).post('/context').send({ job_type: 't', context_data: {} }).expect(429);
  });

  it('never throttles /health', async () => {
    for (let i = 0; i < 6; i++) await request(t.server).get('/health').expect(200);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
    const res = await request(t.server).get('/contexts').set('X-Forwarded-For', '203.0.113.9');
    expect(res.status).toBe(429);
  });
});

describe('Rate limiting behind a trusted proxy (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT: '2', TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('counts each forwarded client separately', async () => {
    for (let i = 0; i < 2; i++) {
      await request(t.server).get('/contexts').set('X-Forwarded-For', '203.0.113.1').expect(200);
    }
    await request(t.server).get('/contexts').set('X-Forwarded-For', '203.0.113.1').expect(429);
    await request(t.server).get('/contexts').set('X-Forwarded-For', '203.0.113.2').expect(200);
  });
});

describe('Rate limiting behind a hop count of trusted proxies (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT: '2', TRUST_PROXY: '1' } });
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('takes the client from the hop the proxy added, not from what the client wrote before it', async () => {
    for (const spoofed of ['198.51.100.1', '198.51.100.2']) {
      await request(t.server)
        .get('/contexts')
        .set('X-Forwarded-For', `${spoofed}, 203.0.113.1`)
        .expect(200);
    }
    await request(t.server)
      .get('/contexts')
      .set('X-Forwarded-For', '198.51.100.3, 203.0.113.1')
      .expect(429);
    await request(t.server).get('/contexts').set('X-Forwarded-For', '203.0.113.2').expect(200);
  });
});
