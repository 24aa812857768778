import { STATUS_CODES } from 'node:http';
import type { ErrorResponseDto } from '../dto/error-response.dto';

/** The one error shape of the API. */
export function errorBody(
  statusCode: number,
  message: string,
  requestId: string,
): ErrorResponseDto {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, request_id: requestId };
}
