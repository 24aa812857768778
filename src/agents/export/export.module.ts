import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExportAgent } from './export.agent';
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
  imports: [TypeOrmModule.forFeature([ExportEntity])],
  controllers: [ExportsController],
  providers: [
    ExportAgent,
    ExportsService,
    ExportFileStore,
    ExportRetention,
    SpreadsheetExportService,
    GoogleSheetsExportService,
    googleSheetsProvider,
  ],
})
export class ExportAgentModule {}
