/**
 * The ISO-8601 forms `new Date` reads the same everywhere: a calendar date, or a date and time
 * with an optional zone (`2026-03-01`, `2026-03-01T09:30`, `2026-03-01T09:30:00.000Z`,
 * `2026-03-01T09:30:00+01:00`). `IsISO8601` alone also takes week and ordinal dates
 * (`2026-W10`, `2026-060`) and basic forms (`20260301`), which `new Date` cannot read: an
 * Invalid Date, and then a 500 on Postgres.
 */
export const DATE_TIME_PATTERN =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
