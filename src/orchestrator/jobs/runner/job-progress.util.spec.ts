import { approvalPreview, pickInputs, withStep } from './job-progress.util';

describe('job progress utils', () => {
  it('previews a step with its params and a short look at each input', () => {
    const step = {
      agent: 'email',
      action: 'send',
      params: { pace_seconds: 30 },
      reads: ['drafts', 'sender'],
      writes: ['sent'],
      sideEffect: true,
      requiresApproval: true,
    };
    const drafts = [1, 2, 3, 4, 5].map((n) => ({ to: `p${n}@example.com` }));
    expect(
      approvalPreview({
        index: 3,
        step,
        description: 'Sends the drafts',
        state: { drafts, sender: 'Ana', other: 1 },
      }),
    ).toEqual({
      step: 3,
      agent: 'email',
      action: 'send',
      description: 'Sends the drafts',
      params: { pace_seconds: 30 },
      inputs: { drafts: { count: 5, first: drafts.slice(0, 3) }, sender: 'Ana' },
    });
  });

  it('hands an action only the keys it declared', () => {
    expect(pickInputs({ a: 1, b: 2, c: undefined }, ['a', 'c', 'd'])).toEqual({
      a: 1,
      c: undefined,
    });
  });

  it('changes one step of the progress list without touching the others', () => {
    const progress = [
      { status: 'succeeded' as const, attempts: 1 },
      { status: 'pending' as const, attempts: 0 },
    ];
    const next = withStep(progress, 1, { status: 'running', attempts: 1 });
    expect(next).toEqual([progress[0], { status: 'running', attempts: 1 }]);
    expect(progress[1].status).toBe('pending');
  });
});
