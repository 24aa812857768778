import type { ErrorExample } from '../../common/decorators/api-docs.decorators';
import { MISSING_INPUT_MESSAGES } from './planning.exceptions';

/** The OpenAPI examples of the 422s a refused plan answers (see planRefusal). */
export const INVALID_PLAN_EXAMPLE: ErrorExample = {
  error: 'invalid_plan',
  summary: 'The plan cannot run: details name each step and field',
  message: 'The plan cannot run',
  details: [
    {
      path: 'steps[0]',
      message:
        'email.draft reads "prospects", which no earlier step writes and the context does not give',
    },
  ],
};

export function missingInputExample(source: keyof typeof MISSING_INPUT_MESSAGES): ErrorExample {
  return {
    error: 'missing_input',
    summary: 'Inputs are all the plan lacks: details name the step, what it needs and where',
    message: MISSING_INPUT_MESSAGES[source],
    details: [
      {
        path: 'steps[1]',
        message:
          'research.score_fit needs an ideal customer profile: add params.icp to the step or "icp" to the context',
        missing: ['params.icp', 'state.icp'],
      },
    ],
  };
}
