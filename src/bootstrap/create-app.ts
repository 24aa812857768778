import { Logger as NestLogger, ValidationPipeOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/app-config';
import { errorBody } from '../common/http/error-body';
import { registerFormParser } from '../common/http/form-body';
import {
  clientError,
  jsonBodyProblem,
  nonObjectBodyProblem,
  nulCharacterProblem,
} from '../common/http/json-body';
import { REQUEST_ID_HEADER, requestIdFor } from '../common/http/request-id';
import { registerUploadBodies } from '../common/http/upload-body';
import { FastPathValidationPipe } from '../common/validation/fast-path-validation.pipe';
import { ROOT_LOGGER } from '../logging/logging.module';
import { registerRequestLogging } from '../logging/request-logging';
import { helmetHeaders } from './security-headers';
import { setupSwagger } from './swagger';
import { registerWebApp } from './web-app';

const MAX_PARAM_LENGTH = 1024;
/** Largest form body of the unsubscribe routes (a one-click request is 26 bytes). */
const FORM_BODY_LIMIT = 4096;
const ROUTER_ERROR_MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: 'Malformed URL: invalid percent-encoding in the path',
  FST_ERR_MAX_PARAM_LENGTH: `A path parameter is longer than ${MAX_PARAM_LENGTH} characters`,
};

/**
 * TRUST_PROXY as Fastify takes it. A hop count trusts that many nearest hops, whoever they are (the
 * Express and proxy-addr meaning, and Fastify's before 5.12.1, which now trusts no proxy at all
 * for a bare number), so it goes in as that rule written as a function. configureApp warns.
 */
export function fastifyTrustProxy(
  value: AppConfig['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/**
 * Fastify is the HTTP adapter: a bare route answers about 5x the requests per second of Express
 * on this hardware.
 */
export function createAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // On close, Node's server.close() drops idle keep-alive sockets and lets requests in flight
    // finish. ('idle' would make Fastify close every connection, in flight or not.)
    forceCloseConnections: false,
    genReqId: requestIdFor,
    // Long path parameters reach the route, so an over-long job_id gets the route's own 400.
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Router-level errors (bad percent-encoding, over-long parameters) in the shared error shape.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const statusCode = error.statusCode ?? 400;
      void reply
        .code(statusCode)
        .header(REQUEST_ID_HEADER, request.id)
        .send(
          errorBody(statusCode, ROUTER_ERROR_MESSAGES[error.code] ?? 'Bad request', request.id),
        );
    },
  });
}

/**
 * Options for every Nest application of Zigral. bodyParser false: Fastify's own JSON parser
 * (configured in configureApp) is the only one; Nest would add a form-urlencoded parser.
 */
export const NEST_APP_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

/** The global validation of every DTO: unknown fields are refused, values become DTOs. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
};

/** Builds the whole application as main.ts runs it. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createAdapter(config),
    // abortOnError false: a start-up failure rejects, so main.ts can exit(1) instead of abort().
    { ...NEST_APP_OPTIONS, abortOnError: false },
  );
  return configureApp(app, config);
}

/**
 * Everything around the module graph: logger, content types, security headers, CORS, validation
 * and Swagger. e2e tests apply it to their testing module, so they run the production setup.
 */
export async function configureApp(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  if (typeof config.trustProxy === 'number') {
    new NestLogger('TrustProxy').warn(
      `TRUST_PROXY=${config.trustProxy} trusts the nearest ${config.trustProxy} hop(s) whoever ` +
        'they are: a client reaching the service directly can choose its own IP for rate limits ' +
        "and logs. Prefer the proxies' addresses or CIDRs",
    );
  }

  const fastify = app.getHttpAdapter().getInstance();
  registerRequestLogging(fastify, app.get(ROOT_LOGGER), {
    bindToRequest: config.logRequestContext,
  });
  // helmet's headers (computed once, see helmetHeaders) and the request id, on every response.
  const securityHeaders = helmetHeaders();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(securityHeaders).header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // The API speaks JSON (Nest's form parser is off: bodyParser false). A text/plain body is
  // refused with 415 instead of reaching a DTO as a string.
  fastify.removeContentTypeParser(['text/plain', 'application/json']);
  // JSON, and RFC 7386 merge patches (application/merge-patch+json): Fastify's parser (which
  // refuses __proto__), then the top-level shape (every route takes an object: a stray `42` must
  // not read as `{}` and approve a send), a nesting limit, reserved keys and NUL characters.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(
    ['application/json', 'application/merge-patch+json'],
    { parseAs: 'string', bodyLimit: config.bodyLimitBytes },
    (request, body, done) => {
      // An empty body is an absent one (a client that always sends the JSON content type).
      if (body === '') return done(null, undefined);
      parseJson(request, body as string, (error, value) => {
        if (error) return done(error, undefined);
        const problem =
          nonObjectBodyProblem(value) ??
          jsonBodyProblem(value) ??
          nulCharacterProblem(body as string, value);
        if (problem) return done(clientError(400, problem), undefined);
        done(null, value);
      });
    },
  );
  // Uploads (POST /prospects/import) stream past BODY_LIMIT, up to IMPORT_MAX_BYTES.
  await registerUploadBodies(app, config.importMaxBytes);

  // Forms only where browsers and mail clients post them: the unsubscribe link (RFC 8058).
  registerFormParser(fastify, { pathPrefixes: ['/unsubscribe/'], bodyLimit: FORM_BODY_LIMIT });

  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins.includes('*') ? true : config.corsOrigins,
      exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    });
  }
  app.useGlobalPipes(new FastPathValidationPipe(VALIDATION_OPTIONS));
  setupSwagger(app);
  await registerWebApp(app);
  return app;
}

export async function startApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.listen(config.port, config.host);
}
