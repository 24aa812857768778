import type { FastifyInstance } from 'fastify';
import { clientError } from './json-body';

const FORM = 'application/x-www-form-urlencoded';

/**
 * Accepts `application/x-www-form-urlencoded` bodies (at most `bodyLimit` bytes) on the routes
 * under `pathPrefixes` only — the HTML forms and RFC 8058 one-click requests of the unsubscribe
 * link. Everywhere else a form body is refused with 415, as before: the API speaks JSON.
 */
export function registerFormParser(
  fastify: FastifyInstance,
  options: { pathPrefixes: string[]; bodyLimit: number },
): void {
  fastify.addContentTypeParser(
    FORM,
    { parseAs: 'string', bodyLimit: options.bodyLimit },
    (request, body, done) => {
      if (!options.pathPrefixes.some((prefix) => request.url.startsWith(prefix))) {
        return done(clientError(415, `Unsupported Media Type: ${FORM}`), undefined);
      }
      const fields: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const [key, value] of new URLSearchParams(body as string)) fields[key] = value;
      done(null, fields);
    },
  );
}
