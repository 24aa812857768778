import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Postgres: a pg_trgm GIN index on `prospects.title_words`, so that a title filter
 * (`title_words LIKE '% vp%'`, each term at the start of a word) is an index condition, combined
 * with the country's or the city's index, instead of a check on the row of every prospect of the
 * country. Measured over 200,000 prospects (45,000 in Germany): "VP Sales in Germany" counted in
 * 85 ms before (every German row read) and 25 ms with it; "CTO in three cities" 72 → 19 ms. The
 * index costs 7.6 MB there and is written on each insert.
 *
 * SQLite is left as it is: its (country, title_words) and (city, title_words) indexes check the
 * terms on the index entries, without reading the rows. Without pg_trgm (see the
 * prospect-free-text-search migration) nothing is created and the filter reads rows, as before.
 */
export class ProspectTitleTrigrams1766600000000 implements MigrationInterface {
  name = 'ProspectTitleTrigrams1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(
      "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN " +
        'CREATE INDEX "IDX_prospects_title_words_trgm" ON "prospects" ' +
        'USING gin ("title_words" gin_trgm_ops); END IF; END $$',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query('DROP INDEX IF EXISTS "IDX_prospects_title_words_trgm"');
  }
}
