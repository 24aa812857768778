import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sequence touches in the outbox: a row written for a touch of a sequence enrollment carries the
 * enrollment, the touch's place in it and its sequence; job drafts keep NULL in all three. A
 * touch is stored once (unique enrollment and touch index) and sent as a reply in the thread of
 * the enrollment's earlier touches (`in_reply_to`, `thread_references`: the headers it goes out
 * with). The per-sequence daily cap counts a sequence's messages of one UTC day by the second
 * index, which holds touches only.
 */
export class OutboxTouches1765800000000 implements MigrationInterface {
  name = 'OutboxTouches1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain ALTER TABLE, one column each (SQLite adds one at a time; TypeORM's addColumn would
    // rebuild the whole table there).
    for (const column of [
      '"enrollment_id" varchar(64) NULL',
      '"touch_index" integer NULL',
      '"sequence_id" varchar(64) NULL',
      '"in_reply_to" varchar(255) NULL',
      '"thread_references" text NULL',
    ]) {
      await queryRunner.query(`ALTER TABLE "outbox_messages" ADD COLUMN ${column}`);
    }
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_outbox_messages_enrollment_touch" ON "outbox_messages" ' +
        '("enrollment_id", "touch_index") WHERE "enrollment_id" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_outbox_messages_sequence_day" ON "outbox_messages" ' +
        '("sequence_id", "status", "sent_at") WHERE "sequence_id" IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_outbox_messages_sequence_day"');
    await queryRunner.query('DROP INDEX "UQ_outbox_messages_enrollment_touch"');
    for (const column of [
      'thread_references',
      'in_reply_to',
      'sequence_id',
      'touch_index',
      'enrollment_id',
    ]) {
      await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "${column}"`);
    }
  }
}
