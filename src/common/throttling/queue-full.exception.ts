import { HttpStatus } from '@nestjs/common';
import { CodedHttpException } from '../http/coded-http.exception';

/** One client already has JOB_QUEUE_LIMIT_PER_CLIENT jobs queued or running. */
export class QueueFullException extends CodedHttpException {
  constructor(limit: number) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'queue_full',
      `This client already has ${limit} jobs queued or running (JOB_QUEUE_LIMIT_PER_CLIENT); submit more when some have finished`,
      undefined,
      { limit },
    );
  }
}
