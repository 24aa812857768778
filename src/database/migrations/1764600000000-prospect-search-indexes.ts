import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that let a condition on a second column be checked in the index, so only matching rows
 * are read (measured over 100,000 imported prospects, see the benchmark):
 * - country and city carry the title words: a search by title in a country no longer reads every
 *   prospect of the country (about 3x faster);
 * - company_id carries the lower-case name: an import looking up "same name at the same company"
 *   reads only the namesakes, not every colleague.
 * Expression indexes on LOWER(), the same statements on SQLite and Postgres.
 */
export class ProspectSearchIndexes1764600000000 implements MigrationInterface {
  name = 'ProspectSearchIndexes1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['country', 'city']) {
      const index = `IDX_prospects_lower_${column}`;
      await queryRunner.query(`DROP INDEX "${index}"`);
      await queryRunner.query(
        `CREATE INDEX "${index}" ON "prospects" (LOWER("${column}"), "title_words")`,
      );
    }
    await queryRunner.query('DROP INDEX "IDX_prospects_company_id"');
    await queryRunner.query(
      'CREATE INDEX "IDX_prospects_company_id" ON "prospects" ("company_id", LOWER("name"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['country', 'city']) {
      const index = `IDX_prospects_lower_${column}`;
      await queryRunner.query(`DROP INDEX "${index}"`);
      await queryRunner.query(`CREATE INDEX "${index}" ON "prospects" (LOWER("${column}"))`);
    }
    await queryRunner.query('DROP INDEX "IDX_prospects_company_id"');
    await queryRunner.query(
      'CREATE INDEX "IDX_prospects_company_id" ON "prospects" ("company_id")',
    );
  }
}
