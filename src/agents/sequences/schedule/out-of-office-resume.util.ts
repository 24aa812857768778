import { addWait } from './add-wait.util';
import { wallClockInstants } from './wall-clock.util';

/** The furthest an automatic answer postpones a touch, in calendar days from when it arrived. */
export const MAX_OUT_OF_OFFICE_DAYS = 90;

/**
 * When an enrollment whose prospect answered automatically (out of office) goes on: the start
 * (00:00 in `zone`) of the first business day after `returnDate` (YYYY-MM-DD, the day the person
 * is back), so the first touch lands once they had a day to catch up; without a readable return
 * date, `defaultDays` calendar days after `now`. Never before `now` (a return date past answers
 * `now`: nothing to wait for) nor more than MAX_OUT_OF_OFFICE_DAYS after it.
 */
export function outOfOfficeResume(input: {
  returnDate: string | null;
  now: Date;
  zone: string;
  defaultDays: number;
}): Date {
  const { now, zone } = input;
  const latest = addWait({ from: now, days: MAX_OUT_OF_OFFICE_DAYS, zone });
  const date = civilDateOf(input.returnDate);
  const resume = date
    ? addWait({
        from: new Date(wallClockInstants({ date, msOfDay: 0, zone })[0]),
        businessDays: 1,
        zone,
      })
    : addWait({ from: now, days: input.defaultDays, zone });
  if (resume < now) return new Date(now.getTime());
  return resume > latest ? latest : resume;
}

/** A real calendar date written YYYY-MM-DD, or undefined. */
function civilDateOf(
  value: string | null,
): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day
    ? { year, month, day }
    : undefined;
}
