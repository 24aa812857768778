import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Postgres 14 or newer: statistics of LOWER("tags"), which a tag filter reads
 * (`LOWER(tags) LIKE '%"saas"%'`). Without them Postgres guessed the share of a tag from the
 * pattern's length alone: 3 of Japan's 24,741 prospects tagged "hiring", where 3,882 are; with
 * them 3,918, and a count that stops at a bound is planned as a scan that stops there, not as a
 * bitmap of every candidate (see docs/prospect-search-performance.md). ANALYZE fills them (an
 * import runs it). Nothing on SQLite, nor on Postgres 13, which has no statistics of expressions.
 */
export class ProspectTagStatistics1766800000000 implements MigrationInterface {
  name = 'ProspectTagStatistics1766800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(
      "DO $$ BEGIN IF current_setting('server_version_num')::int >= 140000 THEN " +
        'CREATE STATISTICS "STAT_prospects_lower_tags" ON (LOWER("tags")) FROM "prospects"; ' +
        'ANALYZE "prospects"; END IF; END $$',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query('DROP STATISTICS IF EXISTS "STAT_prospects_lower_tags"');
  }
}
