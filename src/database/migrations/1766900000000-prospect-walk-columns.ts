import { MigrationInterface, QueryRunner } from 'typeorm';
import { analyzeTable, rebuildIndex } from './index-rebuild';

/**
 * The name index and the company index also hold what a search by seniority and company checks:
 * - the name index (walked in name order when a search has many matches) holds the company and
 *   the seniority, so that the walk checks a company filter (its size, its industry) and a
 *   seniority on the index entries instead of reading each row;
 * - the company index holds the seniority, so that a count of a seniority at some companies reads
 *   the index only.
 * Over 1,100,000 prospects on SQLite, "C-level and VPs at software companies of 50 to 500": the
 * count to 1,001 took 9.5 ms instead of 24, the first page 13 instead of 26. Postgres INCLUDEs the
 * columns (an index-only scan). The same indexes to write on an insert, each entry longer.
 */
const INDEXES = [
  { name: 'IDX_prospects_name', before: '"name", "id"', held: '"company_id", "seniority"' },
  { name: 'IDX_prospects_company_id', before: '"company_id", LOWER("name")', held: '"seniority"' },
];

export class ProspectWalkColumns1766900000000 implements MigrationInterface {
  name = 'ProspectWalkColumns1766900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    for (const { name, before, held } of INDEXES) {
      await rebuildIndex(
        queryRunner,
        'prospects',
        name,
        postgres ? `(${before}) INCLUDE (${held})` : `(${before}, ${held})`,
      );
    }
    await analyzeTable(queryRunner, 'prospects');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { name, before } of INDEXES) {
      await rebuildIndex(queryRunner, 'prospects', name, `(${before})`);
    }
    await analyzeTable(queryRunner, 'prospects');
  }
}
