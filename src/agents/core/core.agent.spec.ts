import { SystemClock } from '../../common/time/system.clock';
import { validateParams } from '../../orchestrator/agents/action-params.util';
import { CoreAgent, MAX_WAIT_SECONDS, WaitParams } from './core.agent';

describe('CoreAgent', () => {
  const agent = new CoreAgent(new SystemClock());

  it('set_context writes the given values into the state', async () => {
    await expect(
      agent.setContext({ values: { icp: { countries: ['Germany'] }, n: 1 } }),
    ).resolves.toEqual({
      writes: { icp: { countries: ['Germany'] }, n: 1 },
      summary: 'Set icp, n',
    });
  });

  it('wait returns at once, asking the runner to park the job until the time is up', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T10:00:00Z') });
    try {
      await expect(agent.wait({ seconds: 3600 })).resolves.toEqual({
        summary: 'Waits 3600 s, until 2026-12-06T11:00:00.000Z',
        wakeAt: new Date('2026-12-06T11:00:00Z'),
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it('wait takes 1 s up to 30 days', () => {
    expect(MAX_WAIT_SECONDS).toBe(30 * 24 * 3600);
    expect(validateParams(WaitParams, { seconds: MAX_WAIT_SECONDS }).ok).toBe(true);
    expect(validateParams(WaitParams, { seconds: MAX_WAIT_SECONDS + 1 }).ok).toBe(false);
    expect(validateParams(WaitParams, { seconds: 0 }).ok).toBe(false);
  });
});
