import { ApiProperty } from '@nestjs/swagger';

/** A job refused (429) because its client already has as many queued or running jobs as allowed. */
export class QueueFullResponseDto {
  /** @example 429 */
  @ApiProperty({ type: 'integer', enum: [429] })
  statusCode: number;

  @ApiProperty({ enum: ['queue_full'] })
  error: 'queue_full';

  /** @example "This client already has 100 jobs queued or running (JOB_QUEUE_LIMIT_PER_CLIENT); submit more when some have finished" */
  message: string;

  /** The request id, also in the X-Request-Id response header. @example 6f1c0a3e-6a47-4d4b-9f36-1f0f5c7a2b10 */
  request_id: string;

  /** Queued or running jobs a client may have at once (JOB_QUEUE_LIMIT_PER_CLIENT). @example 100 */
  @ApiProperty({ type: 'integer' })
  limit: number;
}
