import { isoWeekday, SendingWindow, windowMinutes } from './sending-window.util';
import { assertTimeZone } from './time-zone.util';
import {
  addCivilDays,
  civilWeekday,
  localTimeAt,
  offsetChangesBetween,
  wallClockInstants,
} from './wall-clock.util';

const MINUTE_MS = 60_000;
/** Today and a week of days after it: a window day's start always falls in that span. */
const DAYS_LOOKED_AT = 9;

/**
 * The earliest instant at or after `notBefore` inside the sending window, in `zone`'s wall-clock
 * time. An instant is inside when its local day is one of the window's days and its local time is
 * from `start` up to (not including) `end`. Daylight saving: a start the clocks skip (spring
 * forward) opens the window the moment they jump; a start the clocks show twice (fall back) opens
 * it the first time; a window whose hours the clocks skip entirely is closed that day. Throws a
 * RangeError for an invalid window or an unknown zone.
 */
export function nextSendTime(input: {
  notBefore: Date;
  window: SendingWindow;
  zone: string;
}): Date {
  const { window, zone } = input;
  const hours = windowMinutes(window);
  assertTimeZone(zone);
  const days = new Set(window.days.map(isoWeekday));
  const notBefore = input.notBefore.getTime();
  const isInside = (instant: number) => {
    const { date, msOfDay } = localTimeAt(instant, zone);
    return (
      days.has(civilWeekday(date)) &&
      msOfDay >= hours.start * MINUTE_MS &&
      msOfDay < hours.end * MINUTE_MS
    );
  };
  if (isInside(notBefore)) return new Date(notBefore);

  const today = localTimeAt(notBefore, zone).date;
  for (let offset = 0; offset < DAYS_LOOKED_AT; offset++) {
    const date = addCivilDays(today, offset);
    if (!days.has(civilWeekday(date))) continue;
    // The window opens when the clocks reach its start, or when a clock change jumps into it.
    const dayStart = wallClockInstants({ date, msOfDay: 0, zone })[0];
    const nextDayStart = wallClockInstants({ date: addCivilDays(date, 1), msOfDay: 0, zone })[0];
    const openings = [
      ...wallClockInstants({ date, msOfDay: hours.start * MINUTE_MS, zone }),
      ...offsetChangesBetween(dayStart, nextDayStart, zone),
    ]
      .filter((instant) => instant >= notBefore && isInside(instant))
      .sort((a, b) => a - b);
    if (openings.length > 0) return new Date(openings[0]);
  }
  throw new Error(
    `No sending time found within ${DAYS_LOOKED_AT} days of ${input.notBefore.toISOString()}`,
  );
}
