import { selectPlanExamples } from './plan-history';

const plan = (objective: string) => ({
  objective,
  steps: [{ agent: 'core', action: 'wait', params: { seconds: 1 }, reads: [], writes: [] }],
});

describe('selectPlanExamples', () => {
  const contexts = [
    { command: 'newest, still queued', plan: plan('a'), status: 'queued' },
    {
      command: 'failed but loved',
      plan: plan('b'),
      status: 'failed',
      feedback: [{ rating: 5, comment: 'spot on' }],
    },
    {
      command: 'succeeded, rated poorly',
      plan: plan('c'),
      status: 'succeeded',
      feedback: [{ rating: 1 }],
    },
    { command: 'succeeded', plan: plan('d'), status: 'succeeded' },
    { command: 'not a job context' },
    { command: 'poisoned', plan: { objective: 'p', steps: [null] }, status: 'succeeded' },
    { command: 'poisoned too', plan: 'steps', status: 'succeeded' },
    { command: 'succeeded too', plan: plan('e'), status: 'succeeded' },
    { command: 'one too many', plan: plan('f'), status: 'succeeded' },
  ];

  it('picks successful or well-rated plans, newest first, at most three, with their feedback', () => {
    const examples = selectPlanExamples({ contexts, tokenBudget: 10_000 });
    expect(examples).toEqual([
      {
        command: 'failed but loved',
        plan: {
          objective: 'b',
          steps: [{ agent: 'core', action: 'wait', params: { seconds: 1 } }],
        },
        feedback: ['5/5: spot on'],
      },
      expect.objectContaining({ command: 'succeeded', feedback: [] }),
      expect.objectContaining({ command: 'succeeded too' }),
    ]);
  });

  it('stays within the token budget', () => {
    const one = selectPlanExamples({ contexts, tokenBudget: 10_000 })[0];
    const cost = Math.ceil(JSON.stringify(one).length / 4);
    expect(selectPlanExamples({ contexts, tokenBudget: cost })).toHaveLength(1);
    // The first no longer fits; a smaller one that does is taken instead.
    expect(selectPlanExamples({ contexts, tokenBudget: cost - 1 })).toEqual([
      expect.objectContaining({ command: 'succeeded' }),
    ]);
    expect(selectPlanExamples({ contexts, tokenBudget: 10 })).toEqual([]);
  });
});
