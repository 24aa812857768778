import { ExecutionContext, Injectable } from '@nestjs/common';
import {
  Resolvable,
  ThrottlerGenerateKeyFunction,
  ThrottlerGetTrackerFunction,
  ThrottlerGuard,
  ThrottlerOptions,
} from '@nestjs/throttler';
import {
  THROTTLER_BLOCK_DURATION,
  THROTTLER_KEY_GENERATOR,
  THROTTLER_LIMIT,
  THROTTLER_SKIP,
  THROTTLER_TRACKER,
  THROTTLER_TTL,
} from '@nestjs/throttler/dist/throttler.constants';
import { RateLimitState, rateLimitHeaders } from './rate-limit-headers.util';
import { RateLimitedException } from './rate-limited.exception';

/** What one named throttler does on one route, read once from the route's decorators. */
interface RouteThrottler {
  throttler: ThrottlerOptions & { name: string };
  skip: boolean;
  limit: Resolvable<number>;
  ttl: Resolvable<number>;
  /** Undefined: the ttl. */
  blockDuration?: Resolvable<number>;
  getTracker: ThrottlerGetTrackerFunction;
  generateKey: ThrottlerGenerateKeyFunction;
}

/**
 * The stock ThrottlerGuard, with three changes:
 * - RATE_LIMIT is per client, across all routes: the stock guard keys its counters by controller
 *   and handler too, which would give each route its own allowance;
 * - responses carry the IETF draft's `RateLimit-Policy` and `RateLimit` fields for the limits
 *   that applied (the stock `X-RateLimit-*` headers are not sent), and a 429 names the limit that
 *   was hit, its size and window, and when to retry, in its headers and its JSON body;
 * - a route's throttler settings (@SkipThrottle, @Throttle, ...) are read from its metadata once,
 *   not on every request (the stock guard makes a dozen metadata look-ups and awaits per request).
 *   Settings given as functions are still resolved per request.
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  private readonly routes = new WeakMap<object, { classRef: object; plan: RouteThrottler[] }>();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (await this.shouldSkip(context)) return true;
    const { req, res } = this.getRequestResponse(context);
    const states: RateLimitState[] = [];
    for (const route of this.planFor(context)) {
      const skipIf = route.throttler.skipIf ?? this.commonOptions.skipIf;
      if (route.skip || skipIf?.(context)) continue;
      const { name } = route.throttler;
      // Static settings (the usual case) are numbers already: no await for them.
      let limit = resolveNumber(context, route.limit, 'limit', name);
      if (typeof limit !== 'number') limit = await limit;
      let ttl = resolveNumber(context, route.ttl, 'ttl', name);
      if (typeof ttl !== 'number') ttl = await ttl;
      let blockDuration = resolveNumber(context, route.blockDuration ?? ttl, 'blockDuration', name);
      if (typeof blockDuration !== 'number') blockDuration = await blockDuration;
      const tracker = await route.getTracker(req, context);
      const key = route.generateKey(context, tracker, name);
      const record = await this.storageService.increment(key, ttl, limit, blockDuration, name);
      const state: RateLimitState = {
        policy: name,
        limit,
        windowSeconds: Math.ceil(ttl / 1000),
        remaining: Math.max(0, limit - record.totalHits),
        resetSeconds: record.isBlocked ? record.timeToBlockExpire : record.timeToExpire,
      };
      if (record.isBlocked) {
        // The answer describes the limit that was hit, and only that one.
        this.setHeaders(res, [state]);
        super.setResponseHeader(res, 'Retry-After', state.resetSeconds);
        throw new RateLimitedException(state);
      }
      states.push(state);
    }
    if (states.length > 0) this.setHeaders(res, states);
    return true;
  }

  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    name: string,
  ): string {
    return `${name}:${tracker}`;
  }

  private setHeaders(res: Record<string, unknown>, states: readonly RateLimitState[]): void {
    for (const [header, value] of Object.entries(rateLimitHeaders(states))) {
      super.setResponseHeader(res, header, value);
    }
  }

  private planFor(context: ExecutionContext): RouteThrottler[] {
    const handler = context.getHandler();
    const classRef = context.getClass();
    const known = this.routes.get(handler);
    if (known?.classRef === classRef) return known.plan;
    const targets = [handler, classRef];
    const read = <T>(key: string, name: string) =>
      this.reflector.getAllAndOverride<T | undefined>(key + name, targets);
    const plan = this.throttlers.map((options): RouteThrottler => {
      const throttler = options as ThrottlerOptions & { name: string };
      const { name } = throttler;
      return {
        throttler,
        skip: Boolean(read<boolean>(THROTTLER_SKIP, name)),
        limit: checked(read(THROTTLER_LIMIT, name) ?? throttler.limit, 'limit', name),
        ttl: checked(read(THROTTLER_TTL, name) ?? throttler.ttl, 'ttl', name),
        blockDuration: checked(
          read(THROTTLER_BLOCK_DURATION, name) ?? throttler.blockDuration,
          'blockDuration',
          name,
          true,
        ),
        getTracker:
          read<ThrottlerGetTrackerFunction>(THROTTLER_TRACKER, name) ??
          throttler.getTracker ??
          this.commonOptions.getTracker!,
        generateKey:
          read<ThrottlerGenerateKeyFunction>(THROTTLER_KEY_GENERATOR, name) ??
          throttler.generateKey ??
          this.commonOptions.generateKey!,
      };
    });
    this.routes.set(handler, { classRef, plan });
    return plan;
  }
}

/** A static setting as a number (checked once), or a per-request function kept as it is. */
function checked(
  value: unknown,
  option: string,
  throttler: string,
  optional = false,
): Resolvable<number> {
  if (typeof value === 'function') return value as Resolvable<number>;
  if (optional && value === undefined) return undefined as unknown as number;
  return toNumber(value, option, throttler);
}

function resolveNumber(
  context: ExecutionContext,
  value: Resolvable<number>,
  option: string,
  throttler: string,
): number | Promise<number> {
  if (typeof value !== 'function') return value;
  return Promise.resolve(value(context)).then((resolved) => toNumber(resolved, option, throttler));
}

/** As the stock guard checks a setting, with its error message. */
function toNumber(value: unknown, option: string, throttler: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || Number.isNaN(number)) {
    throw new Error(
      `Invalid "${option}" for the "${throttler}" throttler: expected a number, got ${JSON.stringify(value)}.`,
    );
  }
  return number;
}
