import { ConflictException, NotFoundException } from '@nestjs/common';
import { HttpStatus } from '@nestjs/common';
import { CodedHttpException } from '../../common/http/coded-http.exception';

export class JobNotFoundException extends NotFoundException {
  constructor(jobId: string) {
    super(`No job "${jobId}"`);
  }
}

export class CheckpointNotFoundException extends NotFoundException {
  constructor(jobId: string, which: string) {
    super(`No checkpoint ${which} for job "${jobId}"`);
  }
}

/** The job is not in a state that allows the request (or another request changed it first). */
export class JobStateConflictException extends ConflictException {
  constructor(jobId: string, status: string, command: string) {
    super(`Job "${jobId}" is ${status}; ${command} does not apply`);
  }
}

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

export class InvalidApprovalParamsException extends CodedHttpException {
  constructor(issues: { path: string; message: string }[]) {
    super(HttpStatus.BAD_REQUEST, 'invalid_params', 'The edited params do not validate', issues);
  }
}
