import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/**
 * Exports of the `export` agent: spreadsheet files written under EXPORT_DIR and appends to a
 * Google Sheet. One row per step (unique idempotency key), so a re-run reuses its row.
 */
export class CreateExports1764500000000 implements MigrationInterface {
  name = 'CreateExports1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'exports',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'job_id', type: 'varchar', length: '128' },
          { name: 'idempotency_key', type: 'varchar', length: '200' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'row_count', type: 'integer' },
          { name: 'files', type: 'text' },
          { name: 'spreadsheet_id', type: 'varchar', length: '200', isNullable: true },
          { name: 'sheet_range', type: 'varchar', length: '255', isNullable: true },
          { name: 'created_at', type: timestamp },
          { name: 'updated_at', type: timestamp },
        ],
        indices: [
          { name: 'UQ_exports_idempotency_key', columnNames: ['idempotency_key'], isUnique: true },
          { name: 'IDX_exports_job_id_created_at', columnNames: ['job_id', 'created_at'] },
          { name: 'IDX_exports_created_at', columnNames: ['created_at', 'id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('exports');
  }
}
