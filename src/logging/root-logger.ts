import pino, { DestinationStream, Logger } from 'pino';
import type { LogLevel } from '../config/env.schema';
import { redactCredentials } from './credential-redaction';
import { serializeRequest, serializeResponse } from './request-logging';
import { createSecretScrubber } from './secret-scrubber';

const ERROR_KEY = 'err';

/**
 * The one pino logger of the process: nestjs-pino's lines outside a request, the request loggers
 * (its children) and the request lines all come from it. Credential headers are redacted from
 * every line and its bindings (see redactCredentials), configured secrets scrubbed from the
 * serialized line.
 */
export function createRootLogger(
  options: { level: LogLevel; secrets: string[] },
  destination: DestinationStream,
): Logger {
  return pino(
    {
      level: options.level,
      serializers: { req: serializeRequest, res: serializeResponse, [ERROR_KEY]: serializeError },
      formatters: {
        log: (fields) => redactCredentials(fields, ERROR_KEY),
        bindings: (bindings) => redactCredentials(bindings, ERROR_KEY),
      },
      hooks: { streamWrite: createSecretScrubber(options.secrets) },
    },
    destination,
  );
}

/** pino's error serializer, then the credential headers an error may carry (an HTTP client's). */
function serializeError(error: unknown): unknown {
  return redactCredentials({ [ERROR_KEY]: pino.stdSerializers.err(error as Error) })[ERROR_KEY];
}
