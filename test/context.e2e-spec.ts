import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';

describe('Context Manager API (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.destroy();
  });

  const create = (body: object) => request(t.server).post('/context').send(body);

  describe('POST /context', () => {
    it('creates an entry with the given job_id and answers 201 with an ETag', async () => {
      const res = await create({
        job_id: 'job-create-1',
        job_type: 'prospecting',
        context_data: { command: 'find VPs', nested: { a: [1, 2] } },
      }).expect(201);
      expect(res.body).toEqual({
        job_id: 'job-create-1',
        job_type: 'prospecting',
        context_data: { command: 'find VPs', nested: { a: [1, 2] } },
        version: 1,
        etag: res.headers.etag,
        created_at: expect.any(String),
        updated_at: res.body.created_at,
      });
      expect(new Date(res.body.created_at).toISOString()).toBe(res.body.created_at);
      expect(res.headers.etag).toMatch(/^"[0-9a-z]+-1"$/);
    });

    it('makes a UUID when job_id is absent', async () => {
      const res = await create({ job_type: 'prospecting', context_data: {} }).expect(201);
      expect(res.body.job_id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    });

    it('answers 409 for an existing job_id and keeps the first entry', async () => {
      await create({ job_id: 'job-dup', job_type: 't', context_data: { n: 1 } }).expect(201);
      const res = await create({ job_id: 'job-dup', job_type: 't', context_data: { n: 2 } }).expect(
        409,
      );
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      expect(res.body.message).toContain('job-dup');
      const stored = await request(t.server).get('/context/job-dup').expect(200);
      expect(stored.body.context_data).toEqual({ n: 1 });
    });

    it.each([
      [{ job_type: 't', context_data: [1, 2] }, 'context_data must be an object'],
      [{ job_type: 't', context_data: 'text' }, 'context_data must be an object'],
      [{ job_type: 't' }, 'context_data must be an object'],
      [{ context_data: {} }, 'job_type'],
      [{ job_type: 42, context_data: {} }, 'job_type must be a string'],
      [{ job_type: 't', context_data: {}, extra: 1 }, 'property extra should not exist'],
      [{ job_id: 'bad id!', job_type: 't', context_data: {} }, 'job_id must be 1-128 characters'],
      [{ job_id: 'x'.repeat(129), job_type: 't', context_data: {} }, 'job_id must be 1-128'],
      [{ job_id: 7, job_type: 't', context_data: {} }, 'job_id'],
    ])('rejects %j with 400 naming the field', async (body, expected) => {
      const res = await create(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toContain(expected);
      expect(res.body.request_id).toEqual(expect.any(String));
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
    });

    it('accepts the longest valid job_id and every allowed character', async () => {
      const jobId = `${'a'.repeat(120)}_.:-Z9`;
      expect(jobId).toHaveLength(126);
      await create({ job_id: jobId, job_type: 't', context_data: {} }).expect(201);
      await request(t.server)
        .get(`/context/${encodeURIComponent(jobId)}`)
        .expect(200);
    });

    it('answers 400 for malformed JSON and keeps serving', async () => {
      const res = await request(t.server)
        .post('/context')
        .set('content-type', 'application/json')
        .send('{"job_type": "t", "context_data": {')
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toMatch(/JSON/);
      await request(t.server).get('/health').expect(200);
    });

    it('stores keys named like Object methods, at any depth', async () => {
      const context_data = {
        toString: 'x',
        a: { valueOf: 5, hasOwnProperty: [1], isPrototypeOf: null },
      };
      await create({ job_id: 'job-method-keys', job_type: 't', context_data }).expect(201);
      const stored = await request(t.server).get('/context/job-method-keys').expect(200);
      expect(stored.body.context_data).toEqual(context_data);
      const replaced = await request(t.server)
        .put('/context/job-method-keys')
        .send({ context_data: { toString: 'y' } })
        .expect(200);
      expect(replaced.body.context_data).toEqual({ toString: 'y' });
    });

    it('answers 400 for JSON nested deeper than 64 levels, on POST and PATCH', async () => {
      const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
      const res = await request(t.server)
        .post('/context')
        .set('content-type', 'application/json')
        .send(`{"job_type":"t","context_data":${deep}}`)
        .expect(400);
      expect(res.body.message).toBe('JSON nested deeper than 64 levels');
      await create({ job_id: 'job-deep', job_type: 't', context_data: {} }).expect(201);
      await request(t.server)
        .patch('/context/job-deep')
        .set('content-type', 'application/merge-patch+json')
        .send(deep)
        .expect(400);
      const ok = '{"a":'.repeat(60) + '1' + '}'.repeat(60);
      await request(t.server)
        .patch('/context/job-deep')
        .set('content-type', 'application/json; charset=utf-8')
        .send(ok)
        .expect(200);
    });

    it('refuses reserved keys with 400 instead of dropping them', async () => {
      const res = await create({ job_type: 't', context_data: { a: { constructor: 1 } } }).expect(
        400,
      );
      expect(res.body.message).toBe('JSON key "constructor" is reserved and cannot be stored');
      await request(t.server)
        .post('/context')
        .set('content-type', 'application/json')
        .send('{"job_type":"t","context_data":{"__proto__":{"x":1}}}')
        .expect(400);
    });

    it('answers 415 for form bodies', async () => {
      const res = await request(t.server)
        .post('/context')
        .type('form')
        .send({ job_type: 't', 'context_data[a]': '1' })
        .expect(415);
      expect(res.body.statusCode).toBe(415);
    });

    it('answers 415 for a body that is not JSON', async () => {
      const res = await request(t.server)
        .post('/context')
        .set('content-type', 'text/plain')
        .send('hello')
        .expect(415);
      expect(res.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
    });
  });

  describe('GET /context/:job_id', () => {
    it('returns the entry, or 404 with the error shape', async () => {
      await create({ job_id: 'job-get', job_type: 't', context_data: { k: 'v' } }).expect(201);
      const res = await request(t.server).get('/context/job-get').expect(200);
      expect(res.body.context_data).toEqual({ k: 'v' });
      const missing = await request(t.server).get('/context/no-such-job').expect(404);
      expect(missing.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'No context for job_id "no-such-job"',
        request_id: expect.any(String),
      });
    });

    it('answers 304 when If-None-Match holds the current ETag', async () => {
      const created = await create({ job_id: 'job-304', job_type: 't', context_data: {} });
      await request(t.server)
        .get('/context/job-304')
        .set('If-None-Match', created.headers.etag)
        .expect(304);
      await request(t.server).get('/context/job-304').set('If-None-Match', '*').expect(304);
      await request(t.server)
        .get('/context/job-304')
        .set('If-None-Match', `W/${created.headers.etag}`)
        .expect(304);
      await request(t.server).get('/context/job-304').set('If-None-Match', '"stale"').expect(200);
    });

    it('answers 400 for an invalid job_id in the path', async () => {
      const res = await request(t.server).get('/context/bad%20id').expect(400);
      expect(res.body.message).toContain('job_id');
      const long = await request(t.server)
        .get(`/context/${'a'.repeat(300)}`)
        .expect(400);
      expect(long.body.message).toContain('job_id must be 1-128');
    });

    it('answers router errors in the shared error shape with a request id', async () => {
      const bad = await request(t.server).get('/context/%E0%A4%A').expect(400);
      expect(bad.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Malformed URL: invalid percent-encoding in the path',
        request_id: bad.headers['x-request-id'],
      });
      const huge = await request(t.server)
        .get(`/context/${'a'.repeat(2000)}`)
        .expect(414);
      expect(huge.body).toMatchObject({ statusCode: 414, error: 'URI Too Long' });
      expect(huge.body.request_id).toBe(huge.headers['x-request-id']);
    });
  });

  describe('PUT /context/:job_id', () => {
    it('replaces context_data, keeps created_at and moves updated_at forward', async () => {
      const created = await create({
        job_id: 'job-put',
        job_type: 'a',
        context_data: { old: true, keep: 1 },
      }).expect(201);
      const res = await request(t.server)
        .put('/context/job-put')
        .send({ context_data: { fresh: true } })
        .expect(200);
      expect(res.body).toMatchObject({ job_type: 'a', context_data: { fresh: true }, version: 2 });
      expect(res.body.created_at).toBe(created.body.created_at);
      expect(Date.parse(res.body.updated_at)).toBeGreaterThan(Date.parse(created.body.updated_at));
      const retyped = await request(t.server)
        .put('/context/job-put')
        .send({ context_data: {}, job_type: 'b' })
        .expect(200);
      expect(retyped.body).toMatchObject({ job_type: 'b', context_data: {}, version: 3 });
    });

    it('answers 404 for an unknown job and 400 for a bad body', async () => {
      await request(t.server).put('/context/nope').send({ context_data: {} }).expect(404);
      const res = await request(t.server)
        .put('/context/nope')
        .send({ context_data: 5 })
        .expect(400);
      expect(res.body.message).toContain('context_data must be an object');
    });
  });

  describe('PATCH /context/:job_id (JSON Merge Patch)', () => {
    it('merges one key without resending the document, and null removes a key', async () => {
      await create({
        job_id: 'job-patch',
        job_type: 't',
        context_data: { a: 1, nested: { x: 1, y: 2 }, gone: 'soon' },
      }).expect(201);
      const res = await request(t.server)
        .patch('/context/job-patch')
        .set('content-type', 'application/merge-patch+json')
        .send(JSON.stringify({ nested: { y: null, z: 3 }, gone: null, b: [1] }))
        .expect(200);
      expect(res.body.context_data).toEqual({ a: 1, nested: { x: 1, z: 3 }, b: [1] });
      expect(res.body.version).toBe(2);
    });

    it('accepts application/json too, and rejects a non-object patch with 400', async () => {
      await create({ job_id: 'job-patch-2', job_type: 't', context_data: {} }).expect(201);
      await request(t.server).patch('/context/job-patch-2').send({ k: 'v' }).expect(200);
      const res = await request(t.server)
        .patch('/context/job-patch-2')
        .set('content-type', 'application/json')
        .send('[1,2]')
        .expect(400);
      expect(res.body.message).toContain('JSON object');
    });

    it('answers 404 for an unknown job', async () => {
      await request(t.server).patch('/context/nope').send({ a: 1 }).expect(404);
    });

    it('loses none of 50 concurrent patches of different keys', async () => {
      await create({ job_id: 'job-race', job_type: 't', context_data: { base: true } }).expect(201);
      const patches = Array.from({ length: 50 }, (_, i) =>
        request(t.server)
          .patch('/context/job-race')
          .send({ [`key_${i}`]: i }),
      );
      const results = await Promise.all(patches);
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
      const res = await request(t.server).get('/context/job-race').expect(200);
      const expected: Record<string, unknown> = { base: true };
      for (let i = 0; i < 50; i++) expected[`key_${i}`] = i;
      expect(res.body.context_data).toEqual(expected);
      expect(res.body.version).toBe(51);
    });
  });

  describe('optimistic concurrency (ETag / If-Match)', () => {
    it('applies a write whose If-Match is current and answers 412 to a stale one', async () => {
      const created = await create({ job_id: 'job-etag', job_type: 't', context_data: { n: 0 } });
      const etag1 = created.headers.etag;
      const first = await request(t.server)
        .patch('/context/job-etag')
        .set('If-Match', etag1)
        .send({ n: 1 })
        .expect(200);
      expect(first.headers.etag).not.toBe(etag1);

      const stale = await request(t.server)
        .put('/context/job-etag')
        .set('If-Match', etag1)
        .send({ context_data: { n: 99 } })
        .expect(412);
      expect(stale.body).toMatchObject({ statusCode: 412, error: 'Precondition Failed' });
      await request(t.server)
        .patch('/context/job-etag')
        .set('If-Match', etag1)
        .send({ n: 2 })
        .expect(412);
      await request(t.server).delete('/context/job-etag').set('If-Match', etag1).expect(412);

      const current = await request(t.server).get('/context/job-etag').expect(200);
      expect(current.body.context_data).toEqual({ n: 1 });
      expect(current.headers.etag).toBe(first.headers.etag);
      await request(t.server)
        .put('/context/job-etag')
        .set('If-Match', first.headers.etag)
        .send({ context_data: { n: 3 } })
        .expect(200);
      await request(t.server).delete('/context/job-etag').set('If-Match', '*').expect(204);
    });

    it('lets exactly one of two writers holding the same ETag win', async () => {
      const created = await create({ job_id: 'job-etag-race', job_type: 't', context_data: {} });
      const [a, b] = await Promise.all([
        request(t.server)
          .patch('/context/job-etag-race')
          .set('If-Match', created.headers.etag)
          .send({ who: 'a' }),
        request(t.server)
          .patch('/context/job-etag-race')
          .set('If-Match', created.headers.etag)
          .send({ who: 'b' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const winner = a.status === 200 ? 'a' : 'b';
      const res = await request(t.server).get('/context/job-etag-race').expect(200);
      expect(res.body.context_data).toEqual({ who: winner });
    });

    it('does not match an ETag of a deleted entry re-created under the same id', async () => {
      const first = await create({ job_id: 'job-recreate', job_type: 't', context_data: {} });
      await request(t.server).delete('/context/job-recreate').expect(204);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await create({ job_id: 'job-recreate', job_type: 't', context_data: {} }).expect(201);
      await request(t.server)
        .patch('/context/job-recreate')
        .set('If-Match', first.headers.etag)
        .send({ a: 1 })
        .expect(412);
    });
  });

  describe('DELETE /context/:job_id', () => {
    it('answers 204, then GET and DELETE answer 404', async () => {
      await create({ job_id: 'job-del', job_type: 't', context_data: {} }).expect(201);
      const res = await request(t.server).delete('/context/job-del').expect(204);
      expect(res.text).toBe('');
      await request(t.server).get('/context/job-del').expect(404);
      await request(t.server).delete('/context/job-del').expect(404);
    });
  });
});
