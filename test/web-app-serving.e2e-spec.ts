import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAssetPath, registerWebApp } from '../src/bootstrap/web-app';

/** An app with only the web app's routes, serving a fake build from a temp folder. */
async function appServing(root: string): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({}).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await registerWebApp(app, root);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('serving the web app under /app/', () => {
  let dir: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zigral-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    app = await appServing(dir);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('redirects / and /app to /app/', async () => {
    for (const url of ['/', '/app']) {
      const response = await get(url);
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/app/');
    }
  });

  it('answers the shell, never cached without revalidation, for every client route', async () => {
    for (const url of ['/app/', '/app/jobs', '/app/jobs/abc-123', '/app/prospects/import?x=1']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<title>shell</title>');
    }
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const response = await get('/app/assets/index-abc123.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe('console.log(1)');
    expect((await get('/app/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for a missing asset instead of the shell, and never leaves the folder', async () => {
    expect((await get('/app/assets/missing-123.js')).statusCode).toBe(404);
    const traversal = await get('/app/assets/..%2f..%2fpackage.json');
    expect([403, 404]).toContain(traversal.statusCode);
    expect(traversal.body).not.toContain('"dependencies"');
  });

  it('answers 503 naming the build command when the app is not built', async () => {
    const unbuilt = await appServing(join(dir, 'nothing-here'));
    try {
      const response = await unbuilt.inject({ method: 'GET', url: '/app/jobs' });
      expect(response.statusCode).toBe(503);
      expect(response.json().message).toMatch(/npm run build/);
    } finally {
      await unbuilt.close();
    }
  });

  it('tells assets from client routes', () => {
    expect(isAssetPath('assets/index-1.js')).toBe(true);
    expect(isAssetPath('favicon.svg')).toBe(true);
    expect(isAssetPath('jobs/abc')).toBe(false);
    expect(isAssetPath('prospects/import')).toBe(false);
  });
});
