import { Controller, Get, Logger, Module } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';

interface LogLine {
  level: number;
  upstream?: unknown;
  module?: string;
  msg?: string;
  req?: { id?: string; method?: string; url?: string; headers?: Record<string, string> };
  res?: { statusCode?: number };
  err?: { message?: string };
  responseTime?: number;
}

/** Routes that log during a request and fail with a 500, for the request-line tests. */
@Controller('log-probe')
class LogProbeController {
  private readonly logger = new Logger('LogProbe');

  @Get('inside')
  inside(): { ok: true } {
    this.logger.log('logged while answering');
    return { ok: true };
  }

  @Get('fail')
  fail(): never {
    throw new Error('probe failure');
  }
}

@Module({ controllers: [LogProbeController] })
class LogProbeModule {}

const SECRET = 'sk-zigral-test-7f3a9c1e55';

function readLines(file: string): LogLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LogLine);
}

/** Well-formed, but signed by no key of the test app: the page answers 404. */
const UNSUBSCRIBE_TOKEN = `3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55.${'A'.repeat(43)}`;

describe('Logging (e2e)', () => {
  describe('at LOG_LEVEL=info with a configured API key', () => {
    let t: TestApp;
    let all: LogLine[];
    let errors: LogLine[];
    let rawAll: string;
    let rawErrors: string;

    beforeAll(async () => {
      t = await createTestApp({ env: { LOG_LEVEL: 'info', API_KEYS: SECRET } });
      await request(t.server)
        .get('/contexts')
        .set('Authorization', `Bearer ${SECRET}`)
        .set('Cookie', 'session=abc')
        .set('X-Request-Id', 'log-test-1')
        .expect(200);
      await request(t.server).get('/contexts').set('X-API-Key', SECRET).expect(200);
      // The key in a URL is not in a redacted header: the line scrubber must catch it.
      await request(t.server)
        .get(`/context/missing?token=${SECRET}`)
        .set('X-API-Key', SECRET)
        .expect(404);
      await request(t.server).get('/contexts').set('X-API-Key', `${SECRET}-wrong`).expect(401);
      new Logger('LoggingSpec').error(`an error mentioning ${SECRET}`);
      // Code that logs request headers itself still gets credentials redacted.
      new Logger('LoggingSpec').log({
        msg: 'headers dump',
        upstream: { headers: { authorization: 'Basic dXNlcjpwYXNz', cookie: 'session=abc' } },
      });
      await t.close();
      rawAll = readFileSync(join(t.dir, 'logs', 'zigral.log'), 'utf8');
      rawErrors = readFileSync(join(t.dir, 'logs', 'error.log'), 'utf8');
      all = readLines(join(t.dir, 'logs', 'zigral.log'));
      errors = readLines(join(t.dir, 'logs', 'error.log'));
    });
    afterAll(async () => {
      await t.destroy();
    });

    it('writes zigral.log with start-up and request lines', () => {
      expect(all.some((line) => line.module === 'NestApplication')).toBe(true);
      const requestLines = all.filter((line) => line.module === 'HTTP');
      expect(requestLines).toHaveLength(4);
      expect(requestLines.find((line) => line.req?.id === 'log-test-1')).toBeDefined();
    });

    it('logs each request once with its request id', () => {
      const ids = all.filter((line) => line.module === 'HTTP').map((line) => line.req?.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    });

    it('names the module on every line', () => {
      expect(all.length).toBeGreaterThan(5);
      for (const line of all) expect(line.module).toEqual(expect.any(String));
    });

    it('puts only error-level lines in error.log', () => {
      expect(errors.length).toBeGreaterThanOrEqual(1);
      for (const line of errors) expect(line.level).toBeGreaterThanOrEqual(50);
      expect(errors.some((line) => line.module === 'LoggingSpec')).toBe(true);
      expect(all.some((line) => line.level < 50)).toBe(true);
    });

    it('does not warn that the API is open when keys are set', () => {
      expect(all.some((line) => line.msg?.includes('API is open'))).toBe(false);
    });

    it('never writes the configured key, authorization headers or cookies', () => {
      expect(rawAll).not.toContain(SECRET);
      expect(rawErrors).not.toContain(SECRET);
      expect(rawAll).not.toContain('session=abc');
      expect(rawAll).not.toContain('dXNlcjpwYXNz');
      // Request lines carry no headers at all; a headers dump is redacted by path.
      const requestLine = all.find((line) => line.req?.id === 'log-test-1');
      expect(requestLine?.req).toEqual({
        id: 'log-test-1',
        method: 'GET',
        url: '/contexts',
        remoteAddress: expect.any(String),
      });
      const dump = all.find((line) => line.msg === 'headers dump');
      expect(dump?.upstream).toEqual({
        headers: { authorization: '[REDACTED]', cookie: '[REDACTED]' },
      });
      expect(rawAll).toContain('[REDACTED]');
      expect(rawErrors).toContain('an error mentioning [REDACTED]');
    });
  });

  describe('request lines', () => {
    let t: TestApp;
    let lines: LogLine[];

    beforeAll(async () => {
      t = await createTestApp({
        env: { LOG_LEVEL: 'info', LOG_REQUEST_CONTEXT: 'true' },
        imports: [LogProbeModule],
      });
      await request(t.server)
        .get('/log-probe/inside')
        .set('X-Request-Id', 'probe-inside')
        .expect(200);
      await request(t.server).get('/log-probe/fail').set('X-Request-Id', 'probe-fail').expect(500);
      await request(t.server).get('/context/missing').set('X-Request-Id', 'probe-404').expect(404);
      await request(t.server)
        .get(`/unsubscribe/${UNSUBSCRIBE_TOKEN}`)
        .set('X-Request-Id', 'probe-unsubscribe')
        .expect(404);
      await t.close();
      lines = readLines(join(t.dir, 'logs', 'zigral.log'));
    });
    afterAll(async () => {
      await t.destroy();
    });

    const requestLine = (id: string) =>
      lines.filter((line) => line.module === 'HTTP' && line.req?.id === id);

    it('logs a success at info with method, URL, status and response time', () => {
      const [line, ...more] = requestLine('probe-inside');
      expect(more).toHaveLength(0);
      expect(line).toMatchObject({
        level: 30,
        msg: 'request completed',
        req: { id: 'probe-inside', method: 'GET', url: '/log-probe/inside' },
        res: { statusCode: 200 },
      });
      expect(line.responseTime).toEqual(expect.any(Number));
    });

    it('keeps unsubscribe tokens out of the URL it logs', () => {
      expect(requestLine('probe-unsubscribe')).toEqual([
        expect.objectContaining({
          req: expect.objectContaining({ url: '/unsubscribe/[REDACTED]' }),
        }),
      ]);
      expect(lines.some((line) => JSON.stringify(line).includes(UNSUBSCRIBE_TOKEN))).toBe(false);
    });

    it('logs a 4xx at warn and a 5xx at error, the 5xx also in error.log', () => {
      expect(requestLine('probe-404')).toEqual([
        expect.objectContaining({ level: 40, res: { statusCode: 404 } }),
      ]);
      expect(requestLine('probe-fail')).toEqual([
        expect.objectContaining({
          level: 50,
          msg: 'request errored',
          res: { statusCode: 500 },
          err: expect.objectContaining({ message: 'failed with status code 500' }),
        }),
      ]);
      const errors = readLines(join(t.dir, 'logs', 'error.log'));
      expect(errors.some((line) => line.module === 'HTTP' && line.req?.id === 'probe-fail')).toBe(
        true,
      );
    });

    it('binds lines logged while answering a request to it with LOG_REQUEST_CONTEXT', () => {
      const inside = lines.find((line) => line.msg === 'logged while answering');
      expect(inside).toMatchObject({ module: 'LogProbe', req: { id: 'probe-inside' } });
    });
  });

  it('by default logs lines written during a request without binding them to it', async () => {
    const t = await createTestApp({ env: { LOG_LEVEL: 'info' }, imports: [LogProbeModule] });
    await request(t.server).get('/log-probe/inside').set('X-Request-Id', 'unbound').expect(200);
    await t.close();
    const lines = readLines(join(t.dir, 'logs', 'zigral.log'));
    await t.destroy();
    const inside = lines.find((line) => line.msg === 'logged while answering');
    expect(inside).toMatchObject({ module: 'LogProbe' });
    expect(inside?.req).toBeUndefined();
    expect(
      lines.filter((line) => line.module === 'HTTP' && line.req?.id === 'unbound'),
    ).toHaveLength(1);
  });

  describe('at LOG_LEVEL=warn', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ env: { LOG_LEVEL: 'warn' } });
      await request(t.server).get('/contexts').expect(200);
      await request(t.server).get('/context/missing').expect(404);
      await t.close();
    });
    afterAll(async () => {
      await t.destroy();
    });

    it('warns once at start-up that the API is open when API_KEYS is unset', () => {
      const lines = readLines(join(t.dir, 'logs', 'zigral.log'));
      const warnings = lines.filter((line) => line.msg?.includes('API is open'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ level: 40, module: 'ApiKeyGuard' });
    });

    it('says nothing about TRUST_PROXY when it is off', () => {
      const lines = readLines(join(t.dir, 'logs', 'zigral.log'));
      expect(lines.some((line) => line.module === 'TrustProxy')).toBe(false);
    });

    it('writes warnings and nothing below', () => {
      const lines = readLines(join(t.dir, 'logs', 'zigral.log'));
      expect(lines.length).toBeGreaterThanOrEqual(1);
      for (const line of lines) expect(line.level).toBeGreaterThanOrEqual(40);
      expect(lines.some((line) => line.module === 'HTTP' && line.level === 40)).toBe(true);
    });
  });

  it('warns at start-up that a TRUST_PROXY hop count trusts whoever connects', async () => {
    const t = await createTestApp({ env: { LOG_LEVEL: 'warn', TRUST_PROXY: '2' } });
    await t.close();
    const lines = readLines(join(t.dir, 'logs', 'zigral.log'));
    await t.destroy();
    const warnings = lines.filter((line) => line.module === 'TrustProxy');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40 });
    expect(warnings[0].msg).toContain('TRUST_PROXY=2 trusts the nearest 2 hop(s)');
  });

  it('makes the log folder, nested, when it is missing', async () => {
    const t = await createTestApp({ env: { LOG_LEVEL: 'info' } });
    await t.close();
    const nested = join(t.dir, 'a', 'b', 'logs');
    expect(existsSync(nested)).toBe(false);
    const restarted = await createTestApp({
      dir: t.dir,
      env: { LOG_LEVEL: 'info', LOG_DIR: nested },
    });
    await restarted.close();
    expect(readFileSync(join(nested, 'zigral.log'), 'utf8')).toContain(
      '"module":"NestApplication"',
    );
    await restarted.destroy();
  });
});
