'use strict';

/**
 * Ceiling worker (forked by run.js): a bare NestJS app on the Fastify adapter with one controller,
 * GET /context/:id returning a context-entry-sized JSON object. No database, logging, guards,
 * helmet or pipes: the fastest a Nest route can answer on this machine. Plain JavaScript, so the
 * decorators are applied as functions. Listens on 127.0.0.1:<random> and sends `{ port }` over IPC.
 */
require('reflect-metadata');
const { Controller, Get, Module, Param } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');
const { sampleEntry } = require('./lib/payload');

class BareController {
  get(id) {
    return sampleEntry(id);
  }
}
const proto = BareController.prototype;
Param('id')(proto, 'get', 0);
Reflect.decorate([Get(':id')], proto, 'get', Object.getOwnPropertyDescriptor(proto, 'get'));
Reflect.decorate([Controller('context')], BareController);

class BareModule {}
Reflect.decorate([Module({ controllers: [BareController] })], BareModule);

async function main() {
  const app = await NestFactory.create(BareModule, new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  process.send({ port: app.getHttpServer().address().port });
  // The parent stops us with SIGTERM; a vanished parent (IPC closed) stops us too.
  const close = () => app.close().finally(() => process.exit(0));
  process.once('SIGTERM', close);
  process.once('disconnect', close);
}

main().catch((error) => {
  process.send({ error: error.stack || String(error) }, () => process.exit(1));
});
