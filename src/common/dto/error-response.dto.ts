import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error shape every route answers with. */
export class ErrorResponseDto {
  /** HTTP status code. @example 400 */
  @ApiProperty({ type: 'integer' })
  statusCode: number;
  /** HTTP reason phrase, or a code such as `invalid_plan` for errors clients handle by kind. @example "Bad Request" */
  error: string;
  /** What went wrong, naming the field or resource. @example "context_data must be an object" */
  message: string;
  /** The request id, also in the X-Request-Id response header. @example 6f1c0a3e-6a47-4d4b-9f36-1f0f5c7a2b10 */
  request_id: string;
  /** Details of coded errors: each problem found in a plan (a list), each health check (an object). */
  @ApiPropertyOptional({
    oneOf: [
      { type: 'array', items: {} },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: unknown;
}
