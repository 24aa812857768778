import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/**
 * `prospect_imports` (owned by the prospects module): one row per CSV import, its status and
 * counts so far, so every replica and a restarted process can show its progress and cancel it.
 * `lease_until` is renewed while the import runs; a running import whose lease has passed was
 * left behind by a process that stopped, and is marked `interrupted`.
 */
export class ProspectImports1766400000000 implements MigrationInterface {
  name = 'ProspectImports1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'prospect_imports',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'source', type: 'varchar', length: '64' },
          { name: 'rows_read', type: 'integer', default: 0 },
          { name: 'rows_inserted', type: 'integer', default: 0 },
          { name: 'rows_updated', type: 'integer', default: 0 },
          { name: 'rows_rejected', type: 'integer', default: 0 },
          { name: 'warnings', type: 'integer', default: 0 },
          { name: 'cancel_requested', type: 'boolean', default: false },
          { name: 'error', type: 'varchar', length: '500', isNullable: true },
          { name: 'started_at', type: timestamp },
          { name: 'updated_at', type: timestamp },
          { name: 'finished_at', type: timestamp, isNullable: true },
          { name: 'lease_until', type: timestamp },
        ],
        indices: [
          // The list, newest first; and the sweep of running imports whose lease has passed.
          { name: 'IDX_prospect_imports_started_at', columnNames: ['started_at'] },
          { name: 'IDX_prospect_imports_status_lease', columnNames: ['status', 'lease_until'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('prospect_imports');
  }
}
