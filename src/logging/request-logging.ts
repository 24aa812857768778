import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { storage, Store } from 'nestjs-pino/storage';

/**
 * The request fields of a log line (`req`): the same four pino-http logged, never the headers.
 * Accepts a Fastify request, a raw IncomingMessage or the fields themselves.
 */
export function serializeRequest(req: {
  id?: unknown;
  method?: string;
  url?: string;
  originalUrl?: string;
  remoteAddress?: string;
  socket?: { remoteAddress?: string };
}): { id: unknown; method?: string; url?: string; remoteAddress?: string } {
  return {
    id: req.id,
    method: req.method,
    url: withoutCapabilities(req.originalUrl ?? req.url),
    remoteAddress: req.remoteAddress ?? req.socket?.remoteAddress,
  };
}

/** Unsubscribe links carry a bearer token: whoever reads it may opt the recipient out. */
const UNSUBSCRIBE_TOKEN = /^(\/unsubscribe\/)[^/?#]+/;

function withoutCapabilities(url: string | undefined): string | undefined {
  return url?.replace(UNSUBSCRIBE_TOKEN, '$1[REDACTED]');
}

export function serializeResponse(res: { statusCode: number }): { statusCode: number } {
  return { statusCode: res.statusCode };
}

/**
 * What nestjs-pino's PinoLogger finds in its AsyncLocalStorage during a request: the logger bound
 * to the request, made on first use (most requests log nothing but their completion line, and a
 * child logger costs a serialization of its bindings), and the fields `PinoLogger.assign()` adds,
 * which the completion line carries too.
 */
class RequestLogScope {
  private requestLogger?: Logger;
  assigned?: Record<string, unknown>;
  isLogged = false;

  constructor(
    private readonly root: Logger,
    private readonly request: FastifyRequest,
  ) {}

  get logger(): Logger {
    return (this.requestLogger ??= this.root.child({ req: this.request }));
  }

  set logger(logger: Logger) {
    this.requestLogger = logger;
  }

  /** PinoLogger.assign() sets its fields here; this object stands in for the response logger. */
  get responseLogger(): { setBindings(fields: Record<string, unknown>): void } {
    return this;
  }

  setBindings(fields: Record<string, unknown>): void {
    this.assigned = { ...this.assigned, ...fields };
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    logScope: RequestLogScope | null;
  }
}

/**
 * Request logging on Fastify's own hooks instead of nestjs-pino's pino-http middleware, which made
 * two child loggers per request (each serializing the request) and ran through Nest's middleware
 * layer: one line per request (`module: HTTP`, its id, method, URL, client address, status,
 * response time), at info, warn for 4xx, error for 5xx. With `bindToRequest` (LOG_REQUEST_CONTEXT),
 * code that logs during a request through nestjs-pino gets a logger bound to the request; off, no
 * AsyncLocalStorage runs: it makes every promise of the process slower (Node 20's promise hooks).
 */
export function registerRequestLogging(
  fastify: FastifyInstance,
  root: Logger,
  options: { bindToRequest: boolean },
): void {
  fastify.decorateRequest('logScope', null);
  fastify.addHook('onRequest', (request, _reply, done) => {
    const scope = new RequestLogScope(root, request);
    request.logScope = scope;
    if (!options.bindToRequest) return done();
    // PinoLogger reads its request logger from this store; the shape is all it relies on.
    storage.run(scope as unknown as Store, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    logCompletion(root, request, reply);
    done();
  });
  // A client that goes away before its answer is logged too, once.
  fastify.addHook('onRequestAbort', (request, done) => {
    if (claimLine(request) && root.isLevelEnabled('info')) {
      root.info({ module: 'HTTP', ...request.logScope?.assigned, req: request }, 'request aborted');
    }
    done();
  });
}

/** True the first time it is called for a request: each request gets one line. */
function claimLine(request: FastifyRequest): boolean {
  const scope = request.logScope;
  if (!scope) return true;
  if (scope.isLogged) return false;
  scope.isLogged = true;
  return true;
}

function logCompletion(root: Logger, request: FastifyRequest, reply: FastifyReply): void {
  if (!claimLine(request)) return;
  const statusCode = reply.statusCode;
  const level = statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
  if (!root.isLevelEnabled(level)) return;
  const fields: Record<string, unknown> = {
    module: 'HTTP',
    ...request.logScope?.assigned,
    req: request,
    res: { statusCode },
    responseTime: Math.round(reply.elapsedTime),
  };
  if (statusCode >= 500) {
    // As pino-http logged it: the exception filter has logged the cause already.
    fields.err = new Error(`failed with status code ${statusCode}`);
    root.error(fields, 'request errored');
  } else {
    root[level](fields, 'request completed');
  }
}
