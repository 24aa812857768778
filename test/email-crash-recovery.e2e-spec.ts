import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropTestDatabase, testEngine } from './helpers/postgres';
import { http, jobWhere, sendingServiceEnv } from './helpers/service-http';
import {
  ensureBuilt,
  ServiceProcess,
  startServiceProcess,
  stopServiceProcess,
} from './helpers/service-process';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * Exactly-once sending across a crash: the built service sends four approved drafts to a real
 * SMTP server that holds back its answer to each message; it is SIGKILLed while the server holds
 * the second one. A new process on the same database finishes the job, and every recipient has
 * exactly one message: the interrupted one is recorded as failed, never sent again.
 */
// nest build (only when dist/ is stale) + two start-ups + the lease + the slowed SMTP answers.
jest.setTimeout(180_000);

const RECIPIENTS = ['ana', 'ben', 'cleo', 'dan'].map((name) => `${name}@crash.example`);
const PROSPECTS = RECIPIENTS.map((email, index) => ({
  id: `crash-${index}`,
  name: `${email.split('@')[0]} Exempel`,
  email,
  title: 'VP of Sales',
  seniority: 'vp',
  company: { name: 'Crash AB', domain: 'crash.example', industry: 'Software' },
}));

describe('email.send across a SIGKILL of the built service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zigral-email-crash-'));
  const smtp = new TestSmtpServer();
  let env: Record<string, string>;
  let first: ServiceProcess | undefined;
  let second: ServiceProcess | undefined;

  beforeAll(async () => {
    ensureBuilt();
    await smtp.start();
    // Both processes on one database: a SQLite file in the folder, or (npm run test:pg) a
    // database of the test cluster.
    env = await sendingServiceEnv({ dir, smtpUrl: smtp.url });
  });

  afterAll(async () => {
    for (const service of [first, second]) {
      stopServiceProcess(service);
      await service?.exited;
    }
    await smtp.stop();
    if (testEngine() === 'postgres' && env) await dropTestDatabase(env.DATABASE_URL);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the job with every recipient messaged exactly once', async () => {
    first = await startServiceProcess({ cwd: dir, env });
    const { job_id: jobId } = await http<{ job_id: string }>('POST', `${first.baseUrl}/jobs`, {
      objective: 'Send intro emails',
      steps: [
        { agent: 'email', action: 'draft', params: {} },
        { agent: 'email', action: 'send', params: {} },
      ],
      context: { prospects: PROSPECTS, sender: 'Ana from Zigral', offer: 'a pilot' },
    });
    await jobWhere(first, jobId, (job) => job.status === 'waiting_approval');
    expect(smtp.received).toHaveLength(0);

    // Each message is recorded at once but answered only after 3 s: the kill lands while the
    // service waits for the answer to the second one.
    smtp.replyDelayMs = 3000;
    await http('POST', `${first.baseUrl}/jobs/${jobId}/approve`, {});
    await smtp.waitForCount(2, 20_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    smtp.replyDelayMs = 0;

    second = await startServiceProcess({ cwd: dir, env });
    const done = await jobWhere(second, jobId, (job) =>
      ['succeeded', 'failed', 'cancelled'].includes(job.status),
    );
    expect(done.status).toBe('succeeded');
    expect(done.steps[1].attempts).toBe(2);
    expect(done.steps[1].summary).toBe('Sent 3 of 4; failed 1 (1 interrupted during sending)');
    for (const address of RECIPIENTS) expect(smtp.to(address)).toHaveLength(1);
    expect(smtp.received).toHaveLength(4);

    const outbox = await http<{ items: { to: string; status: string; reason: string | null }[] }>(
      'GET',
      `${second.baseUrl}/outbox?job_id=${jobId}`,
    );
    const byAddress = Object.fromEntries(outbox.items.map((item) => [item.to, item]));
    expect(byAddress[RECIPIENTS[0]].status).toBe('sent');
    expect(byAddress[RECIPIENTS[1]]).toMatchObject({
      status: 'failed',
      reason: 'interrupted during sending; not retried to avoid a duplicate',
    });
    expect([byAddress[RECIPIENTS[2]].status, byAddress[RECIPIENTS[3]].status]).toEqual([
      'sent',
      'sent',
    ]);
  });
});
