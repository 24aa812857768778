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

/** Params edited on approve or retry that the step's action refuses; `details` name each field. */
export class InvalidEditedParamsException extends CodedHttpException {
  constructor(issues: { path: string; message: string }[]) {
    super(HttpStatus.BAD_REQUEST, 'invalid_params', 'The edited params do not validate', issues);
  }
}
