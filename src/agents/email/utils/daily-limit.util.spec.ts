import { dailyLimitDecision, sendLimitDecision, utcDayStart } from './daily-limit.util';

describe('daily limit', () => {
  it('counts from midnight UTC', () => {
    expect(utcDayStart(new Date('2026-12-03T23:59:59.999+01:00')).toISOString()).toBe(
      '2026-12-03T00:00:00.000Z',
    );
    expect(utcDayStart(new Date('2026-12-04T00:30:00+02:00')).toISOString()).toBe(
      '2026-12-03T00:00:00.000Z',
    );
  });

  it('allows up to the limit, then refuses with the reason', () => {
    expect(dailyLimitDecision({ sentToday: 0, limit: 2 })).toEqual({ allowed: true });
    expect(dailyLimitDecision({ sentToday: 1, limit: 2 })).toEqual({ allowed: true });
    const refused = dailyLimitDecision({ sentToday: 2, limit: 2 });
    expect(refused).toEqual({
      allowed: false,
      reason: expect.stringContaining('daily limit of 2'),
    });
    expect(dailyLimitDecision({ sentToday: 0, limit: 0 }).allowed).toBe(false);
  });

  it("holds a sequence's touch back at its own cap, and names the global limit first", () => {
    const sequence = (sentToday: number) => ({ sentToday, cap: 2 });
    expect(sendLimitDecision({ sentToday: 5, dailyLimit: 50 })).toEqual({ allowed: true });
    expect(sendLimitDecision({ sentToday: 5, dailyLimit: 50, sequence: sequence(1) })).toEqual({
      allowed: true,
    });
    expect(sendLimitDecision({ sentToday: 5, dailyLimit: 50, sequence: sequence(2) })).toEqual({
      allowed: false,
      limit: 'sequence_daily_limit',
      reason: expect.stringContaining('daily cap of 2'),
    });
    expect(
      sendLimitDecision({ sentToday: 50, dailyLimit: 50, sequence: sequence(2) }),
    ).toMatchObject({ allowed: false, limit: 'daily_limit' });
    expect(
      sendLimitDecision({ sentToday: 0, dailyLimit: 50, sequence: { sentToday: 0, cap: 0 } }),
    ).toMatchObject({ allowed: false, limit: 'sequence_daily_limit' });
  });
});
