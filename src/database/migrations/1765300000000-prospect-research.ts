import { MigrationInterface, QueryRunner } from 'typeorm';
import { timestampType } from './column-types';

/**
 * The latest research kept with the prospect, not only in one job's state: its fit score
 * (research.score_fit: 0–100, the reasons as a JSON array, when, and by which job), and its
 * company's summary (research.company_summary: the text and when). All NULL until researched.
 *
 * The score index is in the order of `sort=-score` — score descending, unscored last, then name
 * and id — so "the 10 best-fitting" reads ten entries instead of sorting every prospect (over
 * 100,000 prospects, 100 ms → under 1 ms), and `min_score` is a range of it (a count never reads
 * the table). SQLite sorts NULL as the smallest value, so a descending column puts it last; on
 * Postgres that takes NULLS LAST. Its price is one more entry per imported prospect, at the
 * place of its name, as the name index has.
 */
export class ProspectResearch1765300000000 implements MigrationInterface {
  name = 'ProspectResearch1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    for (const column of [
      '"fit_score" integer NULL',
      '"fit_reasons" text NULL',
      `"fit_scored_at" ${timestamp} NULL`,
      '"fit_job_id" varchar(128) NULL',
    ]) {
      await queryRunner.query(`ALTER TABLE "prospects" ADD COLUMN ${column}`);
    }
    const nulls = queryRunner.connection.options.type === 'postgres' ? ' NULLS LAST' : '';
    await queryRunner.query(
      `CREATE INDEX "IDX_prospects_fit_score" ON "prospects" ("fit_score" DESC${nulls}, "name", "id")`,
    );
    await queryRunner.query('ALTER TABLE "companies" ADD COLUMN "summary" text NULL');
    await queryRunner.query(`ALTER TABLE "companies" ADD COLUMN "summarized_at" ${timestamp} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "companies" DROP COLUMN "summarized_at"');
    await queryRunner.query('ALTER TABLE "companies" DROP COLUMN "summary"');
    await queryRunner.query('DROP INDEX "IDX_prospects_fit_score"');
    for (const column of ['fit_job_id', 'fit_scored_at', 'fit_reasons', 'fit_score']) {
      await queryRunner.query(`ALTER TABLE "prospects" DROP COLUMN "${column}"`);
    }
  }
}
