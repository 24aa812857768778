import { HttpStatus } from '@nestjs/common';
import { CodedHttpException } from '../../common/http/coded-http.exception';
import type { PlanIssue } from '../agents/plan-validation.util';

/**
 * A plan that does not pass validation: 502 when it came from the LLM (after the repair round),
 * 422 when the client or the offline planner sent it. `details` lists every problem found.
 */
export class InvalidPlanException extends CodedHttpException {
  constructor(status: HttpStatus, message: string, issues: PlanIssue[]) {
    super(status, 'invalid_plan', message, issues);
  }
}

/** The offline planner cannot map the command to actions it knows. */
export class CommandNotUnderstoodException extends CodedHttpException {
  constructor(reason: string) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'command_not_understood', reason);
  }
}
