import { IANAZone } from 'luxon';

/** A day on the calendar, in no zone. `month` 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Offsets already found, by zone and minute; emptied when full (a run's touches share a few). */
const OFFSETS = new Map<string, number>();
const OFFSETS_MAX = 50_000;

/**
 * The zone's UTC offset in minutes at an instant. Remembered per zone and minute: offsets change
 * only on whole minutes (since 1970, in every zone), and luxon formats a date through Intl to
 * find each one — the scheduler's largest CPU cost per touch before this.
 */
function offsetAt(zoneName: string, instantMs: number): number {
  const key = `${zoneName}|${Math.floor(instantMs / MINUTE_MS)}`;
  let offset = OFFSETS.get(key);
  if (offset === undefined) {
    offset = IANAZone.create(zoneName).offset(instantMs);
    if (OFFSETS.size >= OFFSETS_MAX) OFFSETS.clear();
    OFFSETS.set(key, offset);
  }
  return offset;
}

/** The day and the time of day (ms after midnight) the zone's clocks show at an instant. */
export function localTimeAt(instantMs: number, zone: string): { date: CivilDate; msOfDay: number } {
  const local = new Date(instantMs + offsetAt(zone, instantMs) * MINUTE_MS);
  const date = {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
  };
  return { date, msOfDay: local.getTime() - Date.UTC(date.year, date.month - 1, date.day) };
}

/** The date `days` later (or earlier, when negative). */
export function addCivilDays(date: CivilDate, days: number): CivilDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** ISO weekday of a date: Monday 1 … Sunday 7. */
export function civilWeekday(date: CivilDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7;
}

/**
 * The instants at which the zone's clocks show `msOfDay` on `date`, earliest first: one on most
 * days; two in the hour that is repeated when clocks go back; and when clocks go forward past that
 * time (it never shows), the one instant they jump — the first at which the time has passed.
 */
export function wallClockInstants(input: {
  date: CivilDate;
  msOfDay: number;
  zone: string;
}): number[] {
  const zone = input.zone;
  const { year, month, day } = input.date;
  const wall = Date.UTC(year, month - 1, day) + input.msOfDay;
  const offsets = [
    ...new Set([wall - DAY_MS, wall, wall + DAY_MS].map((ms) => offsetAt(zone, ms))),
  ];
  const candidates = offsets.map((offset) => ({ offset, instant: wall - offset * 60_000 }));
  const instants = candidates
    .filter(({ offset, instant }) => offsetAt(zone, instant) === offset)
    .map(({ instant }) => instant);
  if (instants.length > 0) return [...new Set(instants)].sort((a, b) => a - b);
  const bounds = candidates.map(({ instant }) => instant);
  return [firstOffsetChange(zone, Math.min(...bounds), Math.max(...bounds))];
}

/**
 * Instants within [fromMs, toMs] at which the zone's offset changes (at most one a day in every
 * zone today; the span is at most a day here).
 */
export function offsetChangesBetween(fromMs: number, toMs: number, zone: string): number[] {
  return offsetAt(zone, fromMs) === offsetAt(zone, toMs)
    ? []
    : [firstOffsetChange(zone, fromMs, toMs)];
}

/** The first ms after `fromMs` (up to `toMs`) whose offset differs from the one at `fromMs`. */
function firstOffsetChange(zone: string, fromMs: number, toMs: number): number {
  const before = offsetAt(zone, fromMs);
  let low = fromMs;
  let high = toMs;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(zone, middle) === before) low = middle;
    else high = middle;
  }
  return high;
}
