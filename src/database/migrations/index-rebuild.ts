import type { QueryRunner } from 'typeorm';

/** Drops an index and creates it again on `columns` (the parenthesised list, and any INCLUDE). */
export async function rebuildIndex(
  queryRunner: QueryRunner,
  table: string,
  index: string,
  columns: string,
): Promise<void> {
  await queryRunner.query(`DROP INDEX "${index}"`);
  await queryRunner.query(`CREATE INDEX "${index}" ON "${table}" ${columns}`);
}

/**
 * Refreshes the planners' statistics of a table after its indexes changed (SQLite samples 1,000
 * entries of each index, as an import does): without them SQLite takes a new index for one that
 * answers a query alone, and Postgres loses the statistics of an expression kept with its index.
 */
export async function analyzeTable(queryRunner: QueryRunner, table: string): Promise<void> {
  if (queryRunner.connection.options.type === 'better-sqlite3') {
    await queryRunner.query('PRAGMA analysis_limit = 1000');
  }
  await queryRunner.query(`ANALYZE "${table}"`);
}
