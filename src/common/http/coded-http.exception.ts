import { HttpException } from '@nestjs/common';

/**
 * An HTTP error with a machine-readable code in place of the reason phrase (`invalid_plan`, …)
 * and optional details, e.g. the list of problems found. `fields` go into the body beside the
 * shared ones, for errors whose clients read figures (`retry_after_seconds`, `limit`).
 */
export class CodedHttpException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly fields?: Record<string, unknown>,
  ) {
    super({ message, error: code }, status);
  }
}
