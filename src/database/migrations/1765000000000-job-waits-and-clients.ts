import { MigrationInterface, QueryRunner } from 'typeorm';
import { timestampType } from './column-types';

/**
 * `wake_at`: when a job parked in `waiting` (core.wait) is due to run again; the claim looks it
 * up by (status, wake_at). `client`: who submitted the job (a digest of the API key, or the
 * client IP), so JOB_QUEUE_LIMIT_PER_CLIENT can count one client's queued and running jobs.
 */
export class JobWaitsAndClients1765000000000 implements MigrationInterface {
  name = 'JobWaitsAndClients1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.query(`ALTER TABLE "jobs" ADD COLUMN "wake_at" ${timestamp} NULL`);
    await queryRunner.query('ALTER TABLE "jobs" ADD COLUMN "client" varchar(80) NULL');
    await queryRunner.query(
      'CREATE INDEX "IDX_jobs_status_wake_at" ON "jobs" ("status", "wake_at")',
    );
    await queryRunner.query('CREATE INDEX "IDX_jobs_client_status" ON "jobs" ("client", "status")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_jobs_client_status"');
    await queryRunner.query('DROP INDEX "IDX_jobs_status_wake_at"');
    await queryRunner.query('ALTER TABLE "jobs" DROP COLUMN "client"');
    await queryRunner.query('ALTER TABLE "jobs" DROP COLUMN "wake_at"');
  }
}
