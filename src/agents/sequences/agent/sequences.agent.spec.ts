import type { AppConfig } from '../../../config/app-config';
import { validateParams } from '../../../orchestrator/agents/action-params.util';
import type { ActionContext } from '../../../orchestrator/agents/agent.types';
import { ActionError } from '../../../orchestrator/agents/retry-policy.util';
import { CreateSequenceDto } from '../api/dto/create-sequence.dto';
import type { SequenceLaunchService } from '../launch/sequence-launch.service';
import type { SequenceRunService } from '../run/sequence-run.service';
import { DEFAULT_SETTINGS } from '../sequence.types';
import type { JobSequenceService, SequenceInState } from './job-sequence.service';
import { SequencesAgent, uuidFrom } from './sequences.agent';

const made: SequenceInState = {
  id: 'seq-1',
  name: 'VPs of Sales',
  enrolled: 2,
  skipped: [
    { prospect_id: 'p3', reason: 'sample_data' },
    { prospect_id: 'p4', reason: 'sample_data' },
    { prospect_id: 'p5', reason: 'no_email' },
  ],
};

function setup() {
  const jobSequences = { create: jest.fn().mockResolvedValue(made) };
  const launches = { launch: jest.fn() };
  const agent = new SequencesAgent(
    { smtp: {} } as unknown as AppConfig,
    jobSequences as unknown as JobSequenceService,
    launches as unknown as SequenceLaunchService,
    {} as SequenceRunService,
  );
  const context = (state: Record<string, unknown>, key = 'job-1:1') =>
    ({ jobId: 'job-1', stepIndex: 1, state, idempotencyKey: key }) as unknown as ActionContext;
  return { agent, jobSequences, launches, context };
}

/** The params as the runner hands them: validated, each step the class of its type. */
function paramsOf(raw: Record<string, unknown>): CreateSequenceDto {
  const checked = validateParams(CreateSequenceDto, raw);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return checked.value;
}

const DEFINITION = {
  name: 'VPs of Sales',
  steps: [
    { type: 'email', draft: 'llm' },
    { type: 'wait', business_days: 3 },
    { type: 'email', draft: 'llm', instructions: 'A short follow-up' },
  ],
};
const prospects = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ id, name: id, company: {} }));

describe('SequencesAgent.create', () => {
  it('creates the sequence under an id derived from the step key, for the state’s prospects', async () => {
    const { agent, jobSequences, context } = setup();
    const result = await agent.create(paramsOf(DEFINITION), context({ prospects }));
    expect(jobSequences.create).toHaveBeenCalledWith({
      id: uuidFrom('sequences.create:job-1:1'),
      definition: { ...DEFINITION, settings: DEFAULT_SETTINGS },
      prospectIds: ['p1', 'p2', 'p3', 'p4', 'p5'],
    });
    expect(result).toEqual({
      writes: { sequence: made },
      summary:
        'Created sequence "VPs of Sales" and enrolled 2 of 5 prospects; skipped 3 (2 sample_data, 1 no_email)',
    });
    // The same key, the same sequence; another step, another.
    await agent.create(paramsOf(DEFINITION), context({ prospects }));
    await agent.create(paramsOf(DEFINITION), context({ prospects }, 'job-1:2'));
    const ids = jobSequences.create.mock.calls.map(([input]: [{ id: string }]) => input.id);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('validates the definition as POST /sequences does', () => {
    const bad = validateParams(CreateSequenceDto, {
      name: 'x',
      steps: [
        { type: 'wait', days: 3 },
        { type: 'wait', days: 10000 },
      ],
    });
    expect(bad.ok ? [] : bad.issues).toEqual(
      expect.arrayContaining([
        { path: 'params.steps', message: 'must start with an email step: steps.0 is "wait"' },
        {
          path: 'params.steps[1].days',
          message: 'must be a whole number from 1 to 365, not 10000',
        },
      ]),
    );
  });

  it('does nothing, and creates nothing, without prospects', async () => {
    const { agent, jobSequences, context } = setup();
    const result = await agent.create(paramsOf(DEFINITION), context({ prospects: [] }));
    expect(result).toEqual({ writes: { sequence: null }, summary: 'Nothing to do: no prospects' });
    expect(jobSequences.create).not.toHaveBeenCalled();
  });

  it.each([
    [{ prospects: 'nobody' }, 'The job state\'s "prospects" must be a list'],
    [{ prospects: [{ name: 'No id' }] }, 'prospects[0] has no id'],
  ])('fails for good on prospects that are not a list of prospects %#', async (state, message) => {
    const { agent, context } = setup();
    const failure = await agent.create(paramsOf(DEFINITION), context(state)).catch((e) => e);
    expect(failure).toBeInstanceOf(ActionError);
    expect((failure as ActionError).message).toBe(message);
    expect((failure as ActionError).retryable).toBe(false);
  });
});

describe('SequencesAgent.launch after create', () => {
  it('has nothing to launch when the sequence enrolled nobody, or was not made', async () => {
    const { agent, launches, context } = setup();
    for (const sequence of [null, { ...made, enrolled: 0 }]) {
      const result = await agent.launch({}, context({ sequence }));
      expect(result).toEqual({
        writes: { launch: null },
        summary: 'Nothing to do: no prospects enrolled to launch',
      });
    }
    expect(launches.launch).not.toHaveBeenCalled();
  });
});
