import request from 'supertest';
import { ProspectUpsertService } from '../../src/agents/prospects/upsert/prospect-upsert.service';
import type { ProspectInState } from '../../src/agents/prospects/prospect.types';
import { createTestApp, TestApp } from './create-test-app';
import { createJob, hasStatus, JobBody, waitForJob } from './jobs';
import type { TestSmtpServer } from './test-smtp-server';

/**
 * A test app that sends through `smtp` (started already) as ana@zigral.example, without pacing;
 * `env` adds to or overrides that.
 */
export function createSendingTestApp(
  smtp: TestSmtpServer,
  env: Record<string, string> = {},
): Promise<TestApp> {
  return createTestApp({
    env: {
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'ana@zigral.example',
      EMAIL_PACING_MS: '0',
      ...env,
    },
  });
}

/** A prospect to store: the name's first word is the greeting, the email's domain its company's. */
export interface StoredProspect {
  name: string;
  email?: string;
  title?: string;
  company?: string;
  industry?: string;
}

/** Stores prospects in the database (so opt-out applies to them); answers them as in the job state. */
export async function storeProspects(
  app: TestApp,
  prospects: StoredProspect[],
): Promise<ProspectInState[]> {
  const upserts = app.app.get(ProspectUpsertService);
  const outcomes = await upserts.upsertMany(
    prospects.map((prospect) => ({
      name: prospect.name,
      email: prospect.email,
      title: prospect.title ?? 'VP of Sales',
      company: {
        name: prospect.company ?? 'Beta GmbH',
        domain: prospect.email?.split('@')[1],
        industry: prospect.industry ?? 'Software',
      },
    })),
  );
  return Promise.all(
    outcomes.map(async (outcome) => {
      if (outcome.action === 'skipped') throw new Error(`not stored: ${outcome.reason}`);
      const body = (await request(app.server).get(`/prospects/${outcome.id}`).expect(200)).body;
      return {
        id: body.id,
        name: body.name,
        ...(body.email ? { email: body.email } : {}),
        title: body.title,
        seniority: body.seniority,
        company: { name: body.company.name, domain: body.company.domain, industry: 'Software' },
      } as ProspectInState;
    }),
  );
}

export const SENDER = { name: 'Ana Exemple', title: 'Head of Partnerships', company: 'Zigral' };
export const OFFER = 'a 14-day pilot of automated prospect research';

/** A job that drafts for `prospects` and sends after approval; answers it parked for approval. */
export async function draftAndWaitForApproval(
  app: TestApp,
  prospects: ProspectInState[],
): Promise<{ jobId: string; job: JobBody }> {
  const jobId = await createJob(app, [
    {
      agent: 'core',
      action: 'set_context',
      params: { values: { prospects, sender: SENDER, offer: OFFER } },
    },
    { agent: 'email', action: 'draft', params: { tone: 'friendly' } },
    { agent: 'email', action: 'send', params: {} },
  ]);
  const job = await waitForJob(app, jobId, hasStatus('waiting_approval', 'failed'), 20_000);
  return { jobId, job };
}

/** Approves the send step and waits for the job to end. */
export async function approveAndFinish(app: TestApp, jobId: string): Promise<JobBody> {
  await request(app.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
  return waitForJob(app, jobId, hasStatus('succeeded', 'failed', 'cancelled'), 30_000);
}

/** The job's state as its context holds it. */
export async function jobState(app: TestApp, jobId: string): Promise<Record<string, unknown>> {
  const context = (await request(app.server).get(`/context/${jobId}`).expect(200)).body;
  return context.context_data.state as Record<string, unknown>;
}

/** The outbox messages of a job. */
export async function outboxOf(
  app: TestApp,
  jobId: string,
): Promise<
  { id: string; to: string; status: string; reason: string | null; [key: string]: unknown }[]
> {
  const response = await request(app.server)
    .get('/outbox')
    .query({ job_id: jobId, limit: 100 })
    .expect(200);
  return response.body.items;
}
