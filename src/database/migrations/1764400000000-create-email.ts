import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/**
 * The email agent's tables: the outbox (one row per drafted message and its sending state), the
 * suppression list, and its settings (the generated unsubscribe signing key). Portable types only.
 */
export class CreateEmail1764400000000 implements MigrationInterface {
  name = 'CreateEmail1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'outbox_messages',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'job_id', type: 'varchar', length: '128' },
          { name: 'step_key', type: 'varchar', length: '160' },
          { name: 'prospect_id', type: 'varchar', length: '128' },
          { name: 'to_address', type: 'varchar', length: '320' },
          { name: 'to_name', type: 'varchar', length: '255', isNullable: true },
          { name: 'subject', type: 'varchar', length: '500' },
          { name: 'body', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'reason', type: 'varchar', length: '1000', isNullable: true },
          { name: 'send_key', type: 'varchar', length: '300', isNullable: true },
          { name: 'message_id', type: 'varchar', length: '255', isNullable: true },
          { name: 'created_at', type: timestamp },
          { name: 'updated_at', type: timestamp },
          { name: 'sent_at', type: timestamp, isNullable: true },
        ],
        indices: [
          // A re-run of the same draft step updates its rows instead of adding new ones.
          {
            name: 'UQ_outbox_messages_step_prospect',
            columnNames: ['step_key', 'prospect_id'],
            isUnique: true,
          },
          { name: 'IDX_outbox_messages_job_id', columnNames: ['job_id', 'created_at'] },
          // The daily limit counts sent messages by day.
          { name: 'IDX_outbox_messages_status_sent_at', columnNames: ['status', 'sent_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'suppressions',
        columns: [
          { name: 'value', type: 'varchar', length: '320', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '8' },
          { name: 'source', type: 'varchar', length: '32' },
          { name: 'created_at', type: timestamp },
        ],
        indices: [{ name: 'IDX_suppressions_created_at', columnNames: ['created_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'email_settings',
        columns: [
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'text' },
          { name: 'created_at', type: timestamp },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('email_settings');
    await queryRunner.dropTable('suppressions');
    await queryRunner.dropTable('outbox_messages');
  }
}
