import { defaults, types } from 'pg';

/** OIDs of the Postgres types whose parsing Zigral sets. */
const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;
const INT8 = 20;

let installed = false;

/**
 * How node-postgres reads and writes the values Zigral stores, set once per process before the
 * first connection:
 * - `timestamp` columns hold UTC: a Date is sent as UTC (`parseInputDatesAsUTC`) and read back as
 *   UTC, so replicas in different time zones agree (node-postgres would use local time);
 * - COUNT(*) and other int8 results come back as numbers (every count Zigral makes fits).
 */
export function installPostgresTypes(): void {
  if (installed) return;
  installed = true;
  defaults.parseInputDatesAsUTC = true;
  types.setTypeParser(
    TIMESTAMP_WITHOUT_TIME_ZONE,
    (value) => new Date(`${value.replace(' ', 'T')}Z`),
  );
  types.setTypeParser(INT8, (value) => Number(value));
}
