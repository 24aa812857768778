import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DatabaseUnavailableException,
  isDatabaseUnavailable,
} from '../../database/database-unavailable';
import { CodedHttpException } from '../http/coded-http.exception';
import { errorBody } from '../http/error-body';

/**
 * Maps every error to `{ statusCode, error, message, request_id }`. HttpExceptions keep their status;
 * an error saying the database cannot be reached or cannot serve now (stopped, restarting) is a
 * 503 `database_unavailable` with Retry-After; anything else unknown is a 500 whose details go to
 * the log, never to the response.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(@InjectPinoLogger('ExceptionFilter') private readonly logger: PinoLogger) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = String(request?.id ?? '');
    const unavailable = !(thrown instanceof HttpException) && isDatabaseUnavailable(thrown);
    const exception = unavailable ? new DatabaseUnavailableException() : thrown;
    const { statusCode, message } = this.describe(exception);
    if (unavailable) {
      // Expected while the database restarts: the cause, without a stack.
      this.logger.warn(
        { request_id: requestId, cause: (thrown as Error).message },
        'Database unavailable',
      );
      void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    } else if (statusCode >= 500 && !(exception instanceof HttpException)) {
      this.logger.error({ err: exception, request_id: requestId }, 'Unhandled error');
    } else if (statusCode >= 500) {
      // A deliberate 5xx (the LLM failed, the database is down): the cause, without a stack.
      this.logger.warn({ request_id: requestId, statusCode, message }, 'Upstream failure');
    }
    const coded =
      exception instanceof CodedHttpException
        ? { code: exception.code, details: exception.details, fields: exception.fields }
        : undefined;
    const body = errorBody(statusCode, message, requestId, coded);
    void reply
      .status(statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }

  private describe(exception: unknown): { statusCode: number; message: string } {
    if (exception instanceof HttpException) {
      return {
        statusCode: exception.getStatus(),
        message: messageOf(exception.getResponse(), exception.message),
      };
    }
    // Errors of Fastify and its plugins carry their client-error status (bad media type, …).
    const { statusCode, message } = (exception ?? {}) as {
      statusCode?: unknown;
      message?: unknown;
    };
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return { statusCode, message: typeof message === 'string' ? message : 'Bad request' };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  }
}

function messageOf(response: string | object, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return fallback;
}
