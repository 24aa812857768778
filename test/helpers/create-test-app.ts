import type { ModuleMetadata } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import { AppModule } from '../../src/app.module';
import { configureApp, createAdapter, NEST_APP_OPTIONS } from '../../src/bootstrap/create-app';
import { AppConfig } from '../../src/config/app-config';
import { validateEnv } from '../../src/config/env.schema';
import { LOG_STREAMS } from '../../src/logging/logging.module';
import type { LogStreams } from '../../src/logging/log-streams';
import { dropTestDatabase, testDatabaseOfFolder, testEngine } from './postgres';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** The suite's temporary folder (database file, logs and export files). */
  dir: string;
  /** The HTTP server, for supertest. */
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  /** Closes the app and flushes the log files; the folder stays for a restart. */
  close(): Promise<void>;
  /** Closes the app and deletes the folder. */
  destroy(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment variables on top of the test defaults (temp database and logs, silent logs). */
  env?: Record<string, string>;
  /** Reuse a folder (and so its database), e.g. to restart on the same file. */
  dir?: string;
  /**
   * A database of the test's own (e.g. on a cluster it stops and starts: startPostgresCluster),
   * in place of the folder's; `destroy` leaves it to the test.
   */
  databaseUrl?: string;
  /** Extra modules, e.g. fixture agents the registry should find. */
  imports?: ModuleMetadata['imports'];
  /** Swap providers, e.g. `builder.overrideProvider(TOKEN).useValue(mock)`. */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

/**
 * The whole AppModule, configured as in production, on a fresh SQLite file in a temp folder (or,
 * under `npm run test:pg`, a fresh Postgres database of the test cluster).
 * Nothing is read from the machine's environment or a .env file.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'zigral-test-'));
  // On Postgres (npm run test:pg) the folder remembers its own database, as it holds the file.
  const databaseUrl =
    options.databaseUrl ??
    (testEngine() === 'postgres'
      ? await testDatabaseOfFolder(dir)
      : `sqlite:${join(dir, 'zigral.sqlite')}`);
  const config = new AppConfig(
    validateEnv({
      DATABASE_URL: databaseUrl,
      LOG_DIR: join(dir, 'logs'),
      LOG_LEVEL: 'silent',
      LOG_STDOUT: 'false',
      EXPORT_DIR: join(dir, 'exports'),
      // Suites that want the sample prospects ask for them.
      SEED_SAMPLE_DATA: 'false',
      ...options.env,
    }),
  );
  let builder = Test.createTestingModule({
    imports: [AppModule.forRoot(config), ...(options.imports ?? [])],
  });
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    createAdapter(config),
    NEST_APP_OPTIONS,
  );
  await configureApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  const close = async () => {
    const streams = app.get<LogStreams>(LOG_STREAMS);
    await app.close();
    await streams.close();
    // nestjs-pino keeps one logger per process for lines outside a request; the next app of this
    // test file must get its own, writing to its own files.
    __resetOutOfContextForTests();
  };
  return {
    app,
    config,
    dir,
    server: app.getHttpServer(),
    close,
    destroy: async () => {
      await close();
      if (config.database.type === 'postgres' && !options.databaseUrl) {
        await dropTestDatabase(config.database.url);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
