import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiResponse,
  ApiSecurity,
  getSchemaPath,
  type ExampleObject,
  type HeadersObject,
} from '@nestjs/swagger';
import { DatabaseUnavailableException } from '../../database/database-unavailable';
import { ErrorResponseDto } from '../dto/error-response.dto';
import { QueueFullResponseDto } from '../dto/queue-full-response.dto';
import { RateLimitedResponseDto } from '../dto/rate-limited-response.dto';
import { CodedHttpException } from '../http/coded-http.exception';
import { QueueFullException } from '../throttling/queue-full.exception';
import { RateLimitedException } from '../throttling/rate-limited.exception';

/** The request id of every example error body. */
export const EXAMPLE_REQUEST_ID = '6f1c0a3e-6a47-4d4b-9f36-1f0f5c7a2b10';

/** A documented error response; `message` (and `error`, for coded errors) replace the example's. */
export interface ErrorResponseSpec {
  status: number;
  description?: string;
  error?: string;
  message?: string;
}

/** What each status means, and an example body for it, when a route says nothing more. */
const ERROR_DEFAULTS: Record<number, Required<Omit<ErrorResponseSpec, 'status'>>> = {
  400: {
    description: 'Invalid input: the message names the field',
    error: 'Bad Request',
    message: 'property extra should not exist',
  },
  401: {
    description: 'Missing or invalid API key (when API_KEYS is set)',
    error: 'Unauthorized',
    message: 'Missing API key: send Authorization: Bearer <key> or X-API-Key',
  },
  404: { description: 'Not found', error: 'Not Found', message: 'Not found' },
  409: {
    description: 'Conflict with the current state',
    error: 'Conflict',
    message: 'Conflict with the current state',
  },
  410: { description: 'Gone', error: 'Gone', message: 'Gone' },
  412: {
    description: 'If-Match does not match the current ETag',
    error: 'Precondition Failed',
    message:
      'If-Match does not match the current version of job_id "job-2026-11-24-001"; fetch it again',
  },
  413: {
    description: 'Body larger than BODY_LIMIT',
    error: 'Payload Too Large',
    message: 'Request body is too large',
  },
  415: {
    description: 'Unsupported content type',
    error: 'Unsupported Media Type',
    message: 'Unsupported Media Type',
  },
  422: {
    description: 'Understood but cannot be done',
    error: 'Unprocessable Entity',
    message: 'Unprocessable Entity',
  },
  502: { description: 'An upstream service failed', error: 'Bad Gateway', message: 'Bad Gateway' },
  503: {
    description: 'Not ready',
    error: 'Service Unavailable',
    message: 'Service Unavailable',
  },
  504: {
    description: 'An upstream service timed out',
    error: 'Gateway Timeout',
    message: 'Gateway Timeout',
  },
};

const json = (schema: object, examples: Record<string, ExampleObject>) => ({
  'application/json': { schema, examples },
});

/** An error response in the ErrorResponseDto shape, with an example of its own status. */
export function ApiError(spec: number | ErrorResponseSpec, details?: unknown) {
  const { status, ...given } = typeof spec === 'number' ? { status: spec } : spec;
  const defaults = ERROR_DEFAULTS[status];
  if (!defaults) throw new Error(`No error defaults for status ${status}: add them`);
  const { description, error, message } = { ...defaults, ...given };
  const value = { statusCode: status, error, message, request_id: EXAMPLE_REQUEST_ID, details };
  if (details === undefined) delete value.details;
  return applyDecorators(
    ApiExtraModels(ErrorResponseDto),
    ApiResponse({
      status,
      description,
      content: json({ $ref: getSchemaPath(ErrorResponseDto) }, { [error]: { value } }),
    }),
  );
}

/** One example of a status that answers more than one error code. */
export interface ErrorExample {
  error: string;
  message: string;
  /** What the example shows, in the list Swagger UI offers. */
  summary?: string;
  details?: unknown;
}

/** An error response whose status answers several codes, with an example of each. */
export function ApiErrorExamples(
  spec: { status: number; description: string },
  examples: ErrorExample[],
) {
  const values = Object.fromEntries(
    examples.map(({ error, message, summary, details }) => {
      const value = { statusCode: spec.status, error, message, request_id: EXAMPLE_REQUEST_ID };
      return [error, { summary, value: details === undefined ? value : { ...value, details } }];
    }),
  );
  return applyDecorators(
    ApiExtraModels(ErrorResponseDto),
    ApiResponse({
      status: spec.status,
      description: spec.description,
      content: json({ $ref: getSchemaPath(ErrorResponseDto) }, values),
    }),
  );
}

/** Where a route's 429 may come from besides the global RATE_LIMIT. */
export interface TooManyRequestsOptions {
  /** The route is also under COMMAND_RATE_LIMIT (POST /command). */
  commandRateLimit?: boolean;
  /** The route submits a job, refused while its client has too many queued or running jobs. */
  queueFull?: boolean;
}

const RATE_LIMIT_HEADERS: HeadersObject = {
  'Retry-After': {
    description: 'Seconds until the limit resets (rate_limited only)',
    schema: { type: 'integer' },
    example: 42,
  },
  'RateLimit-Policy': {
    description:
      'The limit hit, as the IETF httpapi rate-limit headers draft writes it: its name, quota `q` and window `w` in seconds (rate_limited only)',
    schema: { type: 'string' },
    example: '"default";q=600;w=60',
  },
  RateLimit: {
    description:
      'What is left of that limit: remaining requests `r` and seconds until it resets `t` (rate_limited only)',
    schema: { type: 'string' },
    example: '"default";r=0;t=42',
  },
};

/** An error body as the exception filter writes it for `exception`. */
function exampleBody(exception: CodedHttpException) {
  return {
    statusCode: exception.getStatus(),
    error: exception.code,
    message: exception.message,
    request_id: EXAMPLE_REQUEST_ID,
    ...exception.fields,
  };
}

const rateLimited = (policy: 'default' | 'command', limit: number) =>
  exampleBody(
    new RateLimitedException({ policy, limit, windowSeconds: 60, remaining: 0, resetSeconds: 42 }),
  );

/** 429, in the RateLimitedResponseDto shape (or QueueFullResponseDto), with the rate-limit headers. */
export function ApiTooManyRequests(options: TooManyRequestsOptions = {}) {
  const examples: Record<string, ExampleObject> = {
    rate_limited: {
      summary: 'Over RATE_LIMIT (requests per client per minute, all routes)',
      value: rateLimited('default', 600),
    },
  };
  if (options.commandRateLimit) {
    examples.command_rate_limited = {
      summary: 'Over COMMAND_RATE_LIMIT (POST /command per client per COMMAND_RATE_TTL_SECONDS)',
      value: rateLimited('command', 5),
    };
  }
  if (options.queueFull) {
    examples.queue_full = {
      summary: 'The client has too many queued or running jobs',
      value: exampleBody(new QueueFullException(100)),
    };
  }
  const schema = options.queueFull
    ? {
        oneOf: [
          { $ref: getSchemaPath(RateLimitedResponseDto) },
          { $ref: getSchemaPath(QueueFullResponseDto) },
        ],
      }
    : { $ref: getSchemaPath(RateLimitedResponseDto) };
  return applyDecorators(
    ApiExtraModels(RateLimitedResponseDto, QueueFullResponseDto),
    ApiResponse({
      status: 429,
      description: options.queueFull
        ? 'Over a rate limit (`rate_limited`, see Retry-After), or too many jobs of this client queued or running (`queue_full`)'
        : 'Over a rate limit: retry after Retry-After seconds',
      headers: RATE_LIMIT_HEADERS,
      content: json(schema, examples),
    }),
  );
}

/** 503 `database_unavailable`, with Retry-After: the database is stopped or restarting. */
export function ApiDatabaseUnavailable() {
  return applyDecorators(
    ApiExtraModels(ErrorResponseDto),
    ApiResponse({
      status: 503,
      description:
        'The database cannot be reached or cannot serve now (stopped, restarting): retry after Retry-After seconds',
      headers: {
        'Retry-After': {
          description: 'Seconds to wait before trying again',
          schema: { type: 'integer' },
          example: 5,
        },
      },
      content: json(
        { $ref: getSchemaPath(ErrorResponseDto) },
        { database_unavailable: { value: exampleBody(new DatabaseUnavailableException()) } },
      ),
    }),
  );
}

/** A route's 429, when it may come from more than the global RATE_LIMIT. */
export type TooManyRequestsSpec = { status: 429 } & TooManyRequestsOptions;

/**
 * Documents the error responses of a route that needs an API key: 401, 429 and 503 (the database
 * unavailable) always (a TooManyRequestsSpec replaces the plain 429), and the statuses given, each
 * with an example of its own status.
 */
export function ApiErrorResponses(
  ...responses: (number | ErrorResponseSpec | TooManyRequestsSpec)[]
) {
  const tooMany = responses.find((r): r is TooManyRequestsSpec => isTooManyRequests(r));
  const others = responses.filter((r) => !isTooManyRequests(r));
  return applyDecorators(
    ApiError(401),
    ApiTooManyRequests(tooMany),
    ApiDatabaseUnavailable(),
    ...others.map((response) => ApiError(response)),
  );
}

function isTooManyRequests(
  response: number | ErrorResponseSpec | TooManyRequestsSpec,
): response is TooManyRequestsSpec {
  return typeof response === 'object' && response.status === 429;
}

/** Documents that a controller's routes need an API key when API_KEYS is set (all but @Public()). */
export function ApiKeyAuth() {
  return applyDecorators(ApiBearerAuth(), ApiSecurity('api-key'));
}
