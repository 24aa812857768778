import request from 'supertest';
import type { Interpretation } from '../src/orchestrator/planning/interpretation';
import {
  CaseAnswer,
  caseInterpretation,
  claimedDropAnswer,
  CommandCase,
  droppedHonour,
  faithfulAnswer,
  inventedCountry,
  inventingAnswer,
  invertingAnswer,
  silentDropAnswer,
} from './helpers/command-case-answers';
import { INTERPRETATION_CASES } from './fixtures/interpretation-cases.fixture';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { chatCompletion, FakeOpenAiServer, llmTestEnv } from './helpers/fake-openai-server';

/**
 * The interpretation check over HTTP, with the real `openai` SDK against a fake server: for each
 * command of a table, a faithful answer passes, and answers that drop, invent or invert a
 * constraint are caught (repaired by a faithful second answer, 502 invalid_plan otherwise).
 * The offline planner's reference is the table's own interpretation of the command.
 */
let mockReference: Interpretation | undefined;
jest.mock('../src/orchestrator/planning/offline/offline-planner', () => {
  const actual = jest.requireActual<
    typeof import('../src/orchestrator/planning/offline/offline-planner')
  >('../src/orchestrator/planning/offline/offline-planner');
  return {
    ...actual,
    planOffline: (input: { command: string; contextKeys: string[] }) =>
      mockReference
        ? { ok: true, plan: { objective: 'x', steps: [] }, interpretation: mockReference }
        : actual.planOffline(input),
  };
});

const fake = new FakeOpenAiServer();
let testApp: TestApp;

/** The fake answers with these, in order, repeating the last. */
const answering = (...answers: CaseAnswer[]) => {
  let call = 0;
  fake.reset(() => chatCompletion(JSON.stringify(answers[Math.min(call++, answers.length - 1)])));
};

const submit = (testCase: CommandCase, extra: object = {}) =>
  request(testApp.server)
    .post('/command')
    .send({ command: testCase.command, ...extra });

const repairSent = () => fake.requests[1].body.messages[3].content;
const narrows = (testCase: CommandCase) =>
  (testCase.refuses ?? []).some((refusal) => refusal.kind !== 'other');
const partial = (testCase: CommandCase) => (narrows(testCase) ? { allow_partial: true } : {});
const table = INTERPRETATION_CASES.map((testCase) => [testCase.command, testCase] as const);

beforeAll(async () => {
  await fake.start();
  testApp = await createTestApp({
    env: {
      ...llmTestEnv(fake.baseUrl),
    },
  });
});

afterAll(async () => {
  await testApp.destroy();
  await fake.stop();
});

beforeEach(() => {
  mockReference = undefined;
});

describe('the LLM interpretation check, command by command', () => {
  it.each(table)(
    'a faithful answer to "%s" is planned with its interpretation',
    async (_, testCase) => {
      mockReference = caseInterpretation(testCase);
      answering(faithfulAnswer(testCase));
      const response = await submit(testCase, partial(testCase)).expect(201);
      expect(response.body.planner).toBe('llm');
      expect(response.body.interpretation).toEqual(caseInterpretation(testCase));
      expect(fake.requests).toHaveLength(1);
    },
  );

  it.each(table)(
    'an answer to "%s" that claims a value it drops is repaired, or 502',
    async (_, testCase) => {
      mockReference = caseInterpretation(testCase);
      const path = `interpretation.constraints[${droppedHonour(testCase)}]`;
      answering(claimedDropAnswer(testCase), faithfulAnswer(testCase));
      await submit(testCase, partial(testCase)).expect(201);
      expect(repairSent()).toContain(`${path}: claims steps[0].params.`);

      answering(claimedDropAnswer(testCase));
      const failure = await submit(testCase, partial(testCase)).expect(502);
      expect(failure.body.error).toBe('invalid_plan');
      expect(failure.body.details).toContainEqual({
        path,
        message: expect.stringContaining('but it does not'),
      });
    },
  );

  it.each(table)(
    'an answer to "%s" that silently drops a phrase of the reference is caught',
    async (_, testCase) => {
      const words = testCase.honours![droppedHonour(testCase)].words;
      mockReference = caseInterpretation(testCase);
      answering(silentDropAnswer(testCase), faithfulAnswer(testCase));
      await submit(testCase, partial(testCase)).expect(201);
      expect(repairSent()).toContain(`the command says "${words}"`);

      answering(silentDropAnswer(testCase));
      const failure = await submit(testCase, partial(testCase)).expect(502);
      expect(failure.body.details).toContainEqual({
        path: 'interpretation',
        message: expect.stringContaining(`the command says "${words}"`),
      });
    },
  );

  it.each(table)('an answer to "%s" that invents a country is caught', async (_, testCase) => {
    mockReference = caseInterpretation(testCase);
    answering(inventingAnswer(testCase));
    const failure = await submit(testCase, partial(testCase)).expect(502);
    expect(failure.body.details).toContainEqual({
      path: 'steps[0].params.countries',
      message: expect.stringContaining(`"${inventedCountry(testCase)}" narrows the prospects`),
    });
    expect(fake.requests).toHaveLength(2);
  });

  const exclusions = table.filter(([, testCase]) => invertingAnswer(testCase) !== undefined);
  it.each(exclusions)(
    'an answer to "%s" that inverts an exclusion is caught',
    async (_, testCase) => {
      mockReference = caseInterpretation(testCase);
      answering(invertingAnswer(testCase)!);
      const failure = await submit(testCase).expect(502);
      expect(JSON.stringify(failure.body.details)).toContain('says to leave something out');
    },
  );

  const refusing = table.filter(([, testCase]) => narrows(testCase));
  it.each(refusing)(
    '"%s", partly understood, is refused with 422 unless allow_partial',
    async (_, testCase) => {
      mockReference = caseInterpretation(testCase);
      answering(faithfulAnswer(testCase));
      const refused = await submit(testCase).expect(422);
      expect(refused.body).toMatchObject({
        error: 'command_partly_understood',
        details: caseInterpretation(testCase).not_understood,
      });
      const allowed = await submit(testCase, { allow_partial: true }).expect(201);
      expect(allowed.body.interpretation.not_understood).toEqual(refused.body.details);
    },
  );
});

describe('the LLM interpretation check without a reference', () => {
  it('takes a faithful answer when the offline planner gives no interpretation', async () => {
    const [testCase] = INTERPRETATION_CASES;
    answering(faithfulAnswer(testCase));
    const response = await submit(testCase).expect(201);
    expect(response.body.interpretation).toEqual(caseInterpretation(testCase));
  });
});
