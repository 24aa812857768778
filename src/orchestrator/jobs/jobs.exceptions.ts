import { ConflictException, NotFoundException } from '@nestjs/common';
import { HttpStatus } from '@nestjs/common';
import { CodedHttpException } from '../../common/http/coded-http.exception';
import { ApprovalDecision, describeDecision } from './runner/job-approval.util';

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

/**
 * An approve or reject that came after a decision on the job (a race lost, or a second click):
 * the message and `details` name who decided, and when.
 */
export class JobAlreadyDecidedException extends CodedHttpException {
  constructor(jobId: string, status: string, command: string, decision: ApprovalDecision) {
    super(
      HttpStatus.CONFLICT,
      'already_decided',
      `Job "${jobId}" is ${status}; ${command} does not apply: ${describeDecision(decision)}`,
      decision,
    );
  }
}

/** Params edited on approve or retry that the step's action refuses; `details` name each field. */
export class InvalidEditedParamsException extends CodedHttpException {
  constructor(issues: { path: string; message: string }[]) {
    super(HttpStatus.BAD_REQUEST, 'invalid_params', 'The edited params do not validate', issues);
  }
}
