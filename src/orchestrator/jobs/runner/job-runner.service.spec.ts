import { SystemClock } from '../../../common/time/system.clock';
import type { AppConfig } from '../../../config/app-config';
import type { AgentRegistry } from '../../agents/agent-registry.service';
import type { JobEventsService } from '../events/job-events.service';
import { JobRunner } from './job-runner.service';
import type { JobStore } from '../store/job-store';

/** A store with no work whose claims resolve only when the test says so (like a group commit). */
function slowClaimStore() {
  const claims: (() => void)[] = [];
  const store = {
    claim: jest.fn(
      () => new Promise<undefined>((resolve) => claims.push(() => resolve(undefined))),
    ),
    releaseLeases: jest.fn(async () => 0),
  };
  const answerClaim = async () => {
    claims.shift()?.();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { store, answerClaim };
}

describe('JobRunner wake-up', () => {
  const config = { jobs: { concurrency: 2, leaseMs: 30_000 } } as unknown as AppConfig;

  afterEach(() => jest.useRealTimers());

  it('looks again at once when woken while a claim is in flight, instead of waiting for the poll', async () => {
    jest.useFakeTimers();
    const { store, answerClaim } = slowClaimStore();
    const runner = new JobRunner(
      store as unknown as JobStore,
      {} as AgentRegistry,
      {} as JobEventsService,
      config,
      new SystemClock(),
    );
    runner.onApplicationBootstrap();
    expect(store.claim).toHaveBeenCalledTimes(1);
    runner.wake(); // a job was created; its commit lands after the claim looked
    await answerClaim();
    expect(store.claim).toHaveBeenCalledTimes(2);
    // Nothing else to do: now it waits (no busy loop) until woken or polled.
    await answerClaim();
    expect(store.claim).toHaveBeenCalledTimes(2);
    runner.wake();
    await answerClaim();
    expect(store.claim).toHaveBeenCalledTimes(3);
    const stopping = runner.beforeApplicationShutdown();
    await answerClaim();
    await jest.runOnlyPendingTimersAsync();
    await stopping;
  });
});
