import { HttpStatus } from '@nestjs/common';
import { CodedHttpException } from '../../common/http/coded-http.exception';
import { onlyMissingInputs, PlanIssue } from '../agents/plan-validation.util';

/**
 * A plan that does not pass validation: 502 when it came from the LLM (after the repair round),
 * 422 when the client or the offline planner sent it. `details` lists every problem found.
 */
export class InvalidPlanException extends CodedHttpException {
  constructor(status: HttpStatus, message: string, issues: PlanIssue[]) {
    super(status, 'invalid_plan', message, issues);
  }
}

/**
 * A plan that would run but for inputs nobody gave (an ICP to score against, a sender to sign
 * with): always 422, whoever planned, since the fix is data from the client. `details` name
 * each step, what it needs and where to add it (`missing`: its sources).
 */
export class MissingInputException extends CodedHttpException {
  constructor(message: string, issues: PlanIssue[]) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'missing_input', message, issues);
  }
}

/** The top-level message of `missing_input`, by where the plan came from. */
export const MISSING_INPUT_MESSAGES = {
  explicit: 'The plan needs inputs it was not given: add them to the steps or the context',
  command:
    'The command needs inputs it was not given: add them to the context or name them in the command',
  retry:
    "The job cannot resume without inputs it was not given: add them to the retry's context or params",
} as const;

/** How a refused plan is answered: `missing_input` when inputs are all it lacks, else `invalid_plan`. */
export function planRefusal(input: {
  issues: PlanIssue[];
  source: keyof typeof MISSING_INPUT_MESSAGES;
  invalid: { status: HttpStatus; message: string };
}): CodedHttpException {
  if (onlyMissingInputs(input.issues)) {
    return new MissingInputException(MISSING_INPUT_MESSAGES[input.source], input.issues);
  }
  return new InvalidPlanException(input.invalid.status, input.invalid.message, input.issues);
}

/** The offline planner cannot map the command to actions it knows. */
export class CommandNotUnderstoodException extends CodedHttpException {
  constructor(reason: string) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'command_not_understood', reason);
  }
}
