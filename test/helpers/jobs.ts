import request from 'supertest';
import type { TestApp } from './create-test-app';

type Step = { agent: string; action: string; params?: Record<string, unknown> };

/** Creates a job from an explicit plan; returns its id. */
export async function createJob(
  app: TestApp,
  steps: Step[],
  context?: Record<string, unknown>,
): Promise<string> {
  const response = await request(app.server)
    .post('/jobs')
    .send({ objective: 'Test job', steps, context })
    .expect(201);
  return response.body.job_id as string;
}

/** A job as GET /jobs/{id} answers, loosely typed for assertions. */
export interface JobBody {
  status: string;
  current_step: number;
  error: string | null;
  finished_at: string | null;
  steps: ({ status: string; attempts: number } & Record<string, unknown>)[];
  [field: string]: unknown;
}

/** Polls GET /jobs/{id} until `done` holds (bounded). */
export async function waitForJob(
  app: TestApp,
  jobId: string,
  done: (job: JobBody) => boolean,
  timeoutMs = 10_000,
): Promise<JobBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await request(app.server).get(`/jobs/${jobId}`).expect(200)).body as JobBody;
    if (done(body)) return body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} stuck: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const hasStatus =
  (...statuses: string[]) =>
  (job: { status: string }) =>
    statuses.includes(job.status);

/** Reads a finished SSE stream into its events. */
export function parseSse(
  text: string,
): { id: string; event: string; data: Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim().length > 0)
    .map((block) => {
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trim();
      }
      const data = JSON.parse(fields.data ?? '{}') as Record<string, unknown>;
      return { id: fields.id, event: fields.event, data };
    });
}
