import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';
import {
  OpenApiDocument,
  operationsOf,
  parameterExample,
  resolve,
} from './helpers/openapi-examples';

/**
 * What the OpenAPI document promises beyond its linter (npm run lint:openapi): security that
 * matches the API key guard, error examples of their own status, optional paging, and a schema
 * for every success answer.
 */
describe('The OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    t = await createTestApp({ env: { API_KEYS: 'openapi-docs-test-key' } });
    document = (await request(t.server).get('/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('declares security on every operation: none exactly where the service asks for no key', async () => {
    const keyless: string[] = [];
    for (const { key, method, path, operation } of operationsOf(document)) {
      expect({ key, security: operation.security }).toEqual({ key, security: expect.any(Array) });
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const parameter = operation.parameters.find((p: { name: string }) => p.name === name);
        return encodeURIComponent(String(parameterExample(parameter) ?? 'x'));
      });
      const response = await request(t.server)[method as 'get'](url);
      if (operation.security.length === 0) keyless.push(key);
      expect({ key, status: response.status === 401 ? 401 : 'not 401' }).toEqual({
        key,
        status: operation.security.length === 0 ? 'not 401' : 401,
      });
    }
    expect(keyless.sort()).toEqual([
      'GET /health',
      'GET /unsubscribe/{token}',
      'POST /unsubscribe/{token}',
    ]);
  });

  it('gives each error response examples of its own status code', () => {
    let checked = 0;
    for (const { key, operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries<Record<string, unknown>>(
        operation.responses,
      )) {
        const json = resolve(document, response).content?.['application/json'];
        if (Number(status) < 400 || !json) continue;
        const examples = json.examples
          ? Object.values<{ value: { statusCode: number } }>(json.examples).map((e) => e.value)
          : [json.example];
        expect({ key, status, examples: examples.length }).not.toEqual({
          key,
          status,
          examples: 0,
        });
        for (const example of examples) {
          expect({ key, status: example?.statusCode }).toEqual({ key, status: Number(status) });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('makes skip and limit optional integers on every paged list', () => {
    const paged = operationsOf(document).filter(({ operation }) =>
      (operation.parameters ?? []).some((p: { name: string }) => p.name === 'limit'),
    );
    expect(paged.map(({ key }) => key).sort()).toEqual([
      'GET /contexts',
      'GET /exports',
      'GET /jobs',
      'GET /outbox',
      'GET /prospects',
      'GET /prospects/imports',
      'GET /replies',
      'GET /sequences',
      'GET /sequences/{id}/enrollments',
      'GET /suppressions',
      'GET /tasks',
    ]);
    for (const { key, operation } of paged) {
      const paging = operation.parameters
        .filter((p: { name: string }) => ['skip', 'limit'].includes(p.name))
        .map((p: { name: string; required: boolean; schema: { type: string } }) => ({
          key,
          name: p.name,
          required: p.required,
          type: p.schema.type,
        }));
      expect(paging).toEqual([
        { key, name: 'skip', required: false, type: 'integer' },
        { key, name: 'limit', required: false, type: 'integer' },
      ]);
    }
  });

  it('documents a schema for every success answer with a body', () => {
    for (const { key, operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries<Record<string, unknown>>(
        operation.responses,
      )) {
        if (!/^2\d\d$/.test(status) || status === '204') continue;
        const content = resolve(document, response).content ?? {};
        expect({ key, status, mediaTypes: Object.keys(content).length }).not.toEqual({
          key,
          status,
          mediaTypes: 0,
        });
        for (const [mediaType, media] of Object.entries<{ schema?: unknown }>(content)) {
          expect({ key, status, mediaType, schema: typeof media.schema }).toEqual({
            key,
            status,
            mediaType,
            schema: 'object',
          });
        }
      }
    }
  });
});
