import { STATUS_CODES } from 'node:http';
import type { ErrorResponseDto } from '../dto/error-response.dto';

/** The one error shape of the API. */
export function errorBody(
  statusCode: number,
  message: string,
  requestId: string,
  coded?: { code: string; details?: unknown; fields?: Record<string, unknown> },
): ErrorResponseDto {
  const body: ErrorResponseDto = {
    statusCode,
    error: coded?.code ?? STATUS_CODES[statusCode] ?? 'Error',
    message,
    request_id: requestId,
    ...coded?.fields,
  };
  if (coded?.details !== undefined) body.details = coded.details;
  return body;
}
