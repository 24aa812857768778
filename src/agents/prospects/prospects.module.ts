import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  DatabaseConnection,
  PostgresConnection,
  SqliteConnection,
} from '../../database/database-connection';
import { CompanyEntity } from './company.entity';
import { CsvImportPreviewService } from './import/preview/csv-import-preview.service';
import { ImportProgressService } from './import/progress/import-progress.service';
import { ImportProgressStore } from './import/progress/import-progress.store';
import { ProspectImportEntity } from './import/progress/prospect-import.entity';
import { TrackedCsvImportService } from './import/progress/tracked-csv-import.service';
import { ProspectCsvImportService } from './import/prospect-csv-import.service';
import { IndustryFamilyBackfill } from './industries/industry-family-backfill.service';
import { ProspectEntity } from './prospect.entity';
import { ProspectsAgent } from './prospects.agent';
import { ProspectImportsController } from './prospect-imports.controller';
import { ProspectsController } from './prospects.controller';
import { ProspectsService } from './prospects.service';
import { ResearchRecordsService } from './research-records/research-records.service';
import { SampleDataSeeder } from './sample-data/sample-data.seeder';
import { SampleDataService } from './sample-data/sample-data.service';
import { ProspectSetEntity, ProspectSetMemberEntity } from './sets/prospect-set.entity';
import { ProspectSetRetention } from './sets/prospect-set-retention.service';
import { ProspectSetStore } from './sets/prospect-set.store';
import { ProspectSetsService } from './sets/prospect-sets.service';
import { ProspectUpsertService } from './upsert/prospect-upsert.service';
import { ProspectUpsertStore } from './upsert/store/prospect-upsert.store';
import { PostgresProspectUpsertStore } from './upsert/store/postgres-prospect-upsert.store';
import { SqliteProspectUpsertStore } from './upsert/store/sqlite-prospect-upsert.store';

/**
 * The prospect database: its tables, API, CSV import (its progress in `prospect_imports`), sample data, the research kept on its rows,
 * and the `prospects` agent.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ProspectEntity,
      CompanyEntity,
      ProspectSetEntity,
      ProspectSetMemberEntity,
      ProspectImportEntity,
    ]),
  ],
  controllers: [ProspectsController, ProspectImportsController],
  providers: [
    {
      provide: ProspectUpsertStore,
      inject: [DatabaseConnection],
      useFactory: (connection: DatabaseConnection): ProspectUpsertStore => {
        if (connection instanceof SqliteConnection) {
          return new SqliteProspectUpsertStore(connection);
        }
        if (connection instanceof PostgresConnection) {
          return new PostgresProspectUpsertStore(connection);
        }
        throw new Error(`No prospect upsert store for ${connection.engine}`);
      },
    },
    ProspectsAgent,
    ProspectsService,
    ProspectUpsertService,
    ResearchRecordsService,
    ProspectCsvImportService,
    ImportProgressStore,
    ImportProgressService,
    TrackedCsvImportService,
    CsvImportPreviewService,
    SampleDataSeeder,
    SampleDataService,
    IndustryFamilyBackfill,
    ProspectSetStore,
    ProspectSetsService,
    ProspectSetRetention,
  ],
  // ProspectCsvImportService: a plan's preview reads context.csv with a dry run.
  exports: [
    ProspectsService,
    ProspectUpsertService,
    ResearchRecordsService,
    ProspectCsvImportService,
    ProspectSetsService,
    ProspectSetRetention,
  ],
})
export class ProspectsAgentModule {}
