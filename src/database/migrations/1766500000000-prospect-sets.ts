import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/**
 * Prospect sets (after the inbound-messages migration): the prospects a step found or kept,
 * stored as ids instead of copies in the job state.
 * - `prospect_sets`: one per job step result (`complete`), and the scratch set a scoring step
 *   fills batch by batch (`building`), so a step resumed after a crash goes on where it was.
 * - `prospect_set_members`: the ids in order (`position` from 1), read by keyset on the primary
 *   key; `score` is what a scoring step gave the prospect.
 */
export class ProspectSets1766500000000 implements MigrationInterface {
  name = 'ProspectSets1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'prospect_sets',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'job_id', type: 'varchar', length: '128' },
          { name: 'step_index', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'count', type: 'integer' },
          { name: 'created_at', type: timestamp },
        ],
        indices: [
          {
            name: 'UQ_prospect_sets_step',
            columnNames: ['job_id', 'step_index', 'status'],
            isUnique: true,
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'prospect_set_members',
        columns: [
          { name: 'set_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'position', type: 'integer', isPrimary: true },
          { name: 'prospect_id', type: 'varchar', length: '36' },
          { name: 'score', type: 'integer', isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('prospect_set_members');
    await queryRunner.dropTable('prospect_sets');
  }
}
