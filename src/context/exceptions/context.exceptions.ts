import { ConflictException, NotFoundException, PreconditionFailedException } from '@nestjs/common';

export class ContextNotFoundException extends NotFoundException {
  constructor(jobId: string) {
    super(`No context for job_id "${jobId}"`);
  }
}

export class ContextAlreadyExistsException extends ConflictException {
  constructor(jobId: string) {
    super(`A context for job_id "${jobId}" already exists`);
  }
}

export class ContextVersionMismatchException extends PreconditionFailedException {
  constructor(jobId: string) {
    super(`If-Match does not match the current version of job_id "${jobId}"; fetch it again`);
  }
}

/** Raised when a write keeps losing to concurrent writers; the client may simply retry. */
export class ContextWriteContentionException extends ConflictException {
  constructor(jobId: string) {
    super(`Too many concurrent writes to job_id "${jobId}"; retry the request`);
  }
}
