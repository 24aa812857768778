import request from 'supertest';
import type {
  Interpretation,
  InterpretedConstraint,
} from '../src/orchestrator/planning/interpretation';
import {
  COMMAND_TABLE,
  CommandCase,
} from '../src/orchestrator/planning/offline/command-table.fixture';
import { planOffline } from '../src/orchestrator/planning/offline/offline-planner';
import type { PlanStep } from '../src/orchestrator/planning/plan.types';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { chatCompletion, FakeOpenAiServer, llmTestEnv } from './helpers/fake-openai-server';

/**
 * The offline planner's command table against the LLM path: the real `openai` SDK talks to a
 * fake server that answers each command with the offline planner's own plan and interpretation
 * (faithful), then with that plan minus one constraint (dropped), then plus a country nobody
 * asked for (invented). The service's interpretation check, with the offline reading of the
 * command as its reference, must take the first and catch the other two, after the repair round.
 */
interface LlmAnswer {
  objective: string;
  steps: PlanStep[];
  interpretation: Interpretation;
}

const CONTEXT_VALUES: Record<string, unknown> = {
  sender: 'Ana from Acme',
  icp: { titles: ['CTO'], industries: ['Software'] },
  csv: 'name,email,title\nAda Lovelace,ada@example.com,CTO\n',
  prospects: [],
};

const fake = new FakeOpenAiServer();
let testApp: TestApp;

/** Plan requests get the answers in order (repeating the last); any other LLM call fails. */
function answering(...answers: LlmAnswer[]): void {
  let call = 0;
  fake.reset((recorded) => {
    const format = recorded.body.response_format as { json_schema?: { name?: string } };
    if (format?.json_schema?.name !== 'action_plan') {
      return { status: 500, body: { error: { message: 'only plans are answered here' } } };
    }
    return chatCompletion(JSON.stringify(answers[Math.min(call++, answers.length - 1)]));
  });
}

const planRequests = () =>
  fake.requests.filter(
    (recorded) =>
      (recorded.body.response_format as { json_schema?: { name?: string } })?.json_schema?.name ===
      'action_plan',
  );

function contextOf(testCase: CommandCase): Record<string, unknown> {
  return Object.fromEntries((testCase.context ?? []).map((key) => [key, CONTEXT_VALUES[key]]));
}

/** What the offline planner makes of the case: the faithful answer. */
function offlineAnswer(testCase: CommandCase): LlmAnswer | undefined {
  const planned = planOffline({ command: testCase.command, contextKeys: testCase.context ?? [] });
  if (!planned.ok) return undefined;
  return { ...planned.plan, interpretation: planned.interpretation };
}

/** The faithful answer without the first constraint's words: its values leave params and claims. */
function droppingAnswer(answer: LlmAnswer): { answer: LlmAnswer; words: string } | undefined {
  const first = answer.interpretation.constraints.find((constraint) => constraint.words);
  if (!first) return undefined;
  const dropped = (constraint: InterpretedConstraint) => constraint.words === first.words;
  const steps = answer.steps.map((step, index) => ({
    ...step,
    params: withoutValues(
      step.params,
      answer.interpretation.constraints.filter(
        (constraint) => dropped(constraint) && constraint.step === index,
      ),
    ),
  }));
  const constraints = answer.interpretation.constraints.filter((item) => !dropped(item));
  return {
    answer: { ...answer, steps, interpretation: { ...answer.interpretation, constraints } },
    words: first.words!,
  };
}

function withoutValues(
  params: Record<string, unknown>,
  removed: InterpretedConstraint[],
): Record<string, unknown> {
  const kept = { ...params };
  for (const { param, value } of removed) {
    const current = kept[param];
    const rest = Array.isArray(current)
      ? current.filter((item) => String(item).toLowerCase() !== value.toLowerCase())
      : [];
    if (rest.length > 0) kept[param] = rest;
    else delete kept[param];
  }
  return kept;
}

/** The faithful answer with a country added to its search, claimed by nothing. */
function inventingAnswer(answer: LlmAnswer): { answer: LlmAnswer; country: string } | undefined {
  const search = answer.steps[0];
  if (`${search.agent}.${search.action}` !== 'prospects.search') return undefined;
  const countries = (search.params.countries as string[] | undefined) ?? [];
  const country = countries.includes('Portugal') ? 'Norway' : 'Portugal';
  const steps = [
    { ...search, params: { ...search.params, countries: [...countries, country] } },
    ...answer.steps.slice(1),
  ];
  return { answer: { ...answer, steps }, country };
}

const narrows = (answer: LlmAnswer) =>
  answer.interpretation.not_understood.some((phrase) => phrase.kind !== 'other');

const submit = (testCase: CommandCase, answer: LlmAnswer) =>
  request(testApp.server)
    .post('/command')
    .send({
      command: testCase.command,
      context: contextOf(testCase),
      ...(narrows(answer) ? { allow_partial: true } : {}),
    });

const table = COMMAND_TABLE.map((testCase) => [testCase.command, testCase] as const);

beforeAll(async () => {
  await fake.start();
  testApp = await createTestApp({
    env: {
      ...llmTestEnv(fake.baseUrl),
      JOB_CONCURRENCY: '1',
      // Plans with email.send validate only when SMTP is configured; no job here reaches a send.
      SMTP_URL: 'smtp://127.0.0.1:9',
      EMAIL_FROM: 'Ana <ana@example.com>',
    },
  });
});

afterAll(async () => {
  await testApp.destroy();
  await fake.stop();
});

it('the table is the offline planner table, all of it planned offline', () => {
  expect(COMMAND_TABLE.length).toBeGreaterThanOrEqual(60);
  expect(COMMAND_TABLE.filter((testCase) => !offlineAnswer(testCase))).toEqual([]);
});

describe.each(table)('"%s" through the LLM path', (_, testCase) => {
  const faithful = offlineAnswer(testCase)!;

  it('a faithful answer is planned with its interpretation, in one call', async () => {
    answering(faithful);
    const response = await submit(testCase, faithful).expect(201);
    expect(response.body.planner).toBe('llm');
    expect(response.body.interpretation).toEqual(faithful.interpretation);
    expect(planRequests()).toHaveLength(1);
  });

  it('an answer that silently drops a constraint is caught, then 502 when it stays', async () => {
    const dropping = droppingAnswer(faithful);
    if (!dropping) return expect(faithful.interpretation.constraints).toEqual([]);
    answering(dropping.answer);
    const failure = await submit(testCase, faithful).expect(502);
    expect(failure.body.error).toBe('invalid_plan');
    const messages = (failure.body.details as { message: string }[]).map(({ message }) => message);
    expect(messages.join('\n')).toContain(`the command says "${dropping.words}"`);
    expect(planRequests()).toHaveLength(2);
  });

  it('an answer that invents a country is caught', async () => {
    const inventing = inventingAnswer(faithful);
    if (!inventing) return expect(faithful.steps[0].action).not.toBe('search');
    answering(inventing.answer, faithful);
    await submit(testCase, faithful).expect(201);
    expect(JSON.stringify(planRequests()[1].body.messages)).toContain(
      `\\"${inventing.country}\\" narrows the prospects`,
    );
  });
});
