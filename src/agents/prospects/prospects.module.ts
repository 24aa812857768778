import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompanyEntity } from './company.entity';
import { ProspectCsvImportService } from './import/prospect-csv-import.service';
import { ProspectEntity } from './prospect.entity';
import { ProspectsAgent } from './prospects.agent';
import { ProspectsController } from './prospects.controller';
import { ProspectsService } from './prospects.service';
import { SampleDataSeeder } from './sample-data/sample-data.seeder';
import { ProspectUpsertService } from './upsert/prospect-upsert.service';

/** The prospect database: its tables, API, CSV import, sample data, and the `prospects` agent. */
@Module({
  imports: [TypeOrmModule.forFeature([ProspectEntity, CompanyEntity])],
  controllers: [ProspectsController],
  providers: [
    ProspectsAgent,
    ProspectsService,
    ProspectUpsertService,
    ProspectCsvImportService,
    SampleDataSeeder,
  ],
  exports: [ProspectsService, ProspectUpsertService],
})
export class ProspectsAgentModule {}
