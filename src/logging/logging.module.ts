import { Module } from '@nestjs/common';
import type { Logger as PinoInstance } from 'pino';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { createLogStreams, LogStreams } from './log-streams';
import { createRootLogger } from './root-logger';

/** Injection token of the log destinations; main.ts closes them last, after the app. */
export const LOG_STREAMS = Symbol('LOG_STREAMS');
/** Injection token of the root pino logger; configureApp hooks request logging to it. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

@Module({
  providers: [
    {
      provide: LOG_STREAMS,
      inject: [AppConfig],
      useFactory: (config: AppConfig): LogStreams =>
        createLogStreams({
          level: config.logLevel,
          dir: config.logDir,
          stdout: !config.logToStdout ? 'off' : process.stdout.isTTY ? 'pretty' : 'json',
        }),
    },
    {
      provide: ROOT_LOGGER,
      inject: [AppConfig, LOG_STREAMS],
      useFactory: (config: AppConfig, streams: LogStreams): PinoInstance =>
        createRootLogger({ level: config.logLevel, secrets: config.secrets }, streams.destination),
    },
  ],
  exports: [LOG_STREAMS, ROOT_LOGGER],
})
class LogStreamsModule {}

/**
 * nestjs-pino wiring: Nest's logger and PinoLogger write through the root logger, every line
 * tagged with the module it comes from (`module`). Requests are logged by Fastify hooks
 * (registerRequestLogging, called by configureApp), not by nestjs-pino's pino-http middleware,
 * so that middleware is mounted on no route.
 */
@Module({
  imports: [
    LogStreamsModule,
    LoggerModule.forRootAsync({
      imports: [LogStreamsModule],
      inject: [ROOT_LOGGER],
      useFactory: (root: PinoInstance) => ({
        renameContext: 'module',
        pinoHttp: { logger: root },
        forRoutes: [],
      }),
    }),
  ],
  exports: [LogStreamsModule],
})
export class LoggingModule {}
