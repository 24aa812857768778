import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/**
 * The mailbox intake (after the sequence-runs migration):
 * - `inbound_messages`: every message the mailbox read, once per (mailbox, uid_validity, uid);
 *   with what it was matched to, what it did (`outcome`), and its text for the replies API. A
 *   Message-ID is applied once: unique among the rows that are not duplicates (`duplicate_of`
 *   NULL), so a folder whose UIDVALIDITY changed re-delivers its messages as duplicates.
 * - `outbox_messages.delivery_status` / `delivery_detail`: what a delivery report said of a sent
 *   message (`delayed`, `bounced`), and an index on `message_id`, which replies and delivery
 *   reports are matched by.
 */
export class InboundMessages1766100000000 implements MigrationInterface {
  name = 'InboundMessages1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'inbound_messages',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'mailbox', type: 'varchar', length: '512' },
          { name: 'uid_validity', type: 'varchar', length: '32' },
          // IMAP UIDs are unsigned 32-bit: above Postgres's integer.
          { name: 'uid', type: 'bigint' },
          { name: 'message_id', type: 'varchar', length: '998', isNullable: true },
          { name: 'duplicate_of', type: 'varchar', length: '36', isNullable: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'matched', type: 'boolean' },
          { name: 'matched_by', type: 'varchar', length: '32', isNullable: true },
          { name: 'from_address', type: 'varchar', length: '320', isNullable: true },
          { name: 'from_name', type: 'varchar', length: '255', isNullable: true },
          { name: 'message_date', type: timestamp, isNullable: true },
          { name: 'subject', type: 'text' },
          { name: 'text', type: 'text' },
          { name: 'truncated', type: 'boolean' },
          { name: 'return_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'outbox_message_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'enrollment_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'sequence_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'job_id', type: 'varchar', length: '128', isNullable: true },
          { name: 'prospect_id', type: 'varchar', length: '128', isNullable: true },
          { name: 'intent', type: 'varchar', length: '32', isNullable: true },
          { name: 'intent_source', type: 'varchar', length: '32', isNullable: true },
          { name: 'delivery_status', type: 'varchar', length: '16', isNullable: true },
          { name: 'delivery_recipient', type: 'varchar', length: '320', isNullable: true },
          { name: 'delivery_diagnostic', type: 'varchar', length: '500', isNullable: true },
          { name: 'created_at', type: timestamp },
          { name: 'applied_at', type: timestamp, isNullable: true },
        ],
        indices: [
          {
            name: 'UQ_inbound_messages_mailbox_uid',
            columnNames: ['mailbox', 'uid_validity', 'uid'],
            isUnique: true,
          },
          // The replies API: newest first, and by what a reply was matched to.
          { name: 'IDX_inbound_messages_created', columnNames: ['created_at', 'id'] },
          { name: 'IDX_inbound_messages_enrollment', columnNames: ['enrollment_id'] },
          { name: 'IDX_inbound_messages_sequence', columnNames: ['sequence_id', 'created_at'] },
          { name: 'IDX_inbound_messages_job', columnNames: ['job_id', 'created_at'] },
          { name: 'IDX_inbound_messages_prospect', columnNames: ['prospect_id', 'created_at'] },
        ],
      }),
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_inbound_messages_message_id" ON "inbound_messages" ("message_id") ' +
        'WHERE "message_id" IS NOT NULL AND "duplicate_of" IS NULL',
    );
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    for (const column of [
      '"delivery_status" varchar(16) NULL',
      '"delivery_detail" varchar(500) NULL',
    ]) {
      await queryRunner.query(`ALTER TABLE "outbox_messages" ADD COLUMN ${column}`);
    }
    await queryRunner.query(
      'CREATE INDEX "IDX_outbox_messages_message_id" ON "outbox_messages" ("message_id")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_outbox_messages_message_id"');
    for (const column of ['delivery_detail', 'delivery_status']) {
      await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "${column}"`);
    }
    await queryRunner.query('DROP INDEX "UQ_inbound_messages_message_id"');
    await queryRunner.dropTable('inbound_messages');
  }
}
