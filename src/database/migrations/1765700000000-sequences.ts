import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/**
 * Sequences (multi-touch outreach): the definitions (steps and settings as JSON text) and the
 * enrollments of prospects in them. An enrollment goes when its sequence or its prospect is
 * deleted. Indexes:
 * - at most one active or paused enrollment per prospect and sequence (a partial unique index,
 *   which SQLite and Postgres both have): the last line of defence behind the enrolment lock;
 * - due work by (status, next_due_at), so the scheduler reads only what is due;
 * - a sequence's enrollments by status (counts and lists), a prospect's (the one-active-sequence
 *   rule, and the cascade when a prospect is deleted).
 */
export class Sequences1765700000000 implements MigrationInterface {
  name = 'Sequences1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'sequences',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'steps', type: 'text' },
          { name: 'settings', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'version', type: 'integer' },
          { name: 'created_at', type: timestamp },
          { name: 'updated_at', type: timestamp },
        ],
        indices: [{ name: 'IDX_sequences_created_at', columnNames: ['created_at', 'id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sequence_enrollments',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'sequence_id', type: 'varchar', length: '36' },
          { name: 'prospect_id', type: 'varchar', length: '36' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'step_index', type: 'integer' },
          { name: 'next_due_at', type: timestamp, isNullable: true },
          { name: 'exit_reason', type: 'varchar', length: '32', isNullable: true },
          { name: 'exited_at', type: timestamp, isNullable: true },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'created_at', type: timestamp },
          { name: 'updated_at', type: timestamp },
        ],
        foreignKeys: [
          {
            name: 'FK_sequence_enrollments_sequence',
            columnNames: ['sequence_id'],
            referencedTableName: 'sequences',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            name: 'FK_sequence_enrollments_prospect',
            columnNames: ['prospect_id'],
            referencedTableName: 'prospects',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          {
            name: 'IDX_sequence_enrollments_status_next_due_at',
            columnNames: ['status', 'next_due_at'],
          },
          {
            name: 'IDX_sequence_enrollments_sequence_status',
            columnNames: ['sequence_id', 'status', 'created_at'],
          },
          {
            name: 'IDX_sequence_enrollments_prospect_status',
            columnNames: ['prospect_id', 'status'],
          },
        ],
      }),
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_sequence_enrollments_holding" ON "sequence_enrollments" ' +
        '("sequence_id", "prospect_id") WHERE "status" IN (\'active\', \'paused\')',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sequence_enrollments');
    await queryRunner.dropTable('sequences');
  }
}
