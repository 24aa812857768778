import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stdSerializers } from 'pino-http';
import { AppConfig } from '../config/app-config';
import { createLogStreams, LogStreams } from './log-streams';
import { createSecretScrubber } from './secret-scrubber';

/** Injection token of the log destinations; main.ts closes them last, after the app. */
export const LOG_STREAMS = Symbol('LOG_STREAMS');

/** Headers that carry credentials: replaced before a request is logged. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

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
  ],
  exports: [LOG_STREAMS],
})
class LogStreamsModule {}

/**
 * nestjs-pino wiring: one JSON line per request with its id, every line tagged with the module it
 * comes from (`module`), credentials redacted by path and configured secrets scrubbed from each line.
 */
@Module({
  imports: [
    LogStreamsModule,
    LoggerModule.forRootAsync({
      imports: [LogStreamsModule],
      inject: [AppConfig, LOG_STREAMS],
      useFactory: (config: AppConfig, streams: LogStreams) => ({
        renameContext: 'module',
        pinoHttp: [
          {
            level: config.logLevel,
            // The request id is Fastify's (see requestIdFor), already on req.id.
            serializers: {
              req: stdSerializers.req,
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            customProps: () => ({ module: 'HTTP' }),
            customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
            quietReqLogger: true,
            redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
            hooks: { streamWrite: createSecretScrubber(config.secrets) },
          },
          streams.destination,
        ],
      }),
    }),
  ],
  exports: [LogStreamsModule],
})
export class LoggingModule {}
