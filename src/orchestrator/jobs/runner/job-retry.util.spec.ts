import { CoreAgent } from '../../../agents/core/core.agent';
import { fixtureRegistry } from '../../../../test/fixtures/sales-agents.fixture';
import type { AgentRegistry } from '../../agents/agent-registry.service';
import { validatePlan } from '../../agents/plan-validation.util';
import type { PlanStep } from '../../planning/plan.types';
import { hasRetryChanges, planRetry, RetryChanges } from './job-retry.util';

let catalog: AgentRegistry;

beforeAll(async () => {
  catalog = await fixtureRegistry(CoreAgent);
});

const search: PlanStep = { agent: 'prospects', action: 'search', params: { titles: ['CTO'] } };
const score = (params: Record<string, unknown> = {}): PlanStep => ({
  agent: 'research',
  action: 'score_fit',
  params,
});
const draft: PlanStep = { agent: 'email', action: 'draft', params: {} };
const send: PlanStep = { agent: 'email', action: 'send', params: {} };

/** A job of these steps, as accepted with this context, failed at `currentStep`. */
function failedJob(steps: PlanStep[], context: string[], currentStep: number) {
  const result = validatePlan({
    plan: { objective: 'Test', steps },
    catalog,
    initialKeys: context,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { objective: 'Test', steps: result.plan.steps, currentStep };
}

const retry = (job: ReturnType<typeof failedJob>, state: object, changes: RetryChanges) =>
  planRetry({ job, state: state as Record<string, unknown>, changes, catalog });

describe('planRetry', () => {
  it('patches the state the failed step resumes from (JSON merge patch)', () => {
    const job = failedJob([search, score()], ['icp'], 1);
    const state = { icp: { seniorities: ['boss'], titles: ['CTO'] }, prospects: [] };
    const plan = retry(job, state, { context: { icp: { seniorities: ['vp'] }, note: 'x' } });
    expect(plan).toEqual({
      ok: true,
      state: { icp: { seniorities: ['vp'], titles: ['CTO'] }, prospects: [], note: 'x' },
      steps: job.steps,
      approvalAgain: false,
    });
  });

  it('hands a key the patch adds to the steps that use it (reads are recomputed)', () => {
    const job = failedJob([search, score({ icp: { titles: ['CTO'] } })], [], 1);
    expect(job.steps[1].reads).toEqual(['prospects']);
    const plan = retry(job, { prospects: [] }, { context: { icp: { countries: ['Spain'] } } });
    expect(plan.ok && plan.steps[1].reads).toEqual(['prospects', 'icp']);
    expect(plan.ok && plan.steps[0]).toBe(job.steps[0]);
  });

  it("replaces the failed step's params, validated, and leaves the state alone", () => {
    const job = failedJob([search, score()], ['icp'], 1);
    const plan = retry(job, { icp: {}, prospects: [] }, { params: { threshold: 70 } });
    expect(plan.ok && plan.steps[1].params).toEqual({ threshold: 70 });
    expect(plan.ok && 'state' in plan).toBe(false);
    expect(retry(job, {}, { params: { threshold: 700, colour: 'red' } })).toEqual({
      ok: false,
      problem: 'params',
      issues: expect.arrayContaining([
        { path: 'params.threshold', message: 'must not be greater than 100' },
        { path: 'params.colour', message: 'property colour should not exist' },
      ]),
    });
  });

  it('re-checks the inputs the failed step needs against the patched state', () => {
    const job = failedJob([search, score()], ['icp'], 1);
    expect(retry(job, { icp: {}, prospects: [] }, { context: { icp: null } })).toEqual({
      ok: false,
      problem: 'plan',
      issues: [
        {
          path: 'steps[1]',
          message: expect.stringContaining('research.score_fit needs an ideal customer profile'),
          missing: ['params.icp', 'state.icp'],
        },
      ],
    });
    // The edited params may give it instead.
    const viaParams = retry(
      job,
      { icp: {}, prospects: [] },
      { context: { icp: null }, params: { icp: { titles: ['CTO'] } } },
    );
    expect(viaParams.ok).toBe(true);
  });

  it('validates the steps after the failed one too, numbered as in the job', () => {
    const job = failedJob([search, score(), draft], ['icp', 'sender'], 1);
    const plan = retry(
      job,
      { icp: {}, sender: 'Ana', prospects: [] },
      { context: { sender: null } },
    );
    expect(!plan.ok && plan.issues).toEqual([
      expect.objectContaining({ path: 'steps[2]', missing: ['state.sender'] }),
    ]);
  });

  it('asks for approval again when the failed step needs it', () => {
    const job = failedJob([search, draft, send], ['sender'], 2);
    const plan = retry(job, { drafts: [] }, { context: { drafts: [{ id: 'd1' }] } });
    expect(plan.ok && plan.approvalAgain).toBe(true);
  });
});

describe('hasRetryChanges', () => {
  it.each<[RetryChanges | undefined, boolean]>([
    [undefined, false],
    [{}, false],
    [{ context: {} }, false],
    [{ context: { icp: null } }, true],
    [{ params: {} }, true],
  ])('%j → %s', (changes, expected) => {
    expect(hasRetryChanges(changes)).toBe(expected);
  });
});
