import { MigrationInterface, QueryRunner } from 'typeorm';
import { analyzeTable } from './index-rebuild';

/**
 * `prospect_tags`: one row per tag of a prospect (in lower case) and the prospect's key, so that a
 * tag or import-batch filter that few prospects match finds them by index instead of reading
 * every prospect's `tags` (over 1,100,000 prospects on SQLite, an import batch of none: 390 ms →
 * under a millisecond). `prospects.tags` stays what is read and written; triggers on every
 * INSERT, UPDATE of tags and DELETE of a prospect keep this table in step, whoever writes.
 *
 * The key is the prospect's rowid on SQLite (as the free-text index's, and for the same reason:
 * rowids grow with each insert, so an import appends to both of this table's B-trees instead of
 * writing into the middle of them, as random ids would), its id on Postgres. Rowids of a table
 * without an INTEGER PRIMARY KEY may change on VACUUM or when a migration rebuilds the table:
 * after either, refill it (`DELETE FROM prospect_tags`, then the INSERT of `fill` below), as the
 * free-text index (see the free-text-search migration).
 *
 * Primary key (tag, key): a tag's prospects in key order. Index (key, tag): a prospect's tags, for
 * the triggers and for checking a tag of a prospect found by another filter.
 */
export class ProspectTags1767100000000 implements MigrationInterface {
  name = 'ProspectTags1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sqlite = isSqlite(queryRunner);
    const key = sqlite
      ? { column: 'rowid', type: 'integer' }
      : { column: 'id', type: 'varchar(36)' };
    await queryRunner.query(
      'CREATE TABLE "prospect_tags" (' +
        `"tag" varchar NOT NULL, "prospect_key" ${key.type} NOT NULL, ` +
        `CONSTRAINT "PK_prospect_tags" PRIMARY KEY ("tag", "prospect_key"))` +
        (sqlite ? ' WITHOUT ROWID' : ''),
    );
    await queryRunner.query(fill(sqlite));
    await queryRunner.query(
      'CREATE INDEX "IDX_prospect_tags_prospect_key" ON "prospect_tags" ("prospect_key", "tag")',
    );
    if (sqlite) await createSqliteTriggers(queryRunner);
    else await createPostgresTriggers(queryRunner);
    await analyzeTable(queryRunner, 'prospect_tags');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      for (const trigger of TRIGGERS) await queryRunner.query(`DROP TRIGGER "${trigger}"`);
    } else {
      for (const trigger of TRIGGERS) {
        await queryRunner.query(`DROP TRIGGER "${trigger}" ON "prospects"`);
      }
      for (const fn of ['prospect_tags_add', 'prospect_tags_remove']) {
        await queryRunner.query(`DROP FUNCTION "${fn}"()`);
      }
    }
    await queryRunner.query('DROP TABLE "prospect_tags"');
  }
}

const TRIGGERS = ['prospect_tags_insert', 'prospect_tags_update', 'prospect_tags_delete'];

const isSqlite = (queryRunner: QueryRunner) =>
  queryRunner.connection.options.type === 'better-sqlite3';

/** Every stored prospect's tags, each once in lower case (SQLite's LOWER folds ASCII letters). */
function fill(sqlite: boolean): string {
  return sqlite
    ? 'INSERT OR IGNORE INTO "prospect_tags" ("tag", "prospect_key") ' +
        `SELECT LOWER("t"."value"), "p"."rowid" FROM "prospects" "p", json_each("p"."tags") "t" ` +
        `WHERE json_valid("p"."tags") AND "t"."type" = 'text'`
    : 'INSERT INTO "prospect_tags" ("tag", "prospect_key") ' +
        'SELECT DISTINCT LOWER("t"), "p"."id" FROM "prospects" "p", ' +
        'json_array_elements_text("p"."tags"::json) "t"';
}

async function createSqliteTriggers(queryRunner: QueryRunner): Promise<void> {
  const add =
    'INSERT OR IGNORE INTO "prospect_tags" ("tag", "prospect_key") ' +
    `SELECT LOWER("value"), new.rowid FROM json_each(new."tags") WHERE "type" = 'text'`;
  const remove = 'DELETE FROM "prospect_tags" WHERE "prospect_key" = old.rowid';
  await queryRunner.query(
    'CREATE TRIGGER "prospect_tags_insert" AFTER INSERT ON "prospects" ' +
      `WHEN json_valid(new."tags") BEGIN ${add}; END`,
  );
  await queryRunner.query(
    'CREATE TRIGGER "prospect_tags_update" AFTER UPDATE OF "tags" ON "prospects" ' +
      `WHEN old."tags" IS NOT new."tags" BEGIN ${remove}; ` +
      `${add} AND json_valid(new."tags"); END`,
  );
  await queryRunner.query(
    `CREATE TRIGGER "prospect_tags_delete" AFTER DELETE ON "prospects" BEGIN ${remove}; END`,
  );
}

async function createPostgresTriggers(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    'CREATE FUNCTION "prospect_tags_add"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ' +
      'IF TG_OP = \'UPDATE\' THEN DELETE FROM "prospect_tags" WHERE "prospect_key" = OLD."id"; END IF; ' +
      'INSERT INTO "prospect_tags" ("tag", "prospect_key") ' +
      'SELECT DISTINCT LOWER("t"), NEW."id" FROM json_array_elements_text(NEW."tags"::json) "t"; ' +
      'RETURN NULL; END $$',
  );
  await queryRunner.query(
    'CREATE FUNCTION "prospect_tags_remove"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ' +
      'DELETE FROM "prospect_tags" WHERE "prospect_key" = OLD."id"; RETURN NULL; END $$',
  );
  await queryRunner.query(
    'CREATE TRIGGER "prospect_tags_insert" AFTER INSERT ON "prospects" ' +
      'FOR EACH ROW EXECUTE FUNCTION "prospect_tags_add"()',
  );
  await queryRunner.query(
    'CREATE TRIGGER "prospect_tags_update" AFTER UPDATE OF "tags" ON "prospects" ' +
      'FOR EACH ROW WHEN (OLD."tags" IS DISTINCT FROM NEW."tags") ' +
      'EXECUTE FUNCTION "prospect_tags_add"()',
  );
  await queryRunner.query(
    'CREATE TRIGGER "prospect_tags_delete" AFTER DELETE ON "prospects" ' +
      'FOR EACH ROW EXECUTE FUNCTION "prospect_tags_remove"()',
  );
}
