import {
  addCivilDays,
  civilWeekday,
  localTimeAt,
  offsetChangesBetween,
  wallClockInstants,
} from './wall-clock.util';

const iso = (instants: number[]) => instants.map((instant) => new Date(instant).toISOString());
const at = (hours: number, minutes = 0) => (hours * 60 + minutes) * 60_000;

describe('wallClockInstants', () => {
  it('finds the one instant of an ordinary time', () => {
    const date = { year: 2026, month: 3, day: 25 };
    expect(iso(wallClockInstants({ date, msOfDay: at(9), zone: 'Europe/Berlin' }))).toEqual([
      '2026-03-25T08:00:00.000Z',
    ]);
    expect(iso(wallClockInstants({ date, msOfDay: at(9), zone: 'Asia/Kolkata' }))).toEqual([
      '2026-03-25T03:30:00.000Z',
    ]);
  });

  it('gives the jump for a time the clocks skip', () => {
    const date = { year: 2026, month: 3, day: 29 };
    for (const msOfDay of [at(2), at(2, 30), at(2, 59)]) {
      expect(iso(wallClockInstants({ date, msOfDay, zone: 'Europe/Berlin' }))).toEqual([
        '2026-03-29T01:00:00.000Z',
      ]);
    }
    expect(iso(wallClockInstants({ date, msOfDay: at(3), zone: 'Europe/Berlin' }))).toEqual([
      '2026-03-29T01:00:00.000Z',
    ]);
  });

  it('gives both instants of a time the clocks show twice, first first', () => {
    const date = { year: 2026, month: 11, day: 1 };
    expect(iso(wallClockInstants({ date, msOfDay: at(1, 30), zone: 'America/New_York' }))).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T06:30:00.000Z',
    ]);
  });

  it('rolls a time of 24:00 into the next day', () => {
    const date = { year: 2026, month: 12, day: 31 };
    expect(iso(wallClockInstants({ date, msOfDay: at(24), zone: 'UTC' }))).toEqual([
      '2027-01-01T00:00:00.000Z',
    ]);
  });
});

describe('offsetChangesBetween', () => {
  it('finds the exact instant of a change, and none on an ordinary day', () => {
    const from = Date.parse('2026-10-24T22:00:00Z');
    const to = Date.parse('2026-10-25T23:00:00Z');
    expect(iso(offsetChangesBetween(from, to, 'Europe/Berlin'))).toEqual([
      '2026-10-25T01:00:00.000Z',
    ]);
    expect(offsetChangesBetween(from, to, 'Asia/Kolkata')).toEqual([]);
  });
});

describe('civil dates', () => {
  it('reads the local day and time at an instant', () => {
    expect(localTimeAt(Date.parse('2026-03-27T23:30:00.000Z'), 'Europe/Berlin')).toEqual({
      date: { year: 2026, month: 3, day: 28 },
      msOfDay: at(0, 30),
    });
  });

  it('adds days across months and years, and names the weekday', () => {
    expect(addCivilDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({
      year: 2027,
      month: 1,
      day: 2,
    });
    expect(addCivilDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
    expect(civilWeekday({ year: 2026, month: 3, day: 29 })).toBe(7);
    expect(civilWeekday({ year: 2026, month: 3, day: 30 })).toBe(1);
  });
});
