import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampType } from './column-types';

/**
 * The prospect database: companies and their prospects. Equality filters compare lower case, so
 * their indexes are on LOWER(column): expression indexes, which SQLite and Postgres both support
 * with the same statement.
 */
export class CreateProspects1764300000000 implements MigrationInterface {
  name = 'CreateProspects1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'companies',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '255' },
          { name: 'domain', type: 'varchar', length: '255', isNullable: true },
          { name: 'website_url', type: 'varchar', length: '2048', isNullable: true },
          { name: 'industry', type: 'varchar', length: '128', isNullable: true },
          { name: 'employee_count', type: 'integer', isNullable: true },
          { name: 'city', type: 'varchar', length: '128', isNullable: true },
          { name: 'country', type: 'varchar', length: '128', isNullable: true },
          { name: 'created_at', type: timestamp },
          { name: 'updated_at', type: timestamp },
        ],
        indices: [
          { name: 'UQ_companies_domain', columnNames: ['domain'], isUnique: true },
          { name: 'IDX_companies_employee_count', columnNames: ['employee_count'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'prospects',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '255' },
          { name: 'first_name', type: 'varchar', length: '128', isNullable: true },
          { name: 'last_name', type: 'varchar', length: '128', isNullable: true },
          { name: 'email', type: 'varchar', length: '320', isNullable: true },
          { name: 'title', type: 'varchar', length: '255', isNullable: true },
          { name: 'title_words', type: 'varchar', length: '512', isNullable: true },
          { name: 'seniority', type: 'varchar', length: '16', isNullable: true },
          { name: 'department', type: 'varchar', length: '64', isNullable: true },
          { name: 'company_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'city', type: 'varchar', length: '128', isNullable: true },
          { name: 'country', type: 'varchar', length: '128', isNullable: true },
          { name: 'linkedin_url', type: 'varchar', length: '512', isNullable: true },
          { name: 'source', type: 'varchar', length: '64', isNullable: true },
          { name: 'tags', type: 'text' },
          { name: 'opted_out', type: 'boolean', default: false },
          { name: 'opted_out_at', type: timestamp, isNullable: true },
          { name: 'created_at', type: timestamp },
          { name: 'updated_at', type: timestamp },
        ],
        foreignKeys: [
          {
            name: 'FK_prospects_company_id',
            columnNames: ['company_id'],
            referencedTableName: 'companies',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [
          { name: 'UQ_prospects_email', columnNames: ['email'], isUnique: true },
          { name: 'UQ_prospects_linkedin_url', columnNames: ['linkedin_url'], isUnique: true },
          { name: 'IDX_prospects_company_id', columnNames: ['company_id'] },
          { name: 'IDX_prospects_seniority', columnNames: ['seniority'] },
          // Search results are ordered by name.
          { name: 'IDX_prospects_name', columnNames: ['name', 'id'] },
        ],
      }),
    );
    const lowerIndexes: [string, string, string][] = [
      ['IDX_companies_lower_name', 'companies', 'name'],
      ['IDX_prospects_lower_country', 'prospects', 'country'],
      ['IDX_prospects_lower_city', 'prospects', 'city'],
      ['IDX_prospects_lower_department', 'prospects', 'department'],
    ];
    for (const [index, table, column] of lowerIndexes) {
      await queryRunner.query(`CREATE INDEX "${index}" ON "${table}" (LOWER("${column}"))`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('prospects');
    await queryRunner.dropTable('companies');
  }
}
