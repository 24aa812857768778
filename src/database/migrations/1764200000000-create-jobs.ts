import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/** Durable jobs: the job rows, their checkpoints, and their event streams. */
export class CreateJobs1764200000000 implements MigrationInterface {
  name = 'CreateJobs1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'jobs',
        columns: [
          { name: 'id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'job_type', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '24' },
          { name: 'objective', type: 'text' },
          { name: 'input', type: 'text' },
          { name: 'steps', type: 'text' },
          { name: 'progress', type: 'text' },
          { name: 'current_step', type: 'integer' },
          { name: 'lease_owner', type: 'varchar', length: '64', isNullable: true },
          { name: 'lease_expires_at', type: timestamp, isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'version', type: 'integer' },
          { name: 'created_at', type: timestamp },
          { name: 'updated_at', type: timestamp },
          { name: 'started_at', type: timestamp, isNullable: true },
          { name: 'finished_at', type: timestamp, isNullable: true },
        ],
        indices: [
          { name: 'IDX_jobs_status_created_at', columnNames: ['status', 'created_at'] },
          { name: 'IDX_jobs_created_at', columnNames: ['created_at', 'id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'checkpoints',
        columns: [
          { name: 'job_id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'step_index', type: 'integer' },
          { name: 'state', type: 'text' },
          { name: 'created_at', type: timestamp },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'job_events',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'job_id', type: 'varchar', length: '128' },
          { name: 'type', type: 'varchar', length: '32' },
          { name: 'data', type: 'text' },
          { name: 'created_at', type: timestamp },
        ],
        indices: [{ name: 'IDX_job_events_job_id', columnNames: ['job_id', 'id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_events');
    await queryRunner.dropTable('checkpoints');
    await queryRunner.dropTable('jobs');
  }
}
