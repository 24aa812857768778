import { CoreAgent } from '../../agents/core/core.agent';
import { fixtureRegistry } from '../../../test/fixtures/sales-agents.fixture';
import { AgentRegistry } from './agent-registry.service';
import { MAX_PLAN_STEPS, onlyMissingInputs, validatePlan } from './plan-validation.util';

let catalog: AgentRegistry;

beforeAll(async () => {
  catalog = await fixtureRegistry(CoreAgent);
});

const validate = (plan: unknown, initialKeys: string[] = []) =>
  validatePlan({ plan, catalog, initialKeys });

describe('validatePlan', () => {
  it('refuses a step whose action is unavailable, with the reason the agent gives', () => {
    const send = catalog.findAction('email', 'send')!;
    const reason = jest.spyOn(send, 'unavailableReason').mockReturnValue('SMTP is not configured');
    try {
      const result = validate({
        objective: 'Send',
        steps: [
          { agent: 'core', action: 'set_context', params: { values: { drafts: [] } } },
          { agent: 'email', action: 'send', params: {} },
        ],
      });
      expect(result).toEqual({
        ok: false,
        issues: [
          {
            path: 'steps[1].action',
            message: 'email.send is unavailable: SMTP is not configured',
          },
        ],
      });
    } finally {
      reason.mockRestore();
    }
  });

  it('accepts a plan whose data flows, and spells out reads and writes', () => {
    const result = validate(
      {
        objective: '  Find and email VPs  ',
        steps: [
          { agent: 'prospects', action: 'search', params: { titles: ['VP of Sales'] } },
          { agent: 'email', action: 'draft', params: {} },
          { agent: 'email', action: 'send' },
        ],
      },
      ['sender'],
    );
    expect(result).toEqual({
      ok: true,
      plan: {
        objective: 'Find and email VPs',
        steps: [
          {
            agent: 'prospects',
            action: 'search',
            params: { titles: ['VP of Sales'] },
            reads: [],
            writes: ['prospects'],
            sideEffect: false,
            requiresApproval: false,
          },
          {
            agent: 'email',
            action: 'draft',
            params: {},
            reads: ['prospects', 'sender'],
            writes: ['drafts'],
            sideEffect: false,
            requiresApproval: false,
          },
          {
            agent: 'email',
            action: 'send',
            params: {},
            reads: ['drafts'],
            writes: ['sent'],
            sideEffect: true,
            requiresApproval: true,
          },
        ],
      },
    });
  });

  it('refuses a step that reads a key nobody wrote, naming the step and the key', () => {
    const result = validate(
      {
        objective: 'Draft emails',
        steps: [{ agent: 'email', action: 'draft', params: {} }],
      },
      ['sender'],
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'steps[0]',
          message:
            'email.draft reads "prospects", which no earlier step writes and the context does not give',
        },
      ],
    });
  });

  it('accepts the same read when the context gives the key, or core.set_context wrote it', () => {
    const draft = { agent: 'email', action: 'draft', params: {} };
    expect(validate({ objective: 'x', steps: [draft] }, ['prospects', 'sender']).ok).toBe(true);
    const setFirst = {
      objective: 'x',
      steps: [
        {
          agent: 'core',
          action: 'set_context',
          params: { values: { prospects: [], sender: 'A' } },
        },
        draft,
      ],
    };
    expect(validate(setFirst).ok).toBe(true);
  });

  it('does not let a step read what only a later step writes', () => {
    const result = validate({
      objective: 'x',
      steps: [
        { agent: 'email', action: 'draft', params: {} },
        { agent: 'prospects', action: 'search', params: {} },
      ],
    });
    expect(result.ok).toBe(false);
  });

  it('does not blame later steps for an earlier step whose params are wrong', () => {
    const result = validate(
      {
        objective: 'x',
        steps: [
          { agent: 'prospects', action: 'search', params: { limit: 0 } },
          { agent: 'email', action: 'draft', params: {} },
        ],
      },
      ['sender'],
    );
    expect(!result.ok && result.issues).toEqual([
      { path: 'steps[0].params.limit', message: 'must not be less than 1' },
    ]);
  });

  describe('inputs an action needs', () => {
    const search = { agent: 'prospects', action: 'search', params: { titles: ['CTO'] } };
    const score = (params: Record<string, unknown> = {}) => ({
      agent: 'research',
      action: 'score_fit',
      params,
    });

    it("refuses a step with none of a need's sources, naming the step, what and where", () => {
      const result = validate({
        objective: 'Score CTOs',
        steps: [search, score({ threshold: 60 })],
      });
      expect(result).toEqual({
        ok: false,
        issues: [
          {
            path: 'steps[1]',
            message:
              'research.score_fit needs an ideal customer profile: add params.icp to the step or "icp" to the context',
            missing: ['params.icp', 'state.icp'],
          },
        ],
      });
      expect(!result.ok && onlyMissingInputs(result.issues)).toBe(true);
    });

    it("accepts the input from the step's params, the context, or an earlier step", () => {
      expect(
        validate({ objective: 'x', steps: [search, score({ icp: { titles: ['CTO'] } })] }).ok,
      ).toBe(true);
      const fromContext = validate({ objective: 'x', steps: [search, score()] }, ['icp']);
      expect(fromContext.ok && fromContext.plan.steps[1].reads).toEqual(['prospects', 'icp']);
      const setFirst = [
        { agent: 'core', action: 'set_context', params: { values: { icp: { titles: ['CTO'] } } } },
        search,
        score(),
      ];
      expect(validate({ objective: 'x', steps: setFirst }).ok).toBe(true);
    });

    it('does not count a parameter that holds nothing', () => {
      const result = validate({ objective: 'x', steps: [search, score({ icp: { titles: [] } })] });
      expect(!result.ok && result.issues.map((issue) => issue.missing)).toEqual([
        ['params.icp', 'state.icp'],
      ]);
    });

    it('reports a missing input beside other problems, which are then not all missing inputs', () => {
      const result = validate({
        objective: 'x',
        steps: [{ ...search, params: { limit: 0 } }, score()],
      });
      expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual([
        'steps[0].params.limit',
        'steps[1]',
      ]);
      expect(!result.ok && onlyMissingInputs(result.issues)).toBe(false);
    });
  });

  it('numbers the steps from firstStep, for the rest of a plan', () => {
    const result = validatePlan({
      plan: { objective: 'x', steps: [{ agent: 'research', action: 'score_fit', params: {} }] },
      catalog,
      initialKeys: ['prospects'],
      firstStep: 3,
    });
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual(['steps[3]']);
  });

  it('reports unknown agents and actions with what exists', () => {
    const result = validate({
      objective: 'x',
      steps: [
        { agent: 'crm', action: 'sync', params: {} },
        { agent: 'prospects', action: 'delete_all', params: {} },
      ],
    });
    expect(!result.ok && result.issues).toEqual([
      {
        path: 'steps[0].agent',
        message: 'unknown agent "crm"; known agents: core, email, export, prospects, research',
      },
      {
        path: 'steps[1].action',
        message: 'agent "prospects" has no action "delete_all"; its actions: import_csv, search',
      },
    ]);
  });

  it('reports bad parameters by field', () => {
    const result = validate({
      objective: 'x',
      steps: [{ agent: 'prospects', action: 'search', params: { limit: 5000, colour: 'red' } }],
    });
    expect(!result.ok && result.issues).toHaveLength(2);
    expect(!result.ok && result.issues).toEqual(
      expect.arrayContaining([
        { path: 'steps[0].params.limit', message: 'must not be greater than 1000' },
        { path: 'steps[0].params.colour', message: 'property colour should not exist' },
      ]),
    );
  });

  it.each([
    [null, 'a plan must be a JSON object'],
    [
      { objective: '', steps: [{ agent: 'core', action: 'wait', params: { seconds: 1 } }] },
      'objective',
    ],
    [{ objective: 'x', steps: [] }, 'steps'],
    [{ objective: 'x', steps: 'search' }, 'steps'],
    [{ objective: 'x', steps: [42] }, 'a step must be a JSON object'],
    [
      {
        objective: 'x',
        steps: Array(MAX_PLAN_STEPS + 1).fill({
          agent: 'core',
          action: 'wait',
          params: { seconds: 1 },
        }),
      },
      'steps',
    ],
  ])('refuses a malformed plan %#', (plan, expected) => {
    const result = validate(plan);
    expect(result.ok).toBe(false);
    expect(
      !result.ok &&
        result.issues.some((issue) => issue.path === expected || issue.message === expected),
    ).toBe(true);
  });
});
