import { DraftParams, SendParams } from '../src/agents/email/dto/email-action.params';
import { paramsJsonSchema, validateParams } from '../src/orchestrator/agents/action-params.util';
import { planOffline } from '../src/orchestrator/planning/offline/offline-planner';
import {
  DraftParams as PlannerDraftParams,
  NoParams as PlannerSendParams,
} from './fixtures/sales-agents.fixture';

/**
 * The offline planner's email steps fit the real agent. The command's way to the inbox (drafts
 * in the outbox, approval, one message each) is the demo's, in demo.e2e-spec.ts.
 */
describe('email actions and the offline planner', () => {
  it('take exactly the parameters the offline planner produces', () => {
    const names = (type: new () => object) =>
      Object.keys(paramsJsonSchema(type).properties as object).sort();
    expect(names(DraftParams)).toEqual(names(PlannerDraftParams));
    expect(names(SendParams)).toEqual(names(PlannerSendParams));
    for (const command of [
      'Find CTOs in France and draft formal intro emails',
      'Find VPs of Sales in Germany, write a direct email mentioning our Berlin meetup and send it',
    ]) {
      const plan = planOffline({ command, contextKeys: [] });
      expect(plan.ok).toBe(true);
      if (!plan.ok) continue;
      for (const step of plan.plan.steps.filter((candidate) => candidate.agent === 'email')) {
        const type = step.action === 'draft' ? DraftParams : SendParams;
        expect(validateParams(type, step.params)).toMatchObject({ ok: true });
      }
    }
  });
});
