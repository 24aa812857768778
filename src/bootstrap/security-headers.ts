import helmet, { HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** helmet's options for Zigral: its defaults, with a CSP that lets Swagger UI run from /docs. */
export const HELMET_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      scriptSrc: ["'self'"],
    },
  },
};

/**
 * The headers helmet sets with these options, computed once: with static directives (no nonce
 * functions) helmet sets the same headers on every response, so running its thirteen middlewares
 * and `setHeader` calls per request only costs CPU. Throws if helmet fails or asks for the request.
 */
export function helmetHeaders(
  options: Readonly<HelmetOptions> = HELMET_OPTIONS,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  // A request without properties: helmet's static middlewares never read it.
  const request = new Proxy({} as IncomingMessage, {
    get(_target, property) {
      throw new Error(`helmet read request.${String(property)}: its headers are not static`);
    },
  });
  let failure: unknown;
  helmet(options)(request, response, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return headers;
}
