import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/**
 * `mailbox_states`: one row per watched mailbox (`user@host:port/folder`, never a password), owned
 * by the mailbox watcher (docs/mailbox.md):
 * - `uid_validity` (decimal text: it may exceed 2^53) and `last_uid`, the highest UID handed over
 *   under it: the next scan starts after it;
 * - `lease_owner` / `lease_expires_at`: the one replica watching it, claimed and renewed with a
 *   conditional UPDATE as jobs are;
 * - `connection_state` / `connection_error` / `state_changed_at`: what its watcher last reported
 *   (connected, auth_failed, unreachable…), for the other replicas' /health.
 */
export class MailboxStates1766000000000 implements MigrationInterface {
  name = 'MailboxStates1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'mailbox_states',
        columns: [
          { name: 'mailbox_key', type: 'varchar', length: '512', isPrimary: true },
          { name: 'uid_validity', type: 'varchar', length: '20', isNullable: true },
          { name: 'last_uid', type: 'bigint', default: 0 },
          { name: 'lease_owner', type: 'varchar', length: '128', isNullable: true },
          { name: 'lease_expires_at', type: timestamp, isNullable: true },
          { name: 'connection_state', type: 'varchar', length: '32', isNullable: true },
          { name: 'connection_error', type: 'varchar', length: '500', isNullable: true },
          { name: 'state_changed_at', type: timestamp, isNullable: true },
          { name: 'created_at', type: timestamp },
          { name: 'updated_at', type: timestamp },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mailbox_states');
  }
}
