import request from 'supertest';
import { PostgresSendPacer, SendPacer } from '../../src/agents/email/send-limits/send-pacer';
import { OPENAI_CLIENT } from '../../src/orchestrator/llm/openai-client.provider';
import { chatCompletion } from '../helpers/chat-completion';
import type { TestApp } from '../helpers/create-test-app';
import {
  approveAndFinish,
  draftAndWaitForApproval,
  outboxOf,
  storeProspects,
} from '../helpers/email-flow';
import { createJob, hasStatus, parseSse, waitForJob } from '../helpers/jobs';
import { createReplicaApps } from '../helpers/replica-apps';
import { TestSmtpServer } from '../helpers/test-smtp-server';

/**
 * Two replicas of the whole service on one Postgres database: what one client does on both is
 * limited together, and a job's live events reach a follower on either replica.
 */
describe('two replicas on one Postgres database', () => {
  let replicas: Awaited<ReturnType<typeof createReplicaApps>>;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    replicas = await createReplicaApps(2, {
      env: {
        RATE_LIMIT: '30',
        COMMAND_RATE_LIMIT: '3',
        COMMAND_RATE_TTL_SECONDS: '60',
        TRUST_PROXY: 'true',
      },
    });
    [a, b] = replicas.apps;
  });
  afterAll(() => replicas.destroy());

  it('counts one client against RATE_LIMIT on both replicas together', async () => {
    const client = '198.51.100.7';
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const response = await request((i % 2 === 0 ? a : b).server)
        .get('/agents')
        .set('X-Forwarded-For', client);
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const refused = await request(a.server).get('/agents').set('X-Forwarded-For', client);
    expect(refused.body).toMatchObject({ error: 'rate_limited', policy: 'default', limit: 30 });
    // Another client is not held back on either replica.
    await request(b.server).get('/agents').set('X-Forwarded-For', '198.51.100.8').expect(200);
  });

  it('counts POST /command against COMMAND_RATE_LIMIT on both replicas together', async () => {
    const command = (app: TestApp) =>
      request(app.server)
        .post('/command')
        .set('X-Forwarded-For', '198.51.100.9')
        .send({ command: 'Find CTOs in Germany' });
    await command(a).expect(201);
    await command(b).expect(201);
    const third = await command(a).expect(201);
    expect(third.headers.ratelimit).toMatch(/"command";r=0;t=\d+/);
    const refused = await command(b).expect(429);
    expect(refused.body).toMatchObject({ policy: 'command', limit: 3 });
  });

  it("streams a job's events live on one replica while the other one approves it", async () => {
    const jobId = await createJob(a, [
      { agent: 'core', action: 'review', params: {} },
      { agent: 'core', action: 'set_context', params: { values: { done: true } } },
    ]);
    await waitForJob(a, jobId, hasStatus('waiting_approval'));
    const stream = request(b.server)
      .get(`/jobs/${jobId}/events`)
      .then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await request(a.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
    const events = parseSse((await stream).text);
    expect(events.map((event) => event.event)).toEqual([
      'job_created',
      'approval_needed',
      'approved',
      'step_started',
      'step_succeeded',
      'step_started',
      'step_succeeded',
      'job_finished',
    ]);
    const ids = events.map((event) => Number(event.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
  });
});

describe('two replicas sending email from one Postgres database', () => {
  const smtp = new TestSmtpServer();
  const PACING_MS = 200;
  /** When each reserved slot starts, by this process's clock (both replicas run in it). */
  const slots: number[] = [];
  const recordSlots = (pacer: SendPacer) => {
    expect(pacer).toBeInstanceOf(PostgresSendPacer);
    const reserve = pacer.reserveSlot.bind(pacer);
    pacer.reserveSlot = async (pacingMs) => {
      const wait = await reserve(pacingMs);
      slots.push(Date.now() + wait);
      return wait;
    };
  };
  let replicas: Awaited<ReturnType<typeof createReplicaApps>>;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    await smtp.start();
    replicas = await createReplicaApps(2, {
      env: {
        SMTP_URL: smtp.url,
        EMAIL_FROM: 'ana@zigral.example',
        EMAIL_DAILY_LIMIT: '3',
        EMAIL_PACING_MS: String(PACING_MS),
      },
    });
    [a, b] = replicas.apps;
    for (const app of replicas.apps) recordSlots(app.app.get(SendPacer));
  });
  afterAll(async () => {
    await replicas.destroy();
    await smtp.stop();
  });

  it('sends EMAIL_DAILY_LIMIT messages in all, in slots EMAIL_PACING_MS apart, from jobs approved on both', async () => {
    const first = await storeProspects(a, [
      { name: 'Quin Exempel', email: 'quin@tau.example' },
      { name: 'Rui Exempel', email: 'rui@upsilon.example' },
    ]);
    const second = await storeProspects(b, [
      { name: 'Sam Exempel', email: 'sam@phi.example' },
      { name: 'Tea Exempel', email: 'tea@chi.example' },
    ]);
    const one = await draftAndWaitForApproval(a, first);
    const two = await draftAndWaitForApproval(b, second);
    const done = await Promise.all([
      approveAndFinish(a, one.jobId),
      approveAndFinish(b, two.jobId),
    ]);
    expect(done.map((job) => job.status)).toEqual(['succeeded', 'succeeded']);
    expect(smtp.received).toHaveLength(3);
    const outbox = [...(await outboxOf(a, one.jobId)), ...(await outboxOf(b, two.jobId))];
    expect(outbox.filter((message) => message.status === 'sent')).toHaveLength(3);
    expect(outbox.filter((message) => message.status === 'skipped')).toEqual([
      expect.objectContaining({
        reason: 'daily limit of 3 messages reached (EMAIL_DAILY_LIMIT); not sent',
      }),
    ]);
    // Every message (the skipped one too) took a slot, in one queue across both replicas.
    slots.sort((x, y) => x - y);
    expect(slots).toHaveLength(4);
    for (let i = 1; i < slots.length; i++) {
      expect(slots[i] - slots[i - 1]).toBeGreaterThanOrEqual(PACING_MS - 30);
    }
  });
});

describe('two replicas calling the LLM for one Postgres database', () => {
  const create = jest.fn();
  let replicas: Awaited<ReturnType<typeof createReplicaApps>>;

  beforeAll(async () => {
    replicas = await createReplicaApps(2, {
      env: { LLM_RPM: '1', COMMAND_RATE_LIMIT: '1000' },
      override: (builder) =>
        builder.overrideProvider(OPENAI_CLIENT).useValue({ chat: { completions: { create } } }),
    });
  });
  afterAll(() => replicas.destroy());

  it('admits LLM_RPM calls a minute on both replicas together', async () => {
    create.mockResolvedValue(
      chatCompletion(
        JSON.stringify({
          objective: 'Wait',
          steps: [{ agent: 'core', action: 'wait', params: { seconds: 1 } }],
          interpretation: { constraints: [], not_understood: [] },
        }),
      ),
    );
    const [a, b] = replicas.apps;
    await request(a.server).post('/command').send({ command: 'Wait a second' }).expect(201);
    const paced = await request(b.server)
      .post('/command')
      .send({ command: 'Wait a second' })
      .expect(200);
    expect(paced.body).toMatchObject({ error_type: 'local_rate_limit' });
    expect(paced.body.retry_after_seconds).toBeGreaterThan(30);
    expect(create).toHaveBeenCalledTimes(1);
  });
});
