import request from 'supertest';
import { ResearchRecordsService } from '../src/agents/prospects/research-records/research-records.service';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { jobState, outboxOf } from './helpers/email-flow';
import {
  chatCompletion,
  FakeOpenAiServer,
  llmTestEnv,
  RecordedRequest,
} from './helpers/fake-openai-server';
import { hasStatus, waitForJob } from './helpers/jobs';
import { storeProspects } from './helpers/sequences';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * A sequence planned by the LLM (the real SDK against a fake OpenAI-compatible server): the
 * prompt teaches follow-ups, the strict answer's nulls are undone in each step variant, a wait
 * nobody asked for is caught and repaired, and the plan runs up to the launch's review, its first
 * emails written by the (fake) model.
 */
const COMMAND =
  'email the VPs of Sales in Germany we scored above 70, follow up after 3 and 7 business days unless they reply';
const fake = new FakeOpenAiServer();
const smtp = new TestSmtpServer();
let t: TestApp;

const followUp = { type: 'email', draft: 'llm', instructions: 'A short follow-up' };
/** The plan as a strict-output model writes it: every optional field present, as null. */
const planAnswer = (waits: number[]) => ({
  objective: 'Email the VPs of Sales in Germany scored above 70, with two follow-ups',
  steps: [
    {
      agent: 'prospects',
      action: 'search',
      params: { titles: ['VP of Sales'], countries: ['Germany'], min_score: 70, limit: null },
    },
    {
      agent: 'sequences',
      action: 'create',
      params: {
        name: 'VPs of Sales in Germany, with follow-ups',
        steps: [
          { type: 'email', draft: 'llm', instructions: null },
          ...waits.flatMap((days) => [{ type: 'wait', days: null, business_days: days }, followUp]),
        ],
        settings: null,
      },
    },
    { agent: 'sequences', action: 'launch', params: { sequence_id: null } },
  ],
  interpretation: {
    constraints: [
      { words: 'VPs of Sales', step: 0, param: 'titles', value: 'VP of Sales' },
      { words: 'in Germany', step: 0, param: 'countries', value: 'Germany' },
      { words: 'we scored above 70', step: 0, param: 'min_score', value: '70' },
      { words: 'after 3', step: 1, param: 'steps.1.business_days', value: '3' },
      { words: '7 business days', step: 1, param: 'steps.3.business_days', value: '4' },
    ],
    not_understood: [
      {
        words: 'unless they reply',
        kind: 'other',
        reason:
          'The sequence ends an enrollment at a reply; replies are recorded with POST /enrollments/{id}/events',
        suggestion: null,
      },
    ],
  },
});

const formatName = (recorded: RecordedRequest) => recorded.body.response_format?.json_schema?.name;

beforeAll(async () => {
  await fake.start();
  await smtp.start();
  t = await createTestApp({
    env: {
      ...llmTestEnv(fake.baseUrl),
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'Ana <ana@zigral.example>',
      EMAIL_PACING_MS: '0',
    },
  });
  const ids = await storeProspects(t, [
    { name: 'Jonas Becker', country: 'Germany' },
    { name: 'Lena Vogel', country: 'Germany' },
    { name: 'Max Mittel', country: 'Germany' },
  ]);
  await t.app.get(ResearchRecordsService).recordFitScores(
    [85, 72, 60].map((score, index) => ({ prospectId: ids[index], score, reasons: ['Fits'] })),
    { jobId: 'seeded-scores' },
  );
});
afterAll(async () => {
  await t.destroy();
  await smtp.stop();
  await fake.stop();
});

it('plans a sequence with the LLM, repairs an invented follow-up, and runs up to the launch review', async () => {
  let plans = 0;
  fake.reset((recorded) => {
    if (formatName(recorded) === 'action_plan') {
      // First an answer with a third follow-up nobody asked for, then the faithful one.
      return chatCompletion(JSON.stringify(planAnswer(plans++ === 0 ? [3, 4, 5] : [3, 4])));
    }
    if (formatName(recorded) === 'email_drafts') {
      const { prospects } = JSON.parse(recorded.body.messages[1].content) as {
        prospects: { id: string; name: string }[];
      };
      const drafts = prospects.map(({ id, name }) => ({
        id,
        subject: `${name.split(' ')[0]}, a quick idea`,
        body: `Hi ${name.split(' ')[0]}, written by the model.\n\nAna`,
      }));
      return chatCompletion(JSON.stringify({ drafts }));
    }
    return { status: 500, body: { error: { message: 'unexpected request' } } };
  });

  const response = await request(t.server)
    .post('/command')
    .send({ command: COMMAND, context: { sender: 'Ana from Zigral' } })
    .expect(201);
  expect(response.body.planner).toBe('llm');
  expect(response.body.steps[1]).toMatchObject({
    agent: 'sequences',
    action: 'create',
    params: {
      steps: [
        { type: 'email', draft: 'llm' },
        { type: 'wait', business_days: 3 },
        followUp,
        { type: 'wait', business_days: 4 },
        followUp,
      ],
    },
    reads: ['prospects'],
    writes: ['sequence'],
  });
  expect(response.body.steps[2]).toMatchObject({ params: {}, reads: ['sequence', 'sender'] });

  const [first, repair] = fake.requests.filter(
    (recorded) => formatName(recorded) === 'action_plan',
  );
  expect(first.body.messages[0].content).toContain('Follow-ups (sequences):');
  expect(first.body.messages[0].content).toContain('- sequences.create:');
  expect(JSON.stringify(first.body.response_format)).toContain('business_days');
  expect(repair.body.messages.at(-1)?.content).toContain(
    'steps[1].params.steps.5.business_days: "5" schedules a follow-up, but no constraint quotes the words asking for it',
  );

  const job = await waitForJob(t, response.body.job_id, hasStatus('succeeded', 'failed'), 20_000);
  expect(job.status).toBe('succeeded');
  const state = await jobState(t, response.body.job_id);
  expect(state.sequence).toMatchObject({ enrolled: 2, skipped: [] });
  const launchJob = (state.launch as { job_id: string }).job_id;
  const parked = await waitForJob(t, launchJob, hasStatus('waiting_approval', 'failed'), 20_000);
  expect(parked.status).toBe('waiting_approval');
  const drafts = await outboxOf(t, launchJob);
  expect(drafts.map((draft) => draft.subject).sort()).toEqual([
    'Jonas, a quick idea',
    'Lena, a quick idea',
  ]);
  expect(drafts.every((draft) => draft.status === 'draft')).toBe(true);
  expect(smtp.received).toHaveLength(0);
});
