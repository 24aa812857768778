import { HttpException } from '@nestjs/common';

/**
 * An HTTP error with a machine-readable code in place of the reason phrase (`invalid_plan`, …)
 * and optional details, e.g. the list of problems found.
 */
export class CodedHttpException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super({ message, error: code }, status);
  }
}
