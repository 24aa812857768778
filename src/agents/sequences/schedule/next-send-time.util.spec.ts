import { nextSendTime } from './next-send-time.util';
import { SendingWindow } from './sending-window.util';

const OFFICE_HOURS: SendingWindow = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '09:00',
  end: '17:00',
};
const EVERY_DAY: SendingWindow['days'] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const next = (notBefore: string, zone: string, window: SendingWindow = OFFICE_HOURS) =>
  nextSendTime({ notBefore: new Date(notBefore), window, zone }).toISOString();

describe('nextSendTime', () => {
  describe('office hours in Europe/Berlin', () => {
    it('keeps an instant inside the window', () => {
      // Wednesday 11:00 CET.
      expect(next('2026-03-25T10:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-25T10:00:00.000Z');
      // Wednesday 16:59:59.999, the last moment.
      expect(next('2026-03-25T15:59:59.999Z', 'Europe/Berlin')).toBe('2026-03-25T15:59:59.999Z');
    });

    it('waits for the morning after a night', () => {
      // Wednesday 04:00 CET → 09:00 CET.
      expect(next('2026-03-25T03:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-25T08:00:00.000Z');
      // Wednesday 17:00 CET, the end itself, is outside → Thursday 09:00.
      expect(next('2026-03-25T16:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-26T08:00:00.000Z');
    });

    it('skips a weekend on which the clocks go forward (2026-03-29)', () => {
      // Friday 18:00 CET → Monday 09:00 CEST, one hour earlier in UTC than the week before.
      expect(next('2026-03-27T17:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-30T07:00:00.000Z');
      // Saturday noon and Sunday noon alike.
      expect(next('2026-03-28T11:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-30T07:00:00.000Z');
      expect(next('2026-03-29T10:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-30T07:00:00.000Z');
    });

    it('skips a weekend on which the clocks go back (2026-10-25)', () => {
      // Friday 16:30 CEST is inside; Friday 17:00 CEST → Monday 09:00 CET.
      expect(next('2026-10-23T14:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-23T14:30:00.000Z');
      expect(next('2026-10-23T15:00:00.000Z', 'Europe/Berlin')).toBe('2026-10-26T08:00:00.000Z');
    });

    it('reads the day and the hour in the zone, not in UTC', () => {
      // Friday 23:30 UTC is Saturday 00:30 in Berlin: not Friday evening, but Monday 23:00 CEST.
      const window: SendingWindow = { days: ['fri', 'mon'], start: '23:00', end: '24:00' };
      expect(next('2026-03-27T23:30:00.000Z', 'Europe/Berlin', window)).toBe(
        '2026-03-30T21:00:00.000Z',
      );
      expect(next('2026-03-27T23:30:00.000Z', 'UTC', window)).toBe('2026-03-27T23:30:00.000Z');
    });
  });

  describe('a window start the clocks skip (Berlin, 02:00 → 03:00 on 2026-03-29)', () => {
    it('opens the window the moment the clocks jump past its start', () => {
      const window: SendingWindow = { days: EVERY_DAY, start: '02:30', end: '06:00' };
      // Sunday 00:00 CET → 03:00 CEST (01:00 UTC), not 03:30 as a naive shift would give.
      expect(next('2026-03-28T23:00:00.000Z', 'Europe/Berlin', window)).toBe(
        '2026-03-29T01:00:00.000Z',
      );
      expect(next('2026-03-28T23:00:00.000Z', 'Europe/Berlin', { ...window, start: '02:00' })).toBe(
        '2026-03-29T01:00:00.000Z',
      );
      // A day later the start exists again: Monday 02:30 CEST.
      expect(next('2026-03-29T04:00:00.000Z', 'Europe/Berlin', window)).toBe(
        '2026-03-30T00:30:00.000Z',
      );
    });

    it('closes a window that ends in the gap when the clocks jump', () => {
      const window: SendingWindow = { days: ['sun', 'mon'], start: '01:00', end: '02:30' };
      // Sunday 01:45 CET is inside; at 03:00 CEST the window has ended → Monday 01:00 CEST.
      expect(next('2026-03-29T00:45:00.000Z', 'Europe/Berlin', window)).toBe(
        '2026-03-29T00:45:00.000Z',
      );
      expect(next('2026-03-29T01:00:00.000Z', 'Europe/Berlin', window)).toBe(
        '2026-03-29T23:00:00.000Z',
      );
    });
  });

  describe('a window start the clocks show twice (Berlin, 03:00 → 02:00 on 2026-10-25)', () => {
    it('opens the window at the first showing', () => {
      const window: SendingWindow = { days: ['sun'], start: '02:30', end: '04:00' };
      // Sunday 00:00 CEST → 02:30 CEST (00:30 UTC), not 02:30 CET.
      expect(next('2026-10-24T22:00:00.000Z', 'Europe/Berlin', window)).toBe(
        '2026-10-25T00:30:00.000Z',
      );
    });

    it('opens it again when the clocks go back into it', () => {
      // Left at 02:15 CEST; the clocks go back to 02:00 CET at 01:00 UTC, inside again.
      const early: SendingWindow = { days: ['sun'], start: '02:00', end: '02:15' };
      expect(next('2026-10-25T00:20:00.000Z', 'Europe/Berlin', early)).toBe(
        '2026-10-25T01:00:00.000Z',
      );
      // Left at 02:45 CEST; 02:30 shows again at 01:30 UTC.
      const late: SendingWindow = { days: ['sun'], start: '02:30', end: '02:45' };
      expect(next('2026-10-25T00:50:00.000Z', 'Europe/Berlin', late)).toBe(
        '2026-10-25T01:30:00.000Z',
      );
    });
  });

  describe('America/New_York (clocks forward 2026-03-08, back 2026-11-01)', () => {
    it('keeps 09:00 local across both changes', () => {
      // Friday 17:00 EST → Monday 09:00 EDT (13:00 UTC).
      expect(next('2026-03-06T22:00:00.000Z', 'America/New_York')).toBe('2026-03-09T13:00:00.000Z');
      // Friday 17:00 EDT → Monday 09:00 EST (14:00 UTC).
      expect(next('2026-10-30T21:00:00.000Z', 'America/New_York')).toBe('2026-11-02T14:00:00.000Z');
    });

    it('skips a day whose window the clocks skip entirely', () => {
      // 02:00–03:00 never shows on 2026-03-08 → the next Sunday, 02:00 EDT.
      const window: SendingWindow = { days: ['sun'], start: '02:00', end: '03:00' };
      expect(next('2026-03-08T05:00:00.000Z', 'America/New_York', window)).toBe(
        '2026-03-15T06:00:00.000Z',
      );
    });
  });

  it('handles a half-hour zone (Asia/Kolkata, UTC+05:30)', () => {
    const window: SendingWindow = { days: OFFICE_HOURS.days, start: '09:30', end: '18:00' };
    // Saturday 10:30 IST → Monday 09:30 IST.
    expect(next('2026-01-10T05:00:00.000Z', 'Asia/Kolkata', window)).toBe(
      '2026-01-12T04:00:00.000Z',
    );
    // Friday 17:55 IST inside; Friday 18:00 IST → Monday.
    expect(next('2026-01-09T12:25:00.000Z', 'Asia/Kolkata', window)).toBe(
      '2026-01-09T12:25:00.000Z',
    );
    expect(next('2026-01-09T12:30:00.000Z', 'Asia/Kolkata', window)).toBe(
      '2026-01-12T04:00:00.000Z',
    );
  });

  it('waits a whole week for a one-day window just missed', () => {
    const window: SendingWindow = { days: ['wed'], start: '09:00', end: '10:00' };
    // Wednesday 10:00 CET → the next Wednesday, 09:00 CEST.
    expect(next('2026-03-25T09:00:00.000Z', 'Europe/Berlin', window)).toBe(
      '2026-04-01T07:00:00.000Z',
    );
  });

  it('takes a weekend-only window, and one that ends at midnight', () => {
    const weekend: SendingWindow = { days: ['sat', 'sun'], start: '10:00', end: '12:00' };
    expect(next('2026-03-23T12:00:00.000Z', 'Europe/London', weekend)).toBe(
      '2026-03-28T10:00:00.000Z',
    );
    const evening: SendingWindow = { days: ['mon'], start: '18:00', end: '24:00' };
    expect(next('2026-03-23T23:59:30.000Z', 'UTC', evening)).toBe('2026-03-23T23:59:30.000Z');
    expect(next('2026-03-24T00:00:00.000Z', 'UTC', evening)).toBe('2026-03-30T18:00:00.000Z');
  });

  it('handles a zone whose clocks skip midnight (America/Santiago, 2026-09-06)', () => {
    // Saturday 24:00 -04 becomes Sunday 01:00 -03: the Sunday window opens at 04:00 UTC.
    const window: SendingWindow = { days: ['sun'], start: '00:00', end: '08:00' };
    expect(next('2026-09-05T12:00:00.000Z', 'America/Santiago', window)).toBe(
      '2026-09-06T04:00:00.000Z',
    );
  });

  it('refuses an invalid window or an unknown zone', () => {
    expect(() => next('2026-03-25T10:00:00Z', 'Mars/Olympus_Mons')).toThrow(
      /Unknown time zone: "Mars\/Olympus_Mons"/,
    );
    expect(() =>
      next('2026-03-25T10:00:00Z', 'Europe/Berlin', { days: [], start: '17:00', end: '09:00' }),
    ).toThrow(/Invalid sending window: days must list.*; end must be after start/);
  });
});
