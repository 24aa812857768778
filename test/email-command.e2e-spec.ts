import request from 'supertest';
import { DraftParams, SendParams } from '../src/agents/email/dto/email-action.params';
import { paramsJsonSchema, validateParams } from '../src/orchestrator/agents/action-params.util';
import { planOffline } from '../src/orchestrator/planning/offline/offline-planner';
import {
  DraftParams as PlannerDraftParams,
  NoParams as PlannerSendParams,
} from './fixtures/sales-agents.fixture';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { outboxOf } from './helpers/email-flow';
import { hasStatus, waitForJob } from './helpers/jobs';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * From a plain-words command to emails in the inbox, offline, on the sample prospects: the
 * offline planner's email steps fit the real agent, drafts land in the outbox, and after
 * approval every draft arrives once.
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

describe('a sales command end to end, offline', () => {
  const smtp = new TestSmtpServer();
  let testApp: TestApp;
  beforeAll(async () => {
    await smtp.start();
    testApp = await createTestApp({
      env: {
        SEED_SAMPLE_DATA: 'true',
        SMTP_URL: smtp.url,
        EMAIL_FROM: 'Ana from Acme <ana@acme.example>',
        EMAIL_PACING_MS: '0',
        COMMAND_RATE_LIMIT: '100',
      },
    });
  });
  afterAll(async () => {
    await testApp.destroy();
    await smtp.stop();
  });

  it('finds, scores and drafts; after approval each draft arrives once', async () => {
    const planned = await request(testApp.server)
      .post('/command')
      .send({
        command:
          'Find 8 VPs of Sales at SaaS companies in Germany, score them against our ICP, draft intro emails and send them',
        context: { sender: 'Ana from Acme', offer: 'A 14-day pilot of our lead scoring' },
      })
      .expect(201);
    expect(planned.body.steps.map((step: { action: string }) => step.action)).toEqual([
      'search',
      'score_fit',
      'draft',
      'send',
    ]);
    const jobId = planned.body.job_id as string;
    const parked = await waitForJob(
      testApp,
      jobId,
      hasStatus('waiting_approval', 'failed'),
      30_000,
    );
    expect(parked.status).toBe('waiting_approval');
    const drafts = await outboxOf(testApp, jobId);
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      const first = String(draft.name).split(' ')[0];
      expect(draft.body).toContain(`Hi ${first},`);
      expect(draft.body).toContain('A 14-day pilot of our lead scoring');
      expect(draft.to).toMatch(/\.example$/);
    }
    expect(smtp.received).toHaveLength(0);

    await request(testApp.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
    const done = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'), 30_000);
    expect(done.status).toBe('succeeded');
    expect(done.steps[3].summary).toBe(`Sent ${drafts.length} of ${drafts.length}`);
    expect(smtp.received.map((entry) => entry.envelopeTo[0]).sort()).toEqual(
      drafts.map((draft) => draft.to).sort(),
    );
  });
});
