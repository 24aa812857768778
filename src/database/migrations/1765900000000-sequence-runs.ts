import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/**
 * Running sequences (after the outbox-touches migration, whose touches they send):
 * - `sequences.run_job_id`: the job whose repeating `sequences.run` step schedules the sequence;
 *   `sequences.launch_job_id`: the job of its latest launch (one at a time is under review).
 * - `sequence_enrollments.launched_at` (the launch's approval scheduled it; NULL: waits for a
 *   launch) and `follow_ups_approved` (that approval covered the follow-ups too).
 * - Due work of one sequence by (sequence_id, status, next_due_at): the scheduler reads only what
 *   is due, and its next wake-up is the first row.
 * - `sequence_enrollment_events`: each enrollment's timeline (launched, sent, replied, exited…),
 *   with the step it concerns, which the per-step counts are made of.
 * - `sequence_tasks`: manual steps (call, LinkedIn) an enrollment waits on; one per enrollment
 *   and step, so a scheduler's re-run creates none twice.
 */
export class SequenceRuns1765900000000 implements MigrationInterface {
  name = 'SequenceRuns1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds the whole table on SQLite.
    for (const column of ['"run_job_id" varchar(128) NULL', '"launch_job_id" varchar(128) NULL']) {
      await queryRunner.query(`ALTER TABLE "sequences" ADD COLUMN ${column}`);
    }
    for (const column of [
      `"launched_at" ${timestamp} NULL`,
      '"follow_ups_approved" boolean NOT NULL DEFAULT false',
    ]) {
      await queryRunner.query(`ALTER TABLE "sequence_enrollments" ADD COLUMN ${column}`);
    }
    await queryRunner.query(
      'CREATE INDEX "IDX_sequence_enrollments_sequence_due" ON "sequence_enrollments" ' +
        '("sequence_id", "status", "next_due_at")',
    );
    const enrollment = {
      columnNames: ['enrollment_id'],
      referencedTableName: 'sequence_enrollments',
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    };
    await queryRunner.createTable(
      new Table({
        name: 'sequence_enrollment_events',
        columns: [
          // Increasing: a timeline's order among events of the same instant.
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'enrollment_id', type: 'varchar', length: '36' },
          { name: 'sequence_id', type: 'varchar', length: '36' },
          { name: 'type', type: 'varchar', length: '32' },
          { name: 'step_index', type: 'integer', isNullable: true },
          { name: 'data', type: 'text' },
          { name: 'at', type: timestamp },
        ],
        foreignKeys: [{ name: 'FK_sequence_enrollment_events_enrollment', ...enrollment }],
        indices: [
          {
            name: 'IDX_sequence_enrollment_events_enrollment',
            columnNames: ['enrollment_id', 'at'],
          },
          {
            name: 'IDX_sequence_enrollment_events_sequence',
            columnNames: ['sequence_id', 'type', 'step_index'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sequence_tasks',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'sequence_id', type: 'varchar', length: '36' },
          { name: 'enrollment_id', type: 'varchar', length: '36' },
          { name: 'prospect_id', type: 'varchar', length: '36' },
          { name: 'step_index', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'instructions', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'created_at', type: timestamp },
          { name: 'completed_at', type: timestamp, isNullable: true },
        ],
        foreignKeys: [{ name: 'FK_sequence_tasks_enrollment', ...enrollment }],
        indices: [
          {
            name: 'UQ_sequence_tasks_enrollment_step',
            columnNames: ['enrollment_id', 'step_index'],
            isUnique: true,
          },
          { name: 'IDX_sequence_tasks_status', columnNames: ['status', 'created_at', 'id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sequence_tasks');
    await queryRunner.dropTable('sequence_enrollment_events');
    await queryRunner.query('DROP INDEX "IDX_sequence_enrollments_sequence_due"');
    for (const column of ['follow_ups_approved', 'launched_at']) {
      await queryRunner.query(`ALTER TABLE "sequence_enrollments" DROP COLUMN "${column}"`);
    }
    for (const column of ['launch_job_id', 'run_job_id']) {
      await queryRunner.query(`ALTER TABLE "sequences" DROP COLUMN "${column}"`);
    }
  }
}
