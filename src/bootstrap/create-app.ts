import helmet from 'helmet';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/app-config';
import { REQUEST_ID_HEADER, requestIdFor } from '../common/http/request-id';
import { setupSwagger } from './swagger';

/**
 * Fastify is the HTTP adapter: a bare route answers about 5x the requests per second of Express
 * on this hardware.
 */
export function createAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // On close, Node's server.close() drops idle keep-alive sockets and lets requests in flight
    // finish. ('idle' would make Fastify close every connection, in flight or not.)
    forceCloseConnections: false,
    genReqId: requestIdFor,
    // Path parameters carry job ids of up to 128 characters (Fastify's default limit is 100).
    routerOptions: { maxParamLength: 256 },
  });
}

/** Builds the whole application as main.ts runs it. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createAdapter(config),
    // abortOnError false: a start-up failure rejects, so main.ts can exit(1) instead of abort().
    { bufferLogs: true, abortOnError: false },
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

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // The API speaks JSON: a text/plain body is refused with 415 instead of reaching a DTO as a string.
  fastify.removeContentTypeParser('text/plain');
  // RFC 7386 merge patches arrive as application/merge-patch+json; parse them like JSON.
  fastify.addContentTypeParser(
    'application/merge-patch+json',
    { parseAs: 'string', bodyLimit: config.bodyLimitBytes },
    fastify.getDefaultJsonParser('error', 'error'),
  );

  // helmet is built once here; @fastify/helmet would rebuild it (and re-parse the CSP) per request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins.includes('*') ? true : config.corsOrigins,
      exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After'],
    });
  }
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  setupSwagger(app);
  return app;
}

export async function startApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.listen(config.port, config.host);
}
