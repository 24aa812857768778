import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The API key a request was let in with (its SHA-256 digest and label), set by the API-key guard. */
const matchedKeys = new WeakMap<object, { digest: Buffer; label: string }>();

/** Who acts when API_KEYS is unset (or on a public route): there is no key to name anyone. */
export const ANONYMOUS_ACTOR = 'anonymous';

export function recordApiKey(request: FastifyRequest, digest: Buffer, label: string): void {
  matchedKeys.set(request, { digest, label });
}

/**
 * Who sent a request, for per-client limits: `key:<digest prefix>` when API_KEYS is set (the key
 * itself is never stored), else `ip:<client IP>` (as TRUST_PROXY resolves it).
 */
export function clientOf(request: FastifyRequest): string {
  const digest = matchedKeys.get(request)?.digest;
  return digest ? `key:${digest.toString('hex').slice(0, 16)}` : `ip:${request.ip}`;
}

/**
 * Who a request acts for, as approvals record it: the label of its API key (API_KEYS
 * `label:key`, or `key-<position>`), else `anonymous`. Never anything of the key itself.
 */
export function actorOf(request: FastifyRequest): string {
  return matchedKeys.get(request)?.label ?? ANONYMOUS_ACTOR;
}

/** The `actorOf` the current request, as a controller parameter. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  actorOf(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** The `clientOf` the current request, as a controller parameter. */
export const Client = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  clientOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
