import { MAX_OUT_OF_OFFICE_DAYS, outOfOfficeResume } from './out-of-office-resume.util';

describe('outOfOfficeResume', () => {
  // Wednesday 2026-03-04, 10:00 in Berlin.
  const now = new Date('2026-03-04T09:00:00.000Z');
  const berlin = { now, zone: 'Europe/Berlin', defaultDays: 7 };

  it('resumes at the start of the business day after the return date, in the zone', () => {
    // Back Monday the 9th: Tuesday 00:00 in Berlin.
    expect(outOfOfficeResume({ ...berlin, returnDate: '2026-03-09' }).toISOString()).toBe(
      '2026-03-09T23:00:00.000Z',
    );
  });

  it('skips the weekend after a Friday return', () => {
    expect(outOfOfficeResume({ ...berlin, returnDate: '2026-03-13' }).toISOString()).toBe(
      '2026-03-15T23:00:00.000Z',
    );
  });

  it('counts a weekend return from the weekend (Saturday: Monday)', () => {
    expect(outOfOfficeResume({ ...berlin, returnDate: '2026-03-07' }).toISOString()).toBe(
      '2026-03-08T23:00:00.000Z',
    );
  });

  it('keeps midnight across a daylight-saving change (summer time from 29 March)', () => {
    expect(outOfOfficeResume({ ...berlin, returnDate: '2026-03-30' }).toISOString()).toBe(
      '2026-03-30T22:00:00.000Z',
    );
  });

  it('waits the default days without a return date, or with one that is no date', () => {
    const week = '2026-03-11T09:00:00.000Z';
    expect(outOfOfficeResume({ ...berlin, returnDate: null }).toISOString()).toBe(week);
    expect(outOfOfficeResume({ ...berlin, returnDate: '2026-02-30' }).toISOString()).toBe(week);
    expect(outOfOfficeResume({ ...berlin, returnDate: 'next week' }).toISOString()).toBe(week);
    expect(outOfOfficeResume({ ...berlin, returnDate: null, defaultDays: 3 }).toISOString()).toBe(
      '2026-03-07T09:00:00.000Z',
    );
  });

  it('answers now for a return date past, and caps a far one', () => {
    expect(outOfOfficeResume({ ...berlin, returnDate: '2026-01-02' })).toEqual(now);
    // 90 days on, 10:00 in Berlin still (summer time by then).
    expect(MAX_OUT_OF_OFFICE_DAYS).toBe(90);
    expect(outOfOfficeResume({ ...berlin, returnDate: '2027-06-01' }).toISOString()).toBe(
      '2026-06-02T08:00:00.000Z',
    );
  });
});
