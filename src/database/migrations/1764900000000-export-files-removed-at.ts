import { MigrationInterface, QueryRunner } from 'typeorm';
import { timestampType } from './column-types';

/** When EXPORT_RETENTION_DAYS removed an export's files from EXPORT_DIR (NULL: still there). */
export class ExportFilesRemovedAt1764900000000 implements MigrationInterface {
  name = 'ExportFilesRemovedAt1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "exports" ADD COLUMN "files_removed_at" ${timestamp} NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "exports" DROP COLUMN "files_removed_at"');
  }
}
