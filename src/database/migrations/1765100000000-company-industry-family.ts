import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `companies.industry_family`: the industry vocabulary's family of the company's industry
 * ("software" for "SaaS", "Computer Software", "Software Development"), NULL when the industry is
 * missing or outside the vocabulary. Written by the application, and filled for existing rows at
 * start-up (IndustryFamilyBackfill), which also rewrites it whenever the vocabulary changes: the
 * vocabulary is code, so this migration does not freeze one version of it.
 *
 * The index serves the industry filter, a subquery on companies (see prospect-search.where): a
 * family by equality, an industry outside the vocabulary by its words over the (NULL, industry)
 * range, and `id` so that neither reads the table. Before it, the filter compared the words of
 * every prospect's company: counting the 9,700 software prospects of the benchmark's 100,000
 * scanned them all (55–150 ms), now 1–3 ms.
 */
export class CompanyIndustryFamily1765100000000 implements MigrationInterface {
  name = 'CompanyIndustryFamily1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    await queryRunner.query(
      'ALTER TABLE "companies" ADD COLUMN "industry_family" varchar(32) NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_companies_industry_family" ON "companies" ' +
        '("industry_family", "industry", "id")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_companies_industry_family"');
    await queryRunner.query('ALTER TABLE "companies" DROP COLUMN "industry_family"');
  }
}
