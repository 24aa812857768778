/**
 * Whether the runtime's time-zone data knows `zone` (an IANA name such as `Europe/Berlin`, or
 * `UTC`). A placeholder for the time utilities of src/common/time, which may replace it.
 */
export function isKnownTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
