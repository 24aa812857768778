import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/** The Context Manager's table: one entry per job. */
export class CreateContexts1764000000000 implements MigrationInterface {
  name = 'CreateContexts1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'contexts',
        columns: [
          { name: 'job_id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'job_type', type: 'varchar', length: '64' },
          { name: 'context_data', type: 'text' },
          { name: 'version', type: 'integer' },
          { name: 'created_at', type: timestamp },
          { name: 'updated_at', type: timestamp },
        ],
        indices: [
          { name: 'IDX_contexts_created_at', columnNames: ['created_at', 'job_id'] },
          { name: 'IDX_contexts_job_type_created_at', columnNames: ['job_type', 'created_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('contexts');
  }
}
