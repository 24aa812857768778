import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The API key a request was let in with (its SHA-256 digest), set by the API-key guard. */
const keyDigests = new WeakMap<object, Buffer>();

export function recordApiKey(request: FastifyRequest, digest: Buffer): void {
  keyDigests.set(request, digest);
}

/**
 * Who sent a request, for per-client limits: `key:<digest prefix>` when API_KEYS is set (the key
 * itself is never stored), else `ip:<client IP>` (as TRUST_PROXY resolves it).
 */
export function clientOf(request: FastifyRequest): string {
  const digest = keyDigests.get(request);
  return digest ? `key:${digest.toString('hex').slice(0, 16)}` : `ip:${request.ip}`;
}

/** The `clientOf` the current request, as a controller parameter. */
export const Client = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  clientOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
