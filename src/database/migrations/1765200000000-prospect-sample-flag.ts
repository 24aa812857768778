import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `prospects.is_sample`: the prospect is one of the fictional sample prospects loaded on first
 * start. A flag of its own rather than `source = 'sample'`: an import may be given any source,
 * `sample` included, and a merge keeps the first source, so `source` cannot say who is fictional.
 * Only the sample-data loader sets it. Searches leave sample prospects out once a prospect that is
 * not one exists, and email.send never sends to one.
 *
 * Existing sample prospects are marked by what the loader always wrote: source `sample` and an
 * address under the reserved `.example` top-level domain.
 *
 * The index answers "is there a sample / a real prospect" (an EXISTS per search) and finds the
 * sample prospects to delete. Searches exclude samples with `is_sample <> TRUE`, which no index
 * serves, so the index never drives a search: most rows have the same value.
 */
export class ProspectSampleFlag1765200000000 implements MigrationInterface {
  name = 'ProspectSampleFlag1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    await queryRunner.query(
      'ALTER TABLE "prospects" ADD COLUMN "is_sample" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      `UPDATE "prospects" SET "is_sample" = true ` +
        `WHERE "source" = 'sample' AND "email" LIKE '%.example'`,
    );
    await queryRunner.query('CREATE INDEX "IDX_prospects_is_sample" ON "prospects" ("is_sample")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_prospects_is_sample"');
    await queryRunner.query('ALTER TABLE "prospects" DROP COLUMN "is_sample"');
  }
}
