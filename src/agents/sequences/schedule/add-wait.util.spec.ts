import { addWait, calendarDaysOf } from './add-wait.util';

const wait = (from: string, amount: { days?: number; businessDays?: number }, zone: string) =>
  addWait({ from: new Date(from), ...amount, zone }).toISOString();

describe('addWait', () => {
  describe('calendar days keep the local time', () => {
    it('across the spring change in Berlin (a 71-hour wait for 3 days)', () => {
      // Friday 10:00 CET → Monday 10:00 CEST.
      expect(wait('2026-03-27T09:00:00.000Z', { days: 3 }, 'Europe/Berlin')).toBe(
        '2026-03-30T08:00:00.000Z',
      );
    });

    it('across the autumn change in Berlin (a 25-hour day)', () => {
      // Saturday 10:00 CEST → Sunday 10:00 CET.
      expect(wait('2026-10-24T08:00:00.000Z', { days: 1 }, 'Europe/Berlin')).toBe(
        '2026-10-25T09:00:00.000Z',
      );
    });

    it('across both changes in New York', () => {
      // Saturday 2026-03-07 09:00 EST → Monday 09:00 EDT; Saturday 2026-10-31 09:00 EDT → Monday 09:00 EST.
      expect(wait('2026-03-07T14:00:00.000Z', { days: 2 }, 'America/New_York')).toBe(
        '2026-03-09T13:00:00.000Z',
      );
      expect(wait('2026-10-31T13:00:00.000Z', { days: 2 }, 'America/New_York')).toBe(
        '2026-11-02T14:00:00.000Z',
      );
    });

    it('lands on the jump when the time is skipped, and on the first showing when repeated', () => {
      // Saturday 02:30 CET → Sunday 02:30 does not exist → 03:00 CEST.
      expect(wait('2026-03-28T01:30:00.000Z', { days: 1 }, 'Europe/Berlin')).toBe(
        '2026-03-29T01:00:00.000Z',
      );
      // Saturday 02:30 CEST → Sunday 02:30 shows twice → the first, CEST.
      expect(wait('2026-10-24T00:30:00.000Z', { days: 1 }, 'Europe/Berlin')).toBe(
        '2026-10-25T00:30:00.000Z',
      );
    });

    it('is exactly 24 hours a day in a zone without daylight saving', () => {
      expect(wait('2026-01-09T12:25:30.250Z', { days: 7 }, 'Asia/Kolkata')).toBe(
        '2026-01-16T12:25:30.250Z',
      );
    });
  });

  describe('business days skip Saturday and Sunday', () => {
    it('counts Friday + 1 as Monday, keeping 10:00 across the change', () => {
      expect(wait('2026-03-27T09:00:00.000Z', { businessDays: 1 }, 'Europe/Berlin')).toBe(
        '2026-03-30T08:00:00.000Z',
      );
    });

    it('counts from a weekend day to the weekdays after it', () => {
      // Saturday + 1 = Monday; Saturday + 5 = Friday.
      expect(wait('2026-03-28T09:00:00.000Z', { businessDays: 1 }, 'Europe/Berlin')).toBe(
        '2026-03-30T08:00:00.000Z',
      );
      expect(wait('2026-03-28T09:00:00.000Z', { businessDays: 5 }, 'Europe/Berlin')).toBe(
        '2026-04-03T08:00:00.000Z',
      );
    });

    it('waits two whole weeks for 10 business days', () => {
      expect(wait('2026-03-23T09:00:00.000Z', { businessDays: 10 }, 'Europe/Berlin')).toBe(
        '2026-04-06T08:00:00.000Z',
      );
    });

    it('follows the autumn change in New York', () => {
      // Friday 09:00 EDT + 2 → Tuesday 09:00 EST.
      expect(wait('2026-10-30T13:00:00.000Z', { businessDays: 2 }, 'America/New_York')).toBe(
        '2026-11-03T14:00:00.000Z',
      );
    });

    it('reads the weekday in the zone', () => {
      // Friday 20:00 UTC is Saturday 01:30 in Kolkata: + 1 = Monday 01:30 IST, not Monday 20:00 UTC.
      expect(wait('2026-01-09T20:00:00.000Z', { businessDays: 1 }, 'Asia/Kolkata')).toBe(
        '2026-01-11T20:00:00.000Z',
      );
      expect(wait('2026-01-09T20:00:00.000Z', { businessDays: 1 }, 'UTC')).toBe(
        '2026-01-12T20:00:00.000Z',
      );
    });

    it('leaves the instant as it is for 0, even on a weekend', () => {
      expect(wait('2026-03-28T09:00:00.000Z', { businessDays: 0 }, 'Europe/Berlin')).toBe(
        '2026-03-28T09:00:00.000Z',
      );
      expect(wait('2026-03-28T09:00:00.000Z', { days: 0 }, 'Europe/Berlin')).toBe(
        '2026-03-28T09:00:00.000Z',
      );
    });
  });

  it('refuses both amounts, none, a negative or fractional one, and an unknown zone', () => {
    const from = new Date('2026-03-25T10:00:00Z');
    expect(() => addWait({ from, zone: 'UTC' })).toThrow('A wait is either days or businessDays');
    expect(() => addWait({ from, days: 1, businessDays: 1, zone: 'UTC' })).toThrow(
      'A wait is either days or businessDays',
    );
    expect(() => addWait({ from, days: -1, zone: 'UTC' })).toThrow(
      /whole number of days ≥ 0, got -1/,
    );
    expect(() => addWait({ from, businessDays: 1.5, zone: 'UTC' })).toThrow(/got 1.5/);
    expect(() => addWait({ from, days: 1, zone: 'Nowhere/City' })).toThrow(/Unknown time zone/);
  });
});

describe('calendarDaysOf', () => {
  /** The plain walk, one day at a time, that the week skipping must match. */
  const walk = (businessDays: number, weekday: number) => {
    let days = 0;
    let day = weekday;
    for (let counted = 0; counted < businessDays;) {
      days++;
      day = (day % 7) + 1;
      if (day <= 5) counted++;
    }
    return days;
  };

  it('matches a day-by-day walk from every weekday', () => {
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let businessDays = 0; businessDays <= 40; businessDays++) {
        expect([weekday, businessDays, calendarDaysOf({ businessDays, weekday })]).toEqual([
          weekday,
          businessDays,
          walk(businessDays, weekday),
        ]);
      }
    }
  });

  it('is quick for long waits', () => {
    // Monday + 5 business days is the next Monday, so + 10,000 is 2,000 weeks; from a Saturday
    // they end on the Friday before.
    expect(calendarDaysOf({ businessDays: 10_000, weekday: 1 })).toBe(14_000);
    expect(calendarDaysOf({ businessDays: 10_000, weekday: 6 })).toBe(13_999);
  });
});
