import type { ActionContext } from '../../orchestrator/agents/agent.types';
import { CoreAgent } from './core.agent';

const context = (signal = new AbortController().signal): ActionContext => ({
  jobId: 'job-1',
  stepIndex: 0,
  state: {},
  idempotencyKey: 'job-1:0',
  signal,
});

describe('CoreAgent', () => {
  const agent = new CoreAgent();

  it('set_context writes the given values into the state', async () => {
    await expect(
      agent.setContext({ values: { icp: { countries: ['Germany'] }, n: 1 } }),
    ).resolves.toEqual({
      writes: { icp: { countries: ['Germany'] }, n: 1 },
      summary: 'Set icp, n',
    });
  });

  it('wait pauses for the given seconds', async () => {
    jest.useFakeTimers();
    try {
      let done = false;
      const waiting = agent.wait({ seconds: 2 }, context()).then(() => (done = true));
      await jest.advanceTimersByTimeAsync(1999);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await waiting;
      expect(done).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('wait stops at once when the step is aborted', async () => {
    const controller = new AbortController();
    const waiting = agent.wait({ seconds: 3600 }, context(controller.signal));
    controller.abort();
    await expect(waiting).rejects.toThrow(/abort/i);
  });
});
