import { admissionDelay, LimiterBusyError, LimiterClock, LlmRateLimiter } from './llm-rate-limiter';

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

describe('LlmRateLimiter', () => {
  it('makes the third call within a minute wait its turn instead of failing', async () => {
    const clock = fakeClock();
    const limiter = new LlmRateLimiter(
      { requestsPerMinute: 2, tokensPerMinute: 0, maxWaitMs: 60_000 },
      clock,
    );
    await Promise.all([limiter.acquire(10), limiter.acquire(10), limiter.acquire(10)]);
    expect(clock.sleeps).toEqual([60_000]);
  });

  it('counts what a call really used once it is settled', async () => {
    const clock = fakeClock();
    const limiter = new LlmRateLimiter(
      { requestsPerMinute: 0, tokensPerMinute: 1000, maxWaitMs: 60_000 },
      clock,
    );
    const first = await limiter.acquire(900);
    first.settle(100);
    await limiter.acquire(800);
    expect(clock.sleeps).toEqual([]);
  });

  it('holds every call back during a pause', async () => {
    const clock = fakeClock();
    const limiter = new LlmRateLimiter(
      { requestsPerMinute: 0, tokensPerMinute: 0, maxWaitMs: 60_000 },
      clock,
    );
    limiter.pauseFor(20_000);
    await limiter.acquire(1);
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('refuses a call whose wait would exceed maxWaitMs, without holding up the next', async () => {
    const clock = fakeClock();
    const limiter = new LlmRateLimiter(
      { requestsPerMinute: 1, tokensPerMinute: 0, maxWaitMs: 10_000 },
      clock,
    );
    await limiter.acquire(1);
    await expect(limiter.acquire(1)).rejects.toEqual(new LimiterBusyError(60_000));
    expect(clock.sleeps).toEqual([]);
    await clock.sleep(60_000); // a minute later the queue is not stuck behind the refusal
    await limiter.acquire(1);
    expect(clock.sleeps).toEqual([60_000]);
  });
});
