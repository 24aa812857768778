'use strict';

/**
 * Ceiling worker (forked by run.js): a bare NestJS app on the Fastify adapter with one controller.
 * No logging, guards, helmet, pipes or validation: the fastest a Nest route can answer on this
 * machine. Plain JavaScript, so the decorators are applied as functions.
 *   - GET /context/:id returns a context-entry-sized JSON object (no database);
 *   - PATCH /context/:id merges its JSON body into an entry with one raw better-sqlite3
 *     statement in autocommit (`json_patch` ... RETURNING, as the service's own PATCH does, on a
 *     WAL file with synchronous=NORMAL and the service's contexts table) and returns the entry:
 *     what PATCH costs with nothing of the service around it, the ceiling of PATCH /context/{id}.
 * Listens on 127.0.0.1:<random> and sends `{ port, ids }` over IPC (`ids`: the seeded entries).
 *
 * Usage: node bench/bare-nest-app.js <database file> <entries to seed>
 */
require('reflect-metadata');
const {
  Body,
  Controller,
  Get,
  Module,
  NotFoundException,
  Param,
  Patch,
} = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');
const { openContextsDb } = require('./lib/contexts-db');
const { CONTEXT_JSON, sampleEntry } = require('./lib/payload');

const [file, seedArg] = process.argv.slice(2);
const seedCount = Number(seedArg) > 0 ? Number(seedArg) : 1000;

function openDatabase() {
  const { db, insert } = openContextsDb(file);
  const ids = Array.from({ length: seedCount }, (_, i) => `bench-${i}`);
  const now = new Date().toISOString();
  db.transaction(() => ids.forEach((id) => insert.run(id, CONTEXT_JSON, now, now)))();
  return { db, ids };
}

const { db, ids } = openDatabase();
const patchStatement = db.prepare(
  'UPDATE contexts SET context_data = json_patch(context_data, ?), version = version + 1, ' +
    'updated_at = ? WHERE job_id = ? RETURNING job_id, job_type, context_data, version, ' +
    'created_at, updated_at',
);

class BareController {
  get(id) {
    return sampleEntry(id);
  }

  patch(id, body) {
    const row = patchStatement.get(JSON.stringify(body), new Date().toISOString(), id);
    if (!row) throw new NotFoundException();
    return { ...row, context_data: JSON.parse(row.context_data) };
  }
}
const proto = BareController.prototype;
Param('id')(proto, 'get', 0);
Reflect.decorate([Get(':id')], proto, 'get', Object.getOwnPropertyDescriptor(proto, 'get'));
Param('id')(proto, 'patch', 0);
Body()(proto, 'patch', 1);
Reflect.decorate([Patch(':id')], proto, 'patch', Object.getOwnPropertyDescriptor(proto, 'patch'));
Reflect.decorate([Controller('context')], BareController);

class BareModule {}
Reflect.decorate([Module({ controllers: [BareController] })], BareModule);

async function main() {
  const app = await NestFactory.create(BareModule, new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  process.send({ port: app.getHttpServer().address().port, ids });
  // The parent stops us with SIGTERM; a vanished parent (IPC closed) stops us too.
  const close = () =>
    app
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  process.once('SIGTERM', close);
  process.once('disconnect', close);
}

main().catch((error) => {
  process.send({ error: error.stack || String(error) }, () => process.exit(1));
});
