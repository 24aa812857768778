import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp, startApp } from './bootstrap/create-app';
import { ConfigValidationError } from './config/env.schema';
import { loadAppConfig } from './config/load-environment';
import { LOG_STREAMS } from './logging/logging.module';
import type { LogStreams } from './logging/log-streams';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApp(config);
  const logger = new Logger('Bootstrap');
  await startApp(app, config);
  logger.log(`Zigral listening on http://${config.host}:${config.port} (Swagger UI at /docs)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing in-flight requests and closing the database`);
    const deadline = setTimeout(() => {
      logger.error(`Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    let exitCode = 0;
    try {
      await app.close();
      logger.log('Shutdown complete');
    } catch (error) {
      exitCode = 1;
      logger.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await app.get<LogStreams>(LOG_STREAMS).close();
      process.exit(exitCode);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

bootstrap().catch((error: unknown) => {
  // Configuration errors are one clear line. Anything else was already logged with its stack by
  // Nest's exception handler; repeat its message as the last line.
  const message = error instanceof Error ? error.message : String(error);
  const line = error instanceof ConfigValidationError ? message : `Start-up failed: ${message}`;
  process.stderr.write(`${line}\n`);
  process.exit(1);
});
