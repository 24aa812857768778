import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Free-text search (`q`: each word anywhere in the name, email, title or company name) by index
 * instead of scanning every prospect with LIKE '%word%' on four columns (270 ms over 100,000
 * prospects, see the benchmark).
 *
 * Portable part: `prospects.search_text`, the four fields in lower case (written by the
 * application, see prospectSearchText; filled here from the stored rows).
 *
 * SQLite: `prospect_search`, an FTS5 table with the trigram tokenizer (substring matches, as LIKE
 * '%word%'), its rowid the prospect's rowid, kept in step by triggers on every INSERT, UPDATE of
 * search_text and DELETE of a prospect. Contentless (the text stays in `search_text` only) and
 * without per-row sizes (columnsize=0, only ranking uses them): the cheapest form to write, about
 * 41 µs per prospect against 53 with `contentless_delete=1`. A contentless row is removed by the
 * FTS5 `delete` command given the text it was indexed with, which the triggers take from
 * `old.search_text` (what the insert trigger indexed).
 * Rowids of a table without an INTEGER PRIMARY KEY may change on VACUUM or when a migration
 * rebuilds the table (TypeORM's SQLite addColumn/changeColumn do): after either, rebuild it with
 * `INSERT INTO prospect_search(prospect_search) VALUES ('delete-all')` and
 * `INSERT INTO prospect_search(rowid, text) SELECT rowid, search_text FROM prospects`.
 *
 * Postgres: a pg_trgm GIN index on search_text, which LIKE '%word%' uses; when the extension
 * cannot be created (no privilege) searches still work, by scanning.
 */
export class ProspectFreeTextSearch1764700000000 implements MigrationInterface {
  name = 'ProspectFreeTextSearch1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    await queryRunner.query('ALTER TABLE "prospects" ADD COLUMN "search_text" text');
    // As prospectSearchText writes it (SQLite's LOWER folds ASCII letters only; the FTS5 index
    // folds the rest).
    await queryRunner.query(
      `UPDATE "prospects" SET "search_text" = LOWER("name" || COALESCE(' ' || "email", '') ` +
        `|| COALESCE(' ' || "title", '') || COALESCE(' ' || ` +
        `(SELECT "c"."name" FROM "companies" "c" WHERE "c"."id" = "prospects"."company_id"), ''))`,
    );
    if (isSqlite(queryRunner)) await createSqliteIndex(queryRunner);
    else if (isPostgres(queryRunner)) await createPostgresIndex(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      for (const trigger of TRIGGERS) await queryRunner.query(`DROP TRIGGER "${trigger}"`);
      await queryRunner.query('DROP TABLE "prospect_search"');
    } else if (isPostgres(queryRunner)) {
      await queryRunner.query('DROP INDEX IF EXISTS "IDX_prospects_search_text"');
    }
    await queryRunner.query('ALTER TABLE "prospects" DROP COLUMN "search_text"');
  }
}

const TRIGGERS = ['prospect_search_insert', 'prospect_search_update', 'prospect_search_delete'];

const isSqlite = (queryRunner: QueryRunner) =>
  queryRunner.connection.options.type === 'better-sqlite3';
const isPostgres = (queryRunner: QueryRunner) => queryRunner.connection.options.type === 'postgres';

async function createSqliteIndex(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    'CREATE VIRTUAL TABLE "prospect_search" USING fts5(' +
      "text, tokenize = 'trigram', content = '', columnsize = 0)",
  );
  await queryRunner.query(
    'INSERT INTO "prospect_search" (rowid, text) ' +
      'SELECT rowid, "search_text" FROM "prospects" WHERE "search_text" IS NOT NULL',
  );
  const index = 'INSERT INTO "prospect_search" (rowid, text) SELECT new.rowid, new."search_text"';
  const unindex =
    'INSERT INTO "prospect_search" ("prospect_search", rowid, text) ' +
    'SELECT \'delete\', old.rowid, old."search_text"';
  await queryRunner.query(
    'CREATE TRIGGER "prospect_search_insert" AFTER INSERT ON "prospects" ' +
      `WHEN new."search_text" IS NOT NULL BEGIN ${index}; END`,
  );
  await queryRunner.query(
    'CREATE TRIGGER "prospect_search_update" AFTER UPDATE OF "search_text" ON "prospects" BEGIN ' +
      `${unindex} WHERE old."search_text" IS NOT NULL; ` +
      `${index} WHERE new."search_text" IS NOT NULL; END`,
  );
  await queryRunner.query(
    'CREATE TRIGGER "prospect_search_delete" AFTER DELETE ON "prospects" ' +
      `WHEN old."search_text" IS NOT NULL BEGIN ${unindex}; END`,
  );
}

async function createPostgresIndex(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    'DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm; ' +
      // Not allowed to, or the contrib package is not installed: search scans instead.
      "EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm unavailable (%): " +
      "free-text search scans', SQLERRM; END $$",
  );
  await queryRunner.query(
    "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN " +
      'CREATE INDEX "IDX_prospects_search_text" ON "prospects" ' +
      'USING gin ("search_text" gin_trgm_ops); END IF; END $$',
  );
}
