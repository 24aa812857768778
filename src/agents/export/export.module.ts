import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailAgentModule } from '../email/email.module';
import { ProspectsAgentModule } from '../prospects/prospects.module';
import { ExportAgent } from './export.agent';
import { ExportContentService } from './export-content.service';
import { ExportEntity } from './export.entity';
import { ExportFileStore } from './export-file.store';
import { ExportRetention } from './export-retention.service';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { GoogleSheetsExportService } from './google-sheets/google-sheets-export.service';
import { googleSheetsProvider } from './google-sheets/google-sheets.provider';
import { SpreadsheetExportService } from './spreadsheet-export.service';

/** The `export` agent: spreadsheet files (XLSX, CSV) to download, and Google Sheets appends. */
@Module({
  // The email module's OutboxViewService: the drafts as the outbox holds them at export time;
  // the prospects module's ProspectSetsService: the prospects of a large job, in batches.
  imports: [TypeOrmModule.forFeature([ExportEntity]), EmailAgentModule, ProspectsAgentModule],
  controllers: [ExportsController],
  providers: [
    ExportAgent,
    ExportContentService,
    ExportsService,
    ExportFileStore,
    ExportRetention,
    SpreadsheetExportService,
    GoogleSheetsExportService,
    googleSheetsProvider,
  ],
})
export class ExportAgentModule {}
