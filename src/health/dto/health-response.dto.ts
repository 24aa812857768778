import { ApiProperty, type SchemaObject } from '@nestjs/swagger';

/** Checks by name, each with its status (up or down). */
const CHECK: SchemaObject = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', example: 'up' } },
};

/** GET /health when every check is up (Terminus' result). */
export class HealthResponseDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  /** The checks that are up, by name. */
  @ApiProperty({
    type: 'object',
    additionalProperties: CHECK,
    example: { database: { status: 'up' } },
  })
  info: Record<string, { status: string }>;

  /** The checks that are down: none when ready. */
  @ApiProperty({ type: 'object', additionalProperties: CHECK, example: {} })
  error: Record<string, { status: string }>;

  /** Every check, by name. */
  @ApiProperty({
    type: 'object',
    additionalProperties: CHECK,
    example: { database: { status: 'up' } },
  })
  details: Record<string, { status: string }>;
}
