import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/**
 * Plan previews (`run: false` on POST /command and POST /jobs): the validated plan, what it was
 * made from, and the prospect ids its audience had, so POST /plans/{id}/run runs exactly that
 * plan or refuses when the audience changed. Rows past `expires_at` are pruned.
 */
export class PlanPreviews1765500000000 implements MigrationInterface {
  name = 'PlanPreviews1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'plan_previews',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'client', type: 'varchar', length: '80', isNullable: true },
          { name: 'job_type', type: 'varchar', length: '64' },
          { name: 'command', type: 'text', isNullable: true },
          { name: 'context', type: 'text' },
          { name: 'plan', type: 'text' },
          { name: 'planner', type: 'varchar', length: '16' },
          { name: 'interpretation', type: 'text' },
          { name: 'audience', type: 'text', isNullable: true },
          { name: 'audience_ids', type: 'text', isNullable: true },
          { name: 'job_id', type: 'varchar', length: '128', isNullable: true },
          { name: 'created_at', type: timestamp },
          { name: 'expires_at', type: timestamp },
        ],
        indices: [{ name: 'IDX_plan_previews_expires_at', columnNames: ['expires_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('plan_previews');
  }
}
