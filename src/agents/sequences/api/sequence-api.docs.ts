import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { ErrorResponseSpec } from '../../../common/decorators/api-docs.decorators';

/** The `id` path parameter, a UUID (400 naming it otherwise). */
export const IdParam = () =>
  Param(
    'id',
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a UUID') }),
  );

/** No example: sequence ids are the server's (GET /sequences lists them). */
export const SEQUENCE_ID = ApiParam({
  name: 'id',
  format: 'uuid',
  description: "The sequence's `id`, as GET /sequences lists it",
});

/** No example: enrollment ids are the server's (GET /sequences/{id}/enrollments lists them). */
export const ENROLLMENT_ID = ApiParam({
  name: 'id',
  format: 'uuid',
  description: "The enrollment's `id`, as GET /sequences/{id}/enrollments lists it",
});

export const BAD_ID: ErrorResponseSpec = { status: 400, message: 'id must be a UUID' };

export const SEQUENCE_NOT_FOUND: ErrorResponseSpec = {
  status: 404,
  error: 'sequence_not_found',
  message: 'No sequence with id "5a7c9e1f-2b3d-4f6a-8c0e-1d2f3a4b5c6d"',
};

export const ENROLLMENT_NOT_FOUND: ErrorResponseSpec = {
  status: 404,
  error: 'enrollment_not_found',
  message: 'No enrollment with id "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"',
};
