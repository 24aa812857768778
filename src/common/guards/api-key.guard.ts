import {
  CanActivate,
  ExecutionContext,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { IS_PUBLIC_KEY } from '../decorators/public.decorator';
import { recordApiKey } from '../http/client-identity';

/**
 * When API_KEYS is set, every route not marked @Public() needs `Authorization: Bearer <key>` or
 * `X-API-Key: <key>`. Keys are compared as SHA-256 digests in constant time, so neither a key's
 * content nor its length leaks through timing. The matched key's label is attached to the request
 * (read it with `@Actor()`).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate, OnApplicationBootstrap {
  private readonly logger = new Logger(ApiKeyGuard.name);
  private readonly keys: { digest: Buffer; label: string }[];

  constructor(
    config: AppConfig,
    private readonly reflector: Reflector,
  ) {
    this.keys = config.apiKeys.map(({ key, label }) => ({ digest: digest(key), label }));
  }

  onApplicationBootstrap(): void {
    if (this.keys.length === 0) {
      this.logger.warn('API_KEYS is not set: the API is open to anyone who can reach it');
    }
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.keys.length === 0) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const presented = presentedKey(request);
    if (presented === undefined) {
      throw new UnauthorizedException(
        'Missing API key: send Authorization: Bearer <key> or X-API-Key',
      );
    }
    const candidate = digest(presented);
    // Check every key, so the time taken does not depend on which one matched.
    let label: string | undefined;
    for (const key of this.keys) {
      if (timingSafeEqual(candidate, key.digest)) label = key.label;
    }
    if (label === undefined) throw new UnauthorizedException('Invalid API key');
    recordApiKey(request, candidate, label);
    return true;
  }
}

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header.length > 0) return header;
  const authorization = request.headers.authorization;
  const match = typeof authorization === 'string' ? /^Bearer\s+(.+)$/i.exec(authorization) : null;
  return match ? match[1].trim() : undefined;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
