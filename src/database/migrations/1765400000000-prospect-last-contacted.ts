import { MigrationInterface, QueryRunner } from 'typeorm';
import { timestampType } from './column-types';

/**
 * When the latest email was sent to each prospect, kept on the prospect (written by the email
 * module through the prospects service when a message is sent), so that "not contacted in the
 * last N days" and "never emailed" are a range and a NULL test of one index rather than a read of
 * the outbox. Filled here from the messages already sent.
 */
export class ProspectLastContacted1765400000000 implements MigrationInterface {
  name = 'ProspectLastContacted1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    await queryRunner.query(
      `ALTER TABLE "prospects" ADD COLUMN "last_contacted_at" ${timestampType(queryRunner)} NULL`,
    );
    await queryRunner.query(
      'UPDATE "prospects" SET "last_contacted_at" = (SELECT MAX(o."sent_at") FROM "outbox_messages" o ' +
        `WHERE o."prospect_id" = "prospects"."id" AND o."status" = 'sent') ` +
        'WHERE "id" IN (SELECT "prospect_id" FROM "outbox_messages" WHERE "status" = \'sent\')',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_prospects_last_contacted_at" ON "prospects" ("last_contacted_at")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_prospects_last_contacted_at"');
    await queryRunner.query('ALTER TABLE "prospects" DROP COLUMN "last_contacted_at"');
  }
}
