import request from 'supertest';
import { OutboxMessageEntity } from '../src/agents/email/outbox-message.entity';
import { AgentRegistry } from '../src/orchestrator/agents/agent-registry.service';
import { OPENAI_CLIENT } from '../src/orchestrator/llm/openai-client.provider';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { OFFER, SENDER, storeProspects } from './helpers/email-flow';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';
import type { ProspectInState } from '../src/agents/prospects/prospect.types';
import { chatCompletion } from './helpers/chat-completion';

/**
 * email.draft through real jobs, offline (templates) and with the OpenAI client swapped for a
 * mock; and email.send unavailable without SMTP. No SMTP server in this suite.
 */
const companies = [
  {
    domain: 'gamma.example',
    name: 'Gamma BV',
    summary: 'Gamma builds route planning software for bakeries.',
  },
];

async function runDraft(app: TestApp, prospects: unknown[], params: Record<string, unknown> = {}) {
  const jobId = await createJob(app, [
    {
      agent: 'core',
      action: 'set_context',
      params: { values: { prospects, companies, sender: SENDER, offer: OFFER } },
    },
    { agent: 'email', action: 'draft', params },
  ]);
  const job = await waitForJob(app, jobId, hasStatus('succeeded', 'failed'), 20_000);
  const context = (await request(app.server).get(`/context/${jobId}`).expect(200)).body;
  const drafts = context.context_data.state.drafts as Record<string, string>[];
  return { jobId, job, drafts };
}

describe('email.draft offline', () => {
  let testApp: TestApp;
  let stored: ProspectInState[];
  beforeAll(async () => {
    testApp = await createTestApp();
    stored = await storeProspects(testApp, [
      { name: 'Carla Voorbeeld', email: 'carla@gamma.example', company: 'Gamma BV' },
      { name: 'Dirk Exempel', email: 'dirk@delta.example', title: 'Chief Executive Officer' },
      { name: 'Eva Exemplo', email: 'eva@epsilon.example' },
      { name: 'Finn Esempio', email: 'finn@zeta.example' },
    ]);
  });
  afterAll(() => testApp.destroy());

  it('drafts one personalised email per reachable prospect, to the outbox and the state', async () => {
    await request(testApp.server).post(`/prospects/${stored[2].id}/opt-out`).expect(200);
    await request(testApp.server).post('/suppressions').send({ value: 'zeta.example' }).expect(201);
    const noEmail = { id: 'x1', name: 'Nora Nomail', company: { name: 'Nowhere' } };
    const { jobId, job, drafts } = await runDraft(testApp, [...stored, noEmail], {
      tone: 'formal',
    });
    expect(job.status).toBe('succeeded');
    expect(job.steps[1].summary).toBe(
      'Drafted 2 of 5; skipped 3 (1 opted out, 1 suppressed, 1 no email address)',
    );
    expect(drafts.map((draft) => draft.to)).toEqual(['carla@gamma.example', 'dirk@delta.example']);
    const [carla, dirk] = drafts;
    expect(carla).toMatchObject({ prospect_id: stored[0].id, name: 'Carla Voorbeeld' });
    expect(carla.body.startsWith('Dear Carla Voorbeeld,')).toBe(true);
    expect(carla.body).toContain('I read that Gamma builds route planning software for bakeries.');
    expect(carla.body).toContain(OFFER);
    expect(carla.body).toContain('Kind regards,\nAna Exemple\nHead of Partnerships, Zigral');
    expect(dirk.body).toMatch(/As Chief Executive Officer, you (decide|carry)/);
    expect(carla.subject).not.toBe(dirk.subject);

    const outbox = await request(testApp.server)
      .get('/outbox')
      .query({ job_id: jobId })
      .expect(200);
    expect(outbox.body.total).toBe(2);
    const row = outbox.body.items.find((item: { id: string }) => item.id === carla.id);
    expect(row).toMatchObject({ status: 'draft', subject: carla.subject, body: carla.body });
  });

  it('never pastes a formula, link or markup of the data, and says what it left out', async () => {
    // Stored as written, as imports before the cleaning did: a formula title, markup for a company.
    const [gina, hugo] = await storeProspects(testApp, [
      {
        name: 'Gina Probe',
        email: 'gina@probehaus.example',
        title: '=HYPERLINK("http://evil.example","CEO")',
      },
      {
        name: 'Hugo Versuch',
        email: 'hugo@versuchswerk.example',
        title: '=1+1',
        company: '<script>alert(1)</script>',
      },
    ]);
    const { job, drafts } = await runDraft(testApp, [gina, hugo]);
    expect(job.status).toBe('succeeded');
    expect(job.steps[1].summary).toBe(
      'Drafted 2 of 2; fields not pasted as written (formula, link or markup): title in 2 drafts, company.name in 1; see omitted_fields and cleaned_fields in drafts',
    );
    const [forGina, forHugo] = drafts as unknown as Record<string, unknown>[];
    expect(forGina).toMatchObject({ to: 'gina@probehaus.example', cleaned_fields: ['title'] });
    expect(forGina.omitted_fields).toBeUndefined();
    expect(forGina.body).toMatch(/As CEO, you/);
    expect(forHugo).toMatchObject({ omitted_fields: ['title', 'company.name'] });
    expect(forHugo.body).toContain('I came across your company');
    expect(forHugo.body).toMatch(/As part of the team, you [^.]* at your company/);
    for (const draft of [forGina, forHugo]) {
      expect(`${draft.subject}\n${draft.body}`).not.toMatch(
        /HYPERLINK|evil\.example|=1\+1|script/i,
      );
    }
  });

  it('adds no outbox rows when the same step runs again under its idempotency key', async () => {
    const action = testApp.app.get(AgentRegistry).findAction('email', 'draft')!;
    const context = {
      jobId: 'rerun-job',
      stepIndex: 1,
      state: { prospects: stored.slice(0, 2) },
      idempotencyKey: 'rerun-job:1',
      signal: new AbortController().signal,
    };
    const first = await action.invoke({}, context);
    const second = await action.invoke({ tone: 'direct' }, context);
    expect(second.writes).toEqual(first.writes);
    const rows = await testApp.app.get(DataSource).getRepository(OutboxMessageEntity).countBy({
      jobId: 'rerun-job',
    });
    expect(rows).toBe(2);
  });

  it('fails at once, not retried, when prospects is not a list', async () => {
    const { job } = await runDraft(testApp, 'nobody' as never);
    expect(job.status).toBe('failed');
    expect(job.steps[1].attempts).toBe(1);
    expect(job.error).toContain('"prospects" must be a list');
  });

  it('shows email.send unavailable without SMTP, and refuses plans that send', async () => {
    const agents = (await request(testApp.server).get('/agents').expect(200)).body;
    const email = agents.find((agent: { name: string }) => agent.name === 'email');
    expect(email.actions).toEqual([
      expect.objectContaining({ name: 'draft', available: true }),
      expect.objectContaining({
        name: 'send',
        available: false,
        unavailable_reason: 'SMTP is not configured: set SMTP_URL and EMAIL_FROM',
      }),
    ]);
    const plan = await request(testApp.server)
      .post('/jobs')
      .send({
        objective: 'Send',
        steps: [{ agent: 'email', action: 'send' }],
        context: { drafts: [] },
      })
      .expect(422);
    expect(plan.body.details).toEqual([
      {
        path: 'steps[0].action',
        message: 'email.send is unavailable: SMTP is not configured: set SMTP_URL and EMAIL_FROM',
      },
    ]);
    const command = await request(testApp.server)
      .post('/command')
      .send({ command: 'Find VPs of Sales in Germany, draft intro emails and send them' })
      .expect(422);
    expect(JSON.stringify(command.body.details)).toContain('email.send is unavailable');
  });
});

describe('email.draft with the LLM mocked', () => {
  const create = jest.fn();
  const completion = (content: string) =>
    chatCompletion(content, { prompt_tokens: 900, completion_tokens: 400 });
  type Sent = { messages: { role: string; content: string }[]; response_format: unknown };
  const sentAt = (call: number) => create.mock.calls[call][0] as Sent;
  const askedIds = (call: number) =>
    (JSON.parse(sentAt(call).messages[1].content) as { prospects: { id: string }[] }).prospects.map(
      (p) => p.id,
    );
  const prospect = (n: number) => ({
    id: `lp${n}`,
    name: `Lia${n} Exempel`,
    email: `lia${n}@omega.example`,
    title: 'VP of Sales',
    seniority: 'vp',
    company: { name: 'Omega AB', domain: 'omega.example', industry: 'Software' },
  });
  let llmApp: TestApp;

  beforeAll(async () => {
    llmApp = await createTestApp({
      env: { OPENAI_API_KEY: 'sk-test-not-a-real-key' },
      override: (builder) =>
        builder.overrideProvider(OPENAI_CLIENT).useValue({ chat: { completions: { create } } }),
    });
  });
  afterAll(() => llmApp.destroy());
  beforeEach(() => create.mockReset());

  it('asks in batches with structured output, uses good answers, falls back for the rest', async () => {
    create.mockImplementation((body: Sent) => {
      const shown = (
        JSON.parse(body.messages[1].content) as { prospects: { id: string; name: string }[] }
      ).prospects;
      const drafts = shown.map(({ id, name }, index) =>
        index === 1
          ? { id, subject: 'Hi', body: 'Hi [First Name], see https://made.up' }
          : { id, subject: `Subject ${id}`, body: `Hi ${name.split(' ')[0]}, from the model.` },
      );
      return Promise.resolve(completion(JSON.stringify({ drafts })));
    });
    const prospects = Array.from({ length: 17 }, (_, n) => prospect(n));
    const { job, drafts } = await runDraft(llmApp, prospects, {
      tone: 'direct',
      instructions: 'Mention our Berlin meetup',
    });
    expect(job.status).toBe('succeeded');
    expect(create).toHaveBeenCalledTimes(2);
    expect(askedIds(0)).toHaveLength(15);
    expect(askedIds(1)).toHaveLength(2);
    expect(job.steps[1].summary).toBe('Drafted 17 of 17 (LLM 15, templates 2)');
    expect(drafts[0]).toMatchObject({ subject: 'Subject #0', body: 'Hi Lia0, from the model.' });
    // The unusable answer (placeholder, made-up link) was replaced by the template.
    expect(drafts[1].body.startsWith('Lia1,')).toBe(true);
    const sent = sentAt(0);
    expect(sent.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'email_drafts', strict: true },
    });
    expect(sent.messages[0].content).toContain('Never invent');
    const user = JSON.parse(sent.messages[1].content);
    expect(user).toMatchObject({
      tone: 'direct',
      instructions: 'Mention our Berlin meetup',
      sender: SENDER,
      offer: { description: OFFER },
    });
    expect(sent.messages[1].content).not.toContain('@omega.example');
  });

  it('shows the model only the plain text of a formula title, and no markup', async () => {
    create.mockImplementation((body: Sent) => {
      const shown = (JSON.parse(body.messages[1].content) as { prospects: { id: string }[] })
        .prospects;
      const drafts = shown.map(({ id }) => ({ id, subject: 'Hello', body: 'Hi Lia1, hello.' }));
      return Promise.resolve(completion(JSON.stringify({ drafts })));
    });
    const junk = {
      ...prospect(1),
      title: '=HYPERLINK("http://evil.example","CEO")',
      company: { ...prospect(1).company, industry: '<b>Software</b><script>x()</script>' },
    };
    const { job, drafts } = await runDraft(llmApp, [junk]);
    expect(job.status).toBe('succeeded');
    const shown = JSON.parse(sentAt(0).messages[1].content).prospects[0];
    expect(shown).toMatchObject({ title: 'CEO', company: { industry: 'Software' } });
    expect(sentAt(0).messages[1].content).not.toMatch(/HYPERLINK|evil\.example|<b>|<script/);
    expect(drafts[0]).toMatchObject({ cleaned_fields: ['title', 'company.industry'] });
  });

  it('writes every draft from the templates when the LLM call fails', async () => {
    create.mockRejectedValue(new Error('connection reset'));
    const { job, drafts } = await runDraft(llmApp, [prospect(1), prospect(2)]);
    expect(job.status).toBe('succeeded');
    expect(job.steps[1].summary).toBe('Drafted 2 of 2 (LLM 0, templates 2, 1 LLM calls failed)');
    expect(drafts.every((draft) => draft.body.startsWith('Hi Lia'))).toBe(true);
  });
});
