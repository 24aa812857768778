import { InProcessLlmRateLimiter } from './in-process-llm-rate-limiter';
import {
  admissionDelay,
  BudgetUsedUpError,
  isWithinBudget,
  LimiterBusyError,
  LimiterClock,
} from './llm-rate-limiter';

describe('admissionDelay', () => {
  const base = { now: 100_000, pausedUntil: 0, requestsPerMinute: 2, tokensPerMinute: 1000 };

  it('admits at once while under both limits', () => {
    expect(admissionDelay({ ...base, calls: [{ at: 99_000, tokens: 100 }], tokens: 100 })).toBe(0);
  });

  it('waits for the oldest call to leave the window when the request limit is reached', () => {
    const calls = [
      { at: 70_000, tokens: 1 },
      { at: 90_000, tokens: 1 },
    ];
    expect(admissionDelay({ ...base, calls, tokens: 1 })).toBe(30_000);
  });

  it('waits until enough tokens have left the window', () => {
    const calls = [
      { at: 50_000, tokens: 600 },
      { at: 80_000, tokens: 300 },
    ];
    // 900 used + 200 asked > 1000: the first call (600) must expire at 110_000.
    expect(admissionDelay({ ...base, requestsPerMinute: 0, calls, tokens: 200 })).toBe(10_000);
    // 900 + 800: both must expire.
    expect(admissionDelay({ ...base, requestsPerMinute: 0, calls, tokens: 800 })).toBe(40_000);
  });

  it('lets a call larger than the whole allowance go alone once the window is empty', () => {
    expect(admissionDelay({ ...base, calls: [], tokens: 5000 })).toBe(0);
    expect(admissionDelay({ ...base, calls: [{ at: 95_000, tokens: 1 }], tokens: 5000 })).toBe(
      55_000,
    );
  });

  it('honours a pause (Retry-After) and treats 0 as no limit', () => {
    const unlimited = { ...base, requestsPerMinute: 0, tokensPerMinute: 0 };
    const calls = Array.from({ length: 100 }, () => ({ at: 99_999, tokens: 10_000 }));
    expect(admissionDelay({ ...unlimited, calls, tokens: 10_000 })).toBe(0);
    expect(admissionDelay({ ...unlimited, calls, tokens: 1, pausedUntil: 103_000 })).toBe(3000);
  });
});

/** A clock that only moves when a caller sleeps, so waits are observable and instant. */
function fakeClock(): LimiterClock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

/** A usage ledger holding `tokens` for every job. */
const ledger = (tokens = 0) => ({ totalTokens: jest.fn(() => Promise.resolve(tokens)) });

describe('isWithinBudget', () => {
  it('lets a job call while its used and reserved tokens are under the budget; 0 is no budget', () => {
    expect(isWithinBudget({ used: 200, reserved: 99, budget: 300 })).toBe(true);
    expect(isWithinBudget({ used: 200, reserved: 100, budget: 300 })).toBe(false);
    expect(isWithinBudget({ used: 410, reserved: 0, budget: 300 })).toBe(false);
    expect(isWithinBudget({ used: 10 ** 9, reserved: 0, budget: 0 })).toBe(true);
  });
});

describe('InProcessLlmRateLimiter', () => {
  it('makes the third call within a minute wait its turn instead of failing', async () => {
    const clock = fakeClock();
    const limiter = new InProcessLlmRateLimiter(
      { requestsPerMinute: 2, tokensPerMinute: 0, maxWaitMs: 60_000 },
      ledger(),
      clock,
    );
    await Promise.all([limiter.acquire(10), limiter.acquire(10), limiter.acquire(10)]);
    expect(clock.sleeps).toEqual([60_000]);
  });

  it('counts what a call really used once it is settled', async () => {
    const clock = fakeClock();
    const limiter = new InProcessLlmRateLimiter(
      { requestsPerMinute: 0, tokensPerMinute: 1000, maxWaitMs: 60_000 },
      ledger(),
      clock,
    );
    const first = await limiter.acquire(900);
    await first.settle(100);
    await limiter.acquire(800);
    expect(clock.sleeps).toEqual([]);
  });

  it('holds every call back during a pause', async () => {
    const clock = fakeClock();
    const limiter = new InProcessLlmRateLimiter(
      { requestsPerMinute: 0, tokensPerMinute: 0, maxWaitMs: 60_000 },
      ledger(),
      clock,
    );
    await limiter.pauseFor(20_000);
    await limiter.acquire(1);
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('refuses a call whose wait would exceed maxWaitMs, without holding up the next', async () => {
    const clock = fakeClock();
    const limiter = new InProcessLlmRateLimiter(
      { requestsPerMinute: 1, tokensPerMinute: 0, maxWaitMs: 10_000 },
      ledger(),
      clock,
    );
    await limiter.acquire(1);
    await expect(limiter.acquire(1)).rejects.toEqual(new LimiterBusyError(60_000));
    expect(clock.sleeps).toEqual([]);
    await clock.sleep(60_000); // a minute later the queue is not stuck behind the refusal
    await limiter.acquire(1);
    expect(clock.sleeps).toEqual([60_000]);
  });

  it('refuses a call once its wait, all told, would pass maxWaitMs', async () => {
    const clock = fakeClock();
    const limiter = new InProcessLlmRateLimiter(
      { requestsPerMinute: 0, tokensPerMinute: 0, maxWaitMs: 10_000 },
      ledger(),
      clock,
    );
    const sleep = clock.sleep;
    // A second 429 while the call waits out the first pause: 8 s more would fit on its own.
    clock.sleep = async (ms) => {
      await sleep(ms);
      if (clock.sleeps.length === 1) await limiter.pauseFor(8000);
    };
    await limiter.pauseFor(6000);
    await expect(limiter.acquire(1)).rejects.toEqual(new LimiterBusyError(8000));
    expect(clock.sleeps).toEqual([6000]);
  });

  it("refuses a job's call once the ledger and its calls under way reach its budget", async () => {
    const clock = fakeClock();
    const usage = ledger(200);
    const limiter = new InProcessLlmRateLimiter(
      { requestsPerMinute: 0, tokensPerMinute: 0, maxWaitMs: 0 },
      usage,
      clock,
    );
    const job = { jobId: 'job-1', budget: 300 };
    const first = await limiter.acquire(100, job);
    // 200 used and 100 reserved: no room for a second call until the first is settled.
    await expect(limiter.acquire(50, job)).rejects.toEqual(new BudgetUsedUpError(200, 100));
    // Another job, and a call for no job, are not held by it.
    await limiter.acquire(100, { jobId: 'job-2', budget: 300 });
    await limiter.acquire(100);
    await first.settle(40);
    usage.totalTokens.mockResolvedValue(240);
    await limiter.acquire(50, job);
    expect(usage.totalTokens).toHaveBeenCalledWith('job-1');
    await expect(limiter.acquire(10, { jobId: 'job-3', budget: 0 })).resolves.toBeDefined();
  });
});
