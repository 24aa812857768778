import { HttpStatus } from '@nestjs/common';
import { InvalidPlanException, MissingInputException, planRefusal } from './planning.exceptions';

const missing = {
  path: 'steps[1]',
  message: 'research.score_fit needs an ideal customer profile: …',
  missing: ['params.icp' as const, 'state.icp' as const],
};
const invalid = { path: 'steps[0].params.limit', message: 'must not be less than 1' };
const llm = { status: HttpStatus.BAD_GATEWAY, message: 'The LLM did not produce a valid plan' };

describe('planRefusal', () => {
  it('answers missing_input (422, whoever planned) when inputs are all the plan lacks', () => {
    const refusal = planRefusal({ issues: [missing], source: 'command', invalid: llm });
    expect(refusal).toBeInstanceOf(MissingInputException);
    expect(refusal.getStatus()).toBe(422);
    expect(refusal.code).toBe('missing_input');
    expect(refusal.details).toEqual([missing]);
    expect(refusal.message).toContain('name them in the command');
    const explicit = planRefusal({ issues: [missing], source: 'explicit', invalid: llm });
    expect(explicit.message).toContain('add them to the steps or the context');
  });

  it('answers invalid_plan with its status when anything else is wrong too', () => {
    const refusal = planRefusal({ issues: [invalid, missing], source: 'command', invalid: llm });
    expect(refusal).toBeInstanceOf(InvalidPlanException);
    expect(refusal.getStatus()).toBe(502);
    expect(refusal.details).toEqual([invalid, missing]);
  });
});
