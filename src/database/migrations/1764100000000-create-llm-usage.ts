import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/** The LLM usage ledger: one row per call. */
export class CreateLlmUsage1764100000000 implements MigrationInterface {
  name = 'CreateLlmUsage1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'llm_usage',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'job_id', type: 'varchar', length: '128', isNullable: true },
          { name: 'purpose', type: 'varchar', length: '32' },
          { name: 'model', type: 'varchar', length: '128' },
          { name: 'prompt_tokens', type: 'integer' },
          { name: 'completion_tokens', type: 'integer' },
          { name: 'latency_ms', type: 'integer' },
          { name: 'outcome', type: 'varchar', length: '32' },
          { name: 'created_at', type: timestampType(queryRunner) },
        ],
        indices: [{ name: 'IDX_llm_usage_job_id', columnNames: ['job_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('llm_usage');
  }
}
