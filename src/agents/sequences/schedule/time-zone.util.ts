import { IANAZone } from 'luxon';

/** An IANA zone name such as `Europe/Berlin`, `America/Argentina/Buenos_Aires` or `UTC`. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * Whether the runtime's time-zone database (Intl, through luxon) knows this IANA zone name. Fixed
 * offsets such as `+02:00` are not zones: they ignore daylight saving.
 */
export function isValidTimeZone(zone: unknown): zone is string {
  return typeof zone === 'string' && ZONE_NAME.test(zone) && IANAZone.isValidZone(zone);
}

/** Throws a RangeError naming the zone unless it is valid. */
export function assertTimeZone(zone: string): void {
  if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(zone)}`);
}
