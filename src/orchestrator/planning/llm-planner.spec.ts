import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import OpenAI from 'openai';
import { CoreAgent } from '../../agents/core/core.agent';
import { Clock } from '../../common/time/clock';
import { SystemClock } from '../../common/time/system.clock';
import { AppConfig } from '../../config/app-config';
import { validateEnv } from '../../config/env.schema';
import { ContextService } from '../../context/context.service';
import { AgentRegistry } from '../agents/agent-registry.service';
import { InProcessLlmRateLimiter } from '../llm/pacing/in-process-llm-rate-limiter';
import { LlmRateLimiter } from '../llm/pacing/llm-rate-limiter';
import { LlmUsageService } from '../llm/llm-usage.service';
import { LlmService } from '../llm/llm.service';
import { OPENAI_CLIENT } from '../llm/openai-client.provider';
import { LlmPlanner } from './llm-planner';
import { PlanHistory } from './plan-history';
import {
  FixtureProspectsAgent,
  FixtureResearchAgent,
} from '../../../test/fixtures/sales-agents.fixture';
import { InvalidPlanException, MissingInputException } from './planning.exceptions';
import type { Interpretation } from './interpretation';

/** The offline planner's interpretation, the reference, when a test sets one. */
let mockReference: Interpretation | undefined;
jest.mock('./offline/offline-planner', () => {
  const actual = jest.requireActual<typeof import('./offline/offline-planner')>(
    './offline/offline-planner',
  );
  return {
    ...actual,
    planOffline: (input: { command: string; contextKeys: string[] }) =>
      mockReference
        ? { ok: true, plan: { objective: 'x', steps: [] }, interpretation: mockReference }
        : actual.planOffline(input),
  };
});

/** LlmPlanner with the OpenAI provider swapped for a mock that answers in the SDK's shape. */
const create = jest.fn();
const answer = (content: string) => ({
  choices: [
    { index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
});
const waitPlan = {
  objective: 'Pause',
  steps: [{ agent: 'core', action: 'wait', params: { seconds: 5 } }],
  interpretation: { constraints: [], not_understood: [] },
};
const request = {
  jobId: 'job-1',
  jobType: 'prospecting',
  command: 'Pause for 5 seconds',
  context: {},
};

let planner: LlmPlanner;

beforeEach(async () => {
  create.mockReset();
  mockReference = undefined;
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [
      LlmPlanner,
      LlmService,
      AgentRegistry,
      { provide: Clock, useClass: SystemClock },
      CoreAgent,
      FixtureProspectsAgent,
      FixtureResearchAgent,
      { provide: OPENAI_CLIENT, useValue: null },
      { provide: AppConfig, useValue: new AppConfig(validateEnv({})) },
      {
        provide: LlmRateLimiter,
        useValue: new InProcessLlmRateLimiter(
          { requestsPerMinute: 0, tokensPerMinute: 0, maxWaitMs: 0 },
          { totalTokens: () => Promise.resolve(0) },
        ),
      },
      {
        provide: LlmUsageService,
        useValue: { record: jest.fn(), forJob: jest.fn(), totalTokens: jest.fn() },
      },
      { provide: ContextService, useValue: { patch: jest.fn() } },
      { provide: PlanHistory, useValue: { examples: jest.fn().mockResolvedValue([]) } },
    ],
  })
    .overrideProvider(OPENAI_CLIENT)
    .useValue({ chat: { completions: { create } } })
    .compile();
  await moduleRef.init();
  planner = moduleRef.get(LlmPlanner);
});

describe('LlmPlanner', () => {
  it('returns the validated plan of a good answer in one call', async () => {
    create.mockResolvedValueOnce(answer(JSON.stringify(waitPlan)));
    await expect(planner.plan(request).then(({ plan }) => plan)).resolves.toEqual({
      objective: 'Pause',
      steps: [
        {
          agent: 'core',
          action: 'wait',
          params: { seconds: 5 },
          reads: [],
          writes: [],
          sideEffect: false,
          requiresApproval: false,
        },
      ],
    });
    const sent = create.mock.calls[0][0];
    expect(sent.response_format.type).toBe('json_schema');
    expect(sent.messages[0].content).toContain('- core.wait: Pauses the job');
  });

  it('repairs once with the problems listed, then gives up with invalid_plan', async () => {
    const tooLong = {
      ...waitPlan,
      steps: [{ agent: 'core', action: 'wait', params: { seconds: 9999999 } }],
    };
    create.mockResolvedValue(answer(JSON.stringify(tooLong)));
    const failure = await planner.plan(request).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidPlanException);
    expect((failure as InvalidPlanException).getStatus()).toBe(502);
    expect((failure as InvalidPlanException).details).toEqual([
      { path: 'steps[0].params.seconds', message: 'must not be greater than 2592000' },
    ]);
    expect(create).toHaveBeenCalledTimes(2);
    expect(create.mock.calls[1][0].messages[3].content).toContain(
      'steps[0].params.seconds: must not be greater than 2592000',
    );
  });

  describe('inputs an action needs', () => {
    const scorePlan = (params: Record<string, unknown>) => ({
      objective: 'Score CTOs',
      steps: [
        { agent: 'prospects', action: 'search', params: { titles: ['CTO'] } },
        { agent: 'research', action: 'score_fit', params },
      ],
      interpretation: {
        constraints: [{ words: 'CTOs', step: 0, param: 'titles', value: 'CTO' }],
        not_understood: [],
      },
    });
    const scoring = { ...request, command: 'Find CTOs and score them' };
    const NEEDS_ICP =
      'research.score_fit needs an ideal customer profile: add params.icp to the step or "icp" to the context';

    it('lists them in the prompt, and sends a missing one to the repair round', async () => {
      create
        .mockResolvedValueOnce(answer(JSON.stringify(scorePlan({}))))
        .mockResolvedValueOnce(answer(JSON.stringify(scorePlan({ icp: { titles: ['CTO'] } }))));
      const { plan } = await planner.plan(scoring);
      expect(plan.steps[1].params).toEqual({ icp: { titles: ['CTO'] } });
      expect(create.mock.calls[0][0].messages[0].content).toContain(
        'needs an ideal customer profile (params.icp or state.icp)',
      );
      expect(create.mock.calls[1][0].messages[3].content).toContain(`steps[1]: ${NEEDS_ICP}`);
    });

    it('answers missing_input (422), not a 502, when inputs are all the repaired plan lacks', async () => {
      create.mockResolvedValue(answer(JSON.stringify(scorePlan({}))));
      const failure = await planner.plan(scoring).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MissingInputException);
      expect((failure as MissingInputException).getStatus()).toBe(422);
      expect((failure as MissingInputException).code).toBe('missing_input');
      expect((failure as MissingInputException).details).toEqual([
        { path: 'steps[1]', message: NEEDS_ICP, missing: ['params.icp', 'state.icp'] },
      ]);
    });
  });

  it('switches to JSON mode, with the schema in the prompt, when json_schema is refused', async () => {
    create
      .mockRejectedValueOnce(
        OpenAI.APIError.generate(
          400,
          {
            error: {
              message: 'response_format json_schema is not supported',
              param: 'response_format',
            },
          },
          undefined,
          new Headers(),
        ),
      )
      .mockResolvedValue(answer(JSON.stringify(waitPlan)));
    await planner.plan(request);
    await planner.plan(request);
    expect(create.mock.calls.map((call) => call[0].response_format.type)).toEqual([
      'json_schema',
      'json_object',
      'json_object',
    ]);
    expect(create.mock.calls[1][0].messages[0].content).toContain(
      'validates against this JSON Schema',
    );
  });

  describe('the interpretation', () => {
    const ctos = { ...request, command: 'Find CTOs at Acme' };
    const claim = (words: string, param: string, value: string) => ({
      words,
      step: 0,
      param,
      value,
    });
    const searchAnswer = (params: Record<string, unknown>, interpretation: unknown) =>
      answer(
        JSON.stringify({
          objective: 'Find CTOs at Acme',
          steps: [{ agent: 'prospects', action: 'search', params }],
          interpretation,
        }),
      );
    const faithful = {
      constraints: [claim('CTOs', 'titles', 'CTO'), claim('at Acme', 'companies', 'Acme')],
      not_understood: [],
    };
    const faithfulAnswer = () => searchAnswer({ titles: ['CTO'], companies: ['Acme'] }, faithful);
    const repairSent = () => create.mock.calls[1][0].messages[3].content as string;

    it('is required: an answer without one goes to the repair round', async () => {
      create
        .mockResolvedValueOnce(searchAnswer({ titles: ['CTO'], companies: ['Acme'] }, undefined))
        .mockResolvedValueOnce(faithfulAnswer());
      await expect(planner.plan(ctos)).resolves.toMatchObject({ interpretation: faithful });
      expect(repairSent()).toContain('- interpretation: missing');
      expect(create.mock.calls[0][0].response_format.json_schema.schema.required).toEqual([
        'objective',
        'steps',
        'interpretation',
      ]);
    });

    it('repairs a first answer that invents a constraint', async () => {
      create
        .mockResolvedValueOnce(
          searchAnswer({ titles: ['CTO'], companies: ['Acme'], countries: ['Germany'] }, faithful),
        )
        .mockResolvedValueOnce(faithfulAnswer());
      const { plan, interpretation } = await planner.plan(ctos);
      expect(plan.steps[0].params).toEqual({ titles: ['CTO'], companies: ['Acme'] });
      expect(interpretation).toEqual(faithful);
      expect(repairSent()).toContain('steps[0].params.countries: "Germany" narrows the prospects');
    });

    it('repairs a first answer that drops a phrase of the reference', async () => {
      mockReference = faithful;
      const dropped = { constraints: [claim('CTOs', 'titles', 'CTO')], not_understood: [] };
      create
        .mockResolvedValueOnce(searchAnswer({ titles: ['CTO'] }, dropped))
        .mockResolvedValueOnce(faithfulAnswer());
      await expect(planner.plan(ctos)).resolves.toMatchObject({ interpretation: faithful });
      expect(repairSent()).toContain('the command says "at Acme", which no constraint honours');
    });

    it('gives up with 502 invalid_plan when the repaired answer still claims what it drops', async () => {
      create.mockResolvedValue(searchAnswer({ titles: ['CTO'] }, faithful));
      const failure = await planner.plan(ctos).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InvalidPlanException);
      expect((failure as InvalidPlanException).getStatus()).toBe(502);
      expect((failure as InvalidPlanException).details).toEqual([
        {
          path: 'interpretation.constraints[1]',
          message: expect.stringContaining('claims steps[0].params.companies holds "Acme"'),
        },
      ]);
      expect(create).toHaveBeenCalledTimes(2);
    });

    it('hands a narrowing phrase it did not understand to the caller', async () => {
      const partly = {
        constraints: [claim('CTOs', 'titles', 'CTO')],
        not_understood: [
          { words: 'at Acme', kind: 'company', reason: 'unknown', suggestion: null },
        ],
      };
      create.mockResolvedValueOnce(searchAnswer({ titles: ['CTO'] }, partly));
      await expect(planner.plan(ctos)).resolves.toMatchObject({ interpretation: partly });
      expect(create).toHaveBeenCalledTimes(1);
    });
  });
});
