import { ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
import { CodedHttpException } from '../http/coded-http.exception';
import type { PinoLogger } from 'nestjs-pino';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter';

function run(exception: unknown) {
  const logger = { error: jest.fn(), warn: jest.fn() };
  const reply = {
    status: jest.fn().mockReturnThis(),
    header: jest.fn().mockReturnThis(),
    send: jest.fn().mockReturnThis(),
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-42' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter(logger as unknown as PinoLogger).catch(exception, host);
  return {
    status: reply.status.mock.calls[0][0],
    body: reply.send.mock.calls[0][0],
    headers: Object.fromEntries(reply.header.mock.calls),
    logger,
  };
}

describe('AllExceptionsFilter', () => {
  it('keeps an HttpException status and message', () => {
    const { status, body, logger } = run(new NotFoundException('No context for job_id "x"'));
    expect(status).toBe(404);
    expect(body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No context for job_id "x"',
      request_id: 'req-42',
    });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('joins validation messages into one message', () => {
    const { body } = run(new BadRequestException(['a must be a string', 'b should not exist']));
    expect(body.message).toBe('a must be a string; b should not exist');
  });

  it('turns an unknown error into a 500 without its details, and logs it', () => {
    const error = new Error('SQLITE_IOERR at /srv/secret/path.sqlite');
    const { status, body, logger } = run(error);
    expect(status).toBe(500);
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
      request_id: 'req-42',
    });
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ err: error, request_id: 'req-42' }),
      'Unhandled error',
    );
  });

  it('answers a coded error with its code and details, and logs a deliberate 5xx as a warning', () => {
    const error = new CodedHttpException(502, 'invalid_plan', 'The plan stayed invalid', [
      { path: 'steps[0].agent', message: 'unknown agent "crm"' },
    ]);
    const { status, body, logger } = run(error);
    expect(status).toBe(502);
    expect(body).toEqual({
      statusCode: 502,
      error: 'invalid_plan',
      message: 'The plan stayed invalid',
      request_id: 'req-42',
      details: [{ path: 'steps[0].agent', message: 'unknown agent "crm"' }],
    });
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      { request_id: 'req-42', statusCode: 502, message: 'The plan stayed invalid' },
      'Upstream failure',
    );
  });

  it('answers 503 database_unavailable with Retry-After when the database cannot be reached', () => {
    const error = new QueryFailedError(
      'SELECT 1',
      [],
      Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
    );
    const { status, body, headers, logger } = run(error);
    expect(status).toBe(503);
    expect(body).toEqual({
      statusCode: 503,
      error: 'database_unavailable',
      message: 'The database is unavailable; try again shortly',
      request_id: 'req-42',
    });
    expect(headers['retry-after']).toBe('5');
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      {
        request_id: 'req-42',
        cause: expect.stringContaining('terminating connection') as string,
      },
      'Database unavailable',
    );
  });

  it("keeps a plugin error's client status", () => {
    const error = Object.assign(new Error('Unsupported Media Type: text/csv'), { statusCode: 415 });
    expect(run(error)).toMatchObject({ status: 415, body: { error: 'Unsupported Media Type' } });
  });

  it('treats a thrown non-error as a 500', () => {
    expect(run('a string').status).toBe(500);
    expect(run(undefined).status).toBe(500);
  });
});
