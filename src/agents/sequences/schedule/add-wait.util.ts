import { assertTimeZone } from './time-zone.util';
import { addCivilDays, civilWeekday, localTimeAt, wallClockInstants } from './wall-clock.util';

/**
 * The instant a wait of `days` calendar days or `businessDays` business days (exactly one of them,
 * a whole number ≥ 0) after `from` ends, keeping `from`'s wall-clock time in `zone` across
 * daylight-saving changes (10:00 stays 10:00, so a day may last 23 or 25 hours). Business days are
 * Monday to Friday in `zone`; public holidays are not known and count as business days. A wait
 * from a weekend counts from it (Saturday + 1 business day = Monday); 0 business days is `from`.
 * A time the clocks skip on the day reached becomes the moment they jump; a time they show twice,
 * its first showing. Throws a RangeError for bad amounts or an unknown zone.
 */
export function addWait(input: {
  from: Date;
  days?: number;
  businessDays?: number;
  zone: string;
}): Date {
  const { from, days, businessDays, zone } = input;
  if ((days === undefined) === (businessDays === undefined)) {
    throw new RangeError('A wait is either days or businessDays');
  }
  const amount = (days ?? businessDays)!;
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`A wait must be a whole number of days ≥ 0, got ${amount}`);
  }
  assertTimeZone(zone);
  const local = localTimeAt(from.getTime(), zone);
  const calendarDays =
    days ?? calendarDaysOf({ businessDays: amount, weekday: civilWeekday(local.date) });
  if (calendarDays === 0) return new Date(from.getTime());
  const date = addCivilDays(local.date, calendarDays);
  return new Date(wallClockInstants({ date, msOfDay: local.msOfDay, zone })[0]);
}

/** Calendar days from a day of `weekday` (ISO, Monday 1) to the `businessDays`-th weekday after it. */
export function calendarDaysOf(input: { businessDays: number; weekday: number }): number {
  if (input.businessDays === 0) return 0;
  // Any 7 days in a row hold 5 weekdays: skip whole weeks, then walk the last 1 to 5.
  const weeks = Math.ceil(input.businessDays / 5) - 1;
  let remaining = input.businessDays - 5 * weeks;
  let days = 7 * weeks;
  let weekday = input.weekday;
  while (remaining > 0) {
    days++;
    weekday = (weekday % 7) + 1;
    if (weekday <= 5) remaining--;
  }
  return days;
}
