import request from 'supertest';
import { ResearchRecordsService } from '../src/agents/prospects/research-records/research-records.service';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { jobState, outboxOf } from './helpers/email-flow';
import { hasStatus, waitForJob } from './helpers/jobs';
import { storeProspects } from './helpers/sequences';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * Plain words to a launched sequence, over HTTP with the offline planner (no LLM key): the
 * preview shows whom it reaches and when it follows up; the run creates the sequence, enrols
 * them and launches it, whose job parks for the review of the first emails. Nothing is sent.
 */
const COMMAND =
  'email the VPs of Sales in Germany we scored above 70, follow up after 3 and 7 business days unless they reply';
const smtp = new TestSmtpServer();
let t: TestApp;
const people: Record<string, string> = {};

beforeAll(async () => {
  await smtp.start();
  t = await createTestApp({
    env: { SMTP_URL: smtp.url, EMAIL_FROM: 'Ana <ana@zigral.example>', EMAIL_PACING_MS: '0' },
  });
  // Two VPs of Sales in Germany scored above 70; one scored below, one elsewhere, one unscored.
  const seeded = [
    { name: 'Jonas Becker', country: 'Germany', score: 85 },
    { name: 'Lena Vogel', country: 'Germany', score: 72 },
    { name: 'Max Mittel', country: 'Germany', score: 60 },
    { name: 'Paul Martin', country: 'France', score: 90 },
    { name: 'Uwe Unbewertet', country: 'Germany', score: null },
  ];
  const ids = await storeProspects(
    t,
    seeded.map(({ name, country }) => ({ name, country, title: 'VP of Sales' })),
  );
  seeded.forEach(({ name }, index) => (people[name] = ids[index]));
  await t.app.get(ResearchRecordsService).recordFitScores(
    seeded.flatMap(({ score }, index) =>
      score === null ? [] : [{ prospectId: ids[index], score, reasons: ['Title fits'] }],
    ),
    { jobId: 'seeded-scores' },
  );
});
afterAll(async () => {
  await t.destroy();
  await smtp.stop();
});

describe('"email …, follow up after 3 and 7 business days unless they reply"', () => {
  let planId: string;

  it('previews the audience, the follow-up schedule in words and the reply rule', async () => {
    const preview = await request(t.server)
      .post('/command')
      .send({ command: COMMAND, context: { sender: 'Ana from Zigral' }, run: false })
      .expect(200);
    planId = preview.body.plan_id;
    expect(preview.body.planner).toBe('offline');
    expect(preview.body.steps.map((step: { action: string }) => step.action)).toEqual([
      'search',
      'create',
      'launch',
    ]);
    const [search, create, launch] = preview.body.steps.map(
      (step: { description: string }) => step.description,
    );
    expect(search).toBe(
      'Find prospects: title VP of Sales; country Germany; fit score 70 and above; up to 100, by name',
    );
    expect(create).toContain(
      'the first email, drafted for each prospect; after 3 business days, a follow-up email, drafted for each prospect; after 4 more business days (7 business days after the first email), a follow-up email',
    );
    expect(create).toContain("sent Mon–Fri 09:00–17:00 in each prospect's time zone");
    expect(create).toContain('replies are recorded with POST /enrollments/{id}/events');
    expect(launch).toMatch(/^Launch the sequence/);
    expect(preview.body.interpretation).toEqual({
      constraints: [
        { words: 'VPs of Sales', step: 0, param: 'titles', value: 'VP of Sales' },
        { words: 'Germany', step: 0, param: 'countries', value: 'Germany' },
        { words: 'scored above 70', step: 0, param: 'min_score', value: '70' },
        { words: 'after 3', step: 1, param: 'steps.1.business_days', value: '3' },
        { words: '7 business days', step: 1, param: 'steps.3.business_days', value: '4' },
      ],
      not_understood: [
        {
          words: 'unless they reply',
          kind: 'other',
          reason: expect.stringContaining('POST /enrollments/{id}/events'),
          suggestion: null,
        },
      ],
    });
    expect(preview.body.audience).toMatchObject({
      source: 'search',
      count: 2,
      total_matching: 2,
      recipients: 2,
      excluded: { sample: 0, no_email: 0, suppressed: 0 },
    });
    expect(preview.body.audience.first_10.map((p: { name: string }) => p.name)).toEqual([
      'Jonas Becker',
      'Lena Vogel',
    ]);
    expect((await request(t.server).get('/sequences').expect(200)).body.total).toBe(0);
  });

  it('runs: creates the sequence, enrols the audience, and parks its launch for review', async () => {
    const run = await request(t.server).post(`/plans/${planId}/run`).expect(201);
    const job = await waitForJob(t, run.body.job_id, hasStatus('succeeded', 'failed'), 20_000);
    expect(job.status).toBe('succeeded');
    const state = await jobState(t, run.body.job_id);
    const sequence = state.sequence as { id: string; name: string };
    expect(state.sequence).toEqual({
      id: expect.any(String),
      name: COMMAND.charAt(0).toUpperCase() + COMMAND.slice(1),
      enrolled: 2,
      skipped: [],
    });
    const launch = state.launch as { job_id: string };
    expect(launch).toMatchObject({ sequence_id: sequence.id, enrollments: 2 });

    const detail = (await request(t.server).get(`/sequences/${sequence.id}`).expect(200)).body;
    expect(detail.steps).toEqual([
      { type: 'email', draft: 'llm' },
      { type: 'wait', business_days: 3 },
      { type: 'email', draft: 'llm', instructions: expect.stringContaining('follow-up') },
      { type: 'wait', business_days: 4 },
      { type: 'email', draft: 'llm', instructions: expect.stringContaining('follow-up') },
    ]);
    expect(detail.enrollments).toMatchObject({ active: 2 });
    const enrolled = (
      await request(t.server).get(`/sequences/${sequence.id}/enrollments`).expect(200)
    ).body.items as { prospect_id: string; source: string }[];
    expect(enrolled.map((item) => [item.prospect_id, item.source]).sort()).toEqual(
      [
        [people['Jonas Becker'], 'job'],
        [people['Lena Vogel'], 'job'],
      ].sort(),
    );

    const parked = await waitForJob(t, launch.job_id, hasStatus('waiting_approval', 'failed'));
    expect(parked.status).toBe('waiting_approval');
    const drafts = await outboxOf(t, launch.job_id);
    expect(
      drafts.map((draft) => [draft.prospect_id, draft.status, draft.touch_index]).sort(),
    ).toEqual(
      [
        [people['Jonas Becker'], 'draft', 0],
        [people['Lena Vogel'], 'draft', 0],
      ].sort(),
    );
    expect(drafts.every((draft) => String(draft.body).includes('Ana'))).toBe(true);
    expect(smtp.received).toHaveLength(0);
  });

  it('refuses, naming the words, a follow-up a sequence cannot make', async () => {
    const refused = await request(t.server)
      .post('/command')
      .send({ command: 'Email the VPs of Sales in Germany, follow up after 500 days', run: false })
      .expect(422);
    expect(refused.body.error).toBe('command_not_understood');
    expect(refused.body.message).toContain(
      'cannot follow up as in "follow up after 500 days": a wait is a whole number of days from 1 to 365',
    );
  });
});
