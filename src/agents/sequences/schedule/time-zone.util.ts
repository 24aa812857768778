import { IANAZone } from 'luxon';

/** An IANA zone name such as `Europe/Berlin`, `America/Argentina/Buenos_Aires` or `UTC`. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** Answers already known, by zone name: at most the ~600 names that match ZONE_NAME and exist. */
const KNOWN_ZONES = new Map<string, boolean>();
const KNOWN_ZONES_MAX = 2000;

/**
 * Whether the runtime's time-zone database (Intl, through luxon) knows this IANA zone name. Fixed
 * offsets such as `+02:00` are not zones: they ignore daylight saving. Remembered per name: luxon
 * builds an Intl.DateTimeFormat for each check, whose native memory the garbage collector does
 * not see — the scheduler checks a zone per touch, and a run of 10,000 touches grew the process
 * by 600 MB before a collection came.
 */
export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !ZONE_NAME.test(zone)) return false;
  const known = KNOWN_ZONES.get(zone);
  if (known !== undefined) return known;
  const valid = IANAZone.isValidZone(zone);
  if (KNOWN_ZONES.size < KNOWN_ZONES_MAX) KNOWN_ZONES.set(zone, valid);
  return valid;
}

/** Throws a RangeError naming the zone unless it is valid. */
export function assertTimeZone(zone: string): void {
  if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(zone)}`);
}
