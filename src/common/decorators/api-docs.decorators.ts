import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { ErrorResponseDto } from '../dto/error-response.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: the message names the field',
  401: 'Missing or invalid API key (when API_KEYS is set)',
  404: 'Not found',
  409: 'Conflict with the current state',
  412: 'If-Match does not match the current ETag',
  413: 'Body larger than BODY_LIMIT',
  429: 'Rate limit exceeded; see Retry-After',
};

/** Documents the error responses of a route, all in the shared ErrorResponseDto shape. */
export function ApiErrorResponses(...statuses: number[]) {
  return applyDecorators(
    ...[401, 429, ...statuses].map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorResponseDto }),
    ),
  );
}

/** Documents that a controller's routes need an API key when API_KEYS is set (all but @Public()). */
export function ApiKeyAuth() {
  return applyDecorators(ApiBearerAuth(), ApiSecurity('api-key'));
}
