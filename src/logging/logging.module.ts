import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../config/app-config';
import { createLogStreams, LogStreams } from './log-streams';
import { createSecretScrubber } from './secret-scrubber';

/** Injection token of the log destinations; main.ts closes them last, after the app. */
export const LOG_STREAMS = Symbol('LOG_STREAMS');

/** Headers that carry credentials: replaced wherever a log line holds a `headers` object. */
const CREDENTIAL_HEADERS = ['authorization', '["x-api-key"]', 'cookie', '["set-cookie"]'];
const REDACTED_PATHS = CREDENTIAL_HEADERS.flatMap((header) => [
  `headers.${header}`,
  `*.headers.${header}`,
]).map((path) => path.replace('.[', '['));

interface SerializedRequest {
  id: string;
  method: string;
  url: string;
  remoteAddress?: string;
}

function serializeRequest(req: SerializedRequest): SerializedRequest {
  return { id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress };
}

function serializeResponse(res: { statusCode: number }): { statusCode: number } {
  return { statusCode: res.statusCode };
}

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
            // Lean on purpose: headers are not logged (so no credential can be), and no child
            // logger per request beyond pino-http's own (each costs a serialization).
            serializers: { req: serializeRequest, res: serializeResponse },
            customSuccessObject: (_req: IncomingMessage, _res: ServerResponse, line: object) => ({
              module: 'HTTP',
              ...line,
            }),
            customErrorObject: (
              _req: IncomingMessage,
              _res: ServerResponse,
              _error: Error,
              line: object,
            ) => ({ module: 'HTTP', ...line }),
            customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
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
