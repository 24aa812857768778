import { randomUUID } from 'node:crypto';
import { AgentRegistry } from '../src/orchestrator/agents/agent-registry.service';
import { validatePlan } from '../src/orchestrator/agents/plan-validation.util';
import { PlanAudienceService } from '../src/orchestrator/plans/plan-audience.service';
import { PlanPreviewService } from '../src/orchestrator/plans/plan-preview.service';
import { PlanPreviewsService } from '../src/orchestrator/plans/plan-previews.service';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { SENDER, storeProspects } from './helpers/email-flow';

/**
 * The preview services on a real SQLite file: the table's writer (pruning, the run claim), the
 * audience against what the action itself finds, and a run refused by the queue limit.
 */
let t: TestApp;
let registry: AgentRegistry;

beforeAll(async () => {
  t = await createTestApp({ env: { JOB_QUEUE_LIMIT_PER_CLIENT: '1' } });
  registry = t.app.get(AgentRegistry);
  await storeProspects(t, [
    { name: 'Ada Alpha', email: 'ada@alpha.example', title: 'CTO' },
    { name: 'Bea Beta', email: 'bea@beta.example', title: 'CTO' },
    { name: 'Cem Gamma', title: 'CTO' },
    { name: 'Dan Delta', email: 'dan@delta.example', title: 'CFO' },
  ]);
});
afterAll(() => t.destroy());

function validated(steps: unknown[], context: Record<string, unknown> = {}) {
  const result = validatePlan({
    plan: { objective: 'Test', steps },
    catalog: registry,
    initialKeys: Object.keys(context),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

describe('PlanAudienceService', () => {
  it('finds what prospects.search itself finds, in its order', async () => {
    const params = { titles: ['CTO'], limit: 2 };
    const plan = validated([{ agent: 'prospects', action: 'search', params }]);
    const computed = await t.app.get(PlanAudienceService).compute(plan, {});
    const action = registry.findAction('prospects', 'search')!;
    const ran = await action.invoke(params, {
      jobId: 'x',
      stepIndex: 0,
      state: {},
      idempotencyKey: 'x:0',
      signal: new AbortController().signal,
    });
    const found = (ran.writes!.prospects as { id: string }[]).map((p) => p.id);
    expect(computed?.ids).toEqual(found);
    expect(computed?.audience).toMatchObject({
      count: 2,
      total_matching: 3,
      excluded: { beyond_limit: 1 },
      recipients: null,
    });
  });

  it('counts who a list in the context would not get a draft', async () => {
    const prospects = [
      { id: 'c1', name: 'Eva Epsilon', email: 'eva@eps.example', company: { name: 'Eps' } },
      { id: 'c2', name: 'Finn Zeta', company: { name: 'Zeta' } },
      { id: 'c3', name: 'Gil Eta', email: 'eva@eps.example', company: { name: 'Eta' } },
    ];
    const context = { prospects, sender: SENDER };
    const plan = validated([{ agent: 'email', action: 'draft', params: {} }], context);
    const computed = await t.app.get(PlanAudienceService).compute(plan, context);
    expect(computed).toMatchObject({
      ids: null,
      audience: {
        source: 'context',
        count: 3,
        recipients: 1,
        excluded: { no_email: 1, other: 1, suppressed: 0 },
      },
    });
  });
});

describe('PlanPreviewsService', () => {
  const row = (expiresAt: Date) => ({
    id: randomUUID(),
    client: null,
    jobType: 'prospecting',
    command: null,
    context: {},
    plan: { objective: 'Pause', steps: [] },
    planner: 'explicit' as const,
    interpretation: { constraints: [], not_understood: [] },
    audience: null,
    audienceIds: null,
    jobId: null,
    createdAt: new Date(),
    expiresAt,
  });

  it('prunes expired previews on insert, and claims a run once', async () => {
    const previews = t.app.get(PlanPreviewsService);
    const old = await previews.create(row(new Date(Date.now() - 1000)));
    expect(await previews.find(old.id)).not.toBeNull();
    const fresh = await previews.create(row(new Date(Date.now() + 60_000)));
    expect(await previews.find(old.id)).toBeNull();
    expect(await previews.markRun(fresh.id, fresh.id)).toBe(true);
    expect(await previews.markRun(fresh.id, fresh.id)).toBe(false);
    await previews.unmarkRun(fresh.id, fresh.id);
    expect((await previews.find(fresh.id))?.jobId).toBeNull();
  });
});

describe('PlanPreviewService.run', () => {
  it('leaves the preview runnable when the queue is full', async () => {
    const service = t.app.get(PlanPreviewService);
    const wait = {
      objective: 'Pause',
      steps: [{ agent: 'core', action: 'wait', params: { seconds: 600 } }],
    };
    const first = await service.previewPlan({ plan: wait, client: 'ip:test' });
    const second = await service.previewPlan({ plan: wait, client: 'ip:test' });
    await service.run(first.id, 'ip:test');
    await expect(service.run(second.id, 'ip:test')).rejects.toMatchObject({ code: 'queue_full' });
    expect((await t.app.get(PlanPreviewsService).find(second.id))?.jobId).toBeNull();
  });
});
