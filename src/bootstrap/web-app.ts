import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { errorBody } from '../common/http/error-body';

/** Where the app's client routes live: reloading any of them never collides with an API path. */
export const WEB_APP_PREFIX = '/app/';
/**
 * The web app as `npm run build` writes it (Vite, after `nest build`): `<repo>/dist/web`, found
 * from this file's folder whether it runs from dist/bootstrap or, in tests, from src/bootstrap.
 */
export const WEB_APP_ROOT = path.resolve(__dirname, '..', '..', 'dist', 'web');
/** Hashed file names never change content: a browser may keep them for a year. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** The shell must be revalidated, so a new build's asset names reach the browser at once. */
const SHELL_CACHE = 'no-cache';

/** Whether a path below /app/ names a built file (assets, icons) rather than a client route. */
export function isAssetPath(relative: string): boolean {
  return relative.startsWith('assets/') || /\.[a-z0-9]+$/i.test(relative);
}

/**
 * Serves the single-page app: `/` and `/app` redirect to `/app/`; files below /app/assets/ with a
 * long cache; every other path below /app/ is a client route and gets index.html. Public (the
 * app asks for the API key itself, and sends it as a header to the API). Without a build, the
 * app's paths answer 503 naming the command that builds it.
 */
export async function registerWebApp(
  app: NestFastifyApplication,
  root: string = WEB_APP_ROOT,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const isBuilt = fs.existsSync(path.join(root, 'index.html'));
  await app.register(fastifyStatic, { root, serve: false });

  const redirect = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(WEB_APP_PREFIX, 302);
  fastify.get('/', redirect);
  fastify.get('/app', redirect);
  fastify.get(`${WEB_APP_PREFIX}*`, (request, reply) => {
    if (!isBuilt) {
      const message = 'The web app is not built: run `npm run build`';
      return reply.code(503).send(errorBody(503, message, request.id));
    }
    const relative = (request.params as { '*'?: string })['*'] ?? '';
    if (relative !== '' && isAssetPath(relative)) {
      const cache = relative.startsWith('assets/') ? ASSET_CACHE : SHELL_CACHE;
      return reply.header('cache-control', cache).sendFile(relative, { cacheControl: false });
    }
    return reply
      .header('cache-control', SHELL_CACHE)
      .type('text/html; charset=utf-8')
      .sendFile('index.html', { cacheControl: false });
  });
}
