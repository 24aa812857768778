import type { QueryRunner } from 'typeorm';

/**
 * The column type TypeORM maps a `Date` property to on this connection (`datetime` on SQLite,
 * `timestamp` on Postgres), so migrations and entities agree on every driver.
 */
export function timestampType(queryRunner: QueryRunner): string {
  return queryRunner.connection.driver.normalizeType({ type: Date });
}
