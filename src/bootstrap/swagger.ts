import { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { IS_PUBLIC_KEY } from '../common/decorators/public.decorator';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The OpenAPI document of the application's routes, as /docs-json serves it. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Zigral API')
    .setDescription(
      'Plans and runs AI-agent jobs for sales prospecting and outreach. When API_KEYS is set, ' +
        'send `Authorization: Bearer <key>` or `X-API-Key: <key>`; the routes whose `security` ' +
        'is empty (health, unsubscribe links) need no key.',
    )
    .setVersion('0.1.0')
    // Relative: the service that serves this document (Swagger UI's "Try it out" calls it).
    .addServer('/', 'This Zigral service')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  // As package.json says; DocumentBuilder.setLicense would also write an empty url.
  config.info.license = { name: 'UNLICENSED' };
  const document = SwaggerModule.createDocument(app, config);
  declarePublicRoutes(document, publicOperationIds(app));
  return document;
}

/** Swagger UI at /docs, the OpenAPI document at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

/**
 * `security: []` on the operations of routes @Public() opens: they need no key even when
 * API_KEYS is set. Read from the metadata the ApiKeyGuard reads, so the two cannot disagree.
 */
function declarePublicRoutes(document: OpenAPIObject, publicIds: ReadonlySet<string>): void {
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation?.operationId && publicIds.has(operation.operationId)) operation.security = [];
    }
  }
}

/** The operation ids (`Controller_method`, as @nestjs/swagger names them) of @Public() routes. */
function publicOperationIds(app: INestApplication): Set<string> {
  const reflector = new Reflector();
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype, instance } of module.controllers.values()) {
      if (!metatype || !instance) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const targets = [handler, metatype];
        if (reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) {
          ids.add(`${metatype.name}_${name}`);
        }
      }
    }
  }
  return ids;
}
