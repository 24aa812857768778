import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

describe('FixedWindowThrottlerStorage', () => {
  let storage: FixedWindowThrottlerStorage;
  let now: number;

  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    storage = new FixedWindowThrottlerStorage();
  });
  afterEach(() => {
    storage.onModuleDestroy();
    jest.restoreAllMocks();
  });

  const hit = (key = 'client-a') => storage.increment(key, 60_000, 3, 60_000, 'default');

  it('counts hits and blocks past the limit until the window ends', async () => {
    expect(await hit()).toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    await hit();
    expect((await hit()).isBlocked).toBe(false);
    now += 15_000;
    expect(await hit()).toEqual({
      totalHits: 4,
      timeToExpire: 45,
      isBlocked: true,
      timeToBlockExpire: 45,
    });
  });

  it('starts a fresh window once the old one ends', async () => {
    for (let i = 0; i < 5; i++) await hit();
    now += 60_000;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('keeps clients and throttlers apart', async () => {
    for (let i = 0; i < 4; i++) await hit('client-a');
    expect((await hit('client-b')).isBlocked).toBe(false);
    const other = await storage.increment('client-a', 1000, 10, 1000, 'burst');
    expect(other.totalHits).toBe(1);
  });

  it('forgets ended windows when it sweeps', async () => {
    await hit('client-a');
    now += 30_000;
    await hit('client-b');
    now += 31_000;
    storage.sweep(now);
    expect(storage.size).toBe(1);
  });
});
