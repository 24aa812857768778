import { MigrationInterface, QueryRunner } from 'typeorm';
import { timestampType } from './column-types';

/**
 * Who decided, for the web app:
 * - `outbox_messages.approved_by` / `approved_at` / `edited_by` / `edited_at`: the API-key label
 *   of who approved or last edited a message, and when (a job's step approvals keep theirs in the
 *   job's `progress` JSON); an index on (`prospect_id`, `created_at`) for GET /outbox?prospect_id=.
 * - `jobs.command`: the command a job was planned from (null for an explicit plan), so that
 *   GET /jobs lists it without reading each job's context; filled here from the contexts.
 */
export class ApproversAndCommands1766200000000 implements MigrationInterface {
  name = 'ApproversAndCommands1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    for (const column of [
      '"approved_by" varchar(64) NULL',
      `"approved_at" ${timestamp} NULL`,
      '"edited_by" varchar(64) NULL',
      `"edited_at" ${timestamp} NULL`,
    ]) {
      await queryRunner.query(`ALTER TABLE "outbox_messages" ADD COLUMN ${column}`);
    }
    await queryRunner.query(
      'CREATE INDEX "IDX_outbox_messages_prospect" ON "outbox_messages" ("prospect_id", "created_at")',
    );
    await queryRunner.query('ALTER TABLE "jobs" ADD COLUMN "command" text NULL');
    const command =
      queryRunner.connection.options.type === 'postgres'
        ? `(c."context_data"::jsonb ->> 'command')`
        : `json_extract(c."context_data", '$.command')`;
    await queryRunner.query(
      `UPDATE "jobs" SET "command" = (SELECT ${command} FROM "contexts" c WHERE c."job_id" = "jobs"."id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "jobs" DROP COLUMN "command"');
    await queryRunner.query('DROP INDEX "IDX_outbox_messages_prospect"');
    for (const column of ['edited_at', 'edited_by', 'approved_at', 'approved_by']) {
      await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "${column}"`);
    }
  }
}
