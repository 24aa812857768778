import { HttpException, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { ImportCancelledException } from '../../exceptions/csv-import.exceptions';
import {
  CsvImportOptions,
  CsvImportResult,
  ProspectCsvImportService,
} from '../prospect-csv-import.service';
import { ImportProgressService } from './import-progress.service';

/** A finished import, with the id its progress was recorded under. */
export interface TrackedImportResult extends CsvImportResult {
  importId: string;
}

/**
 * POST /prospects/import: the CSV import with its progress recorded in `prospect_imports` (see
 * ImportProgressService), so that GET /prospects/imports/{id} shows it while it runs and a cancel
 * stops it between batches. The record ends completed, cancelled, failed (with the reason) or,
 * when the service shuts down during it, interrupted.
 */
@Injectable()
export class TrackedCsvImportService {
  constructor(
    private readonly importer: ProspectCsvImportService,
    private readonly progress: ImportProgressService,
  ) {}

  async import(
    csv: Readable,
    options: Omit<CsvImportOptions, 'tracker' | 'dryRun'>,
    importId?: string,
  ): Promise<TrackedImportResult> {
    const tracker = await this.progress.begin(options.source, importId);
    try {
      const result = await this.importer.import(csv, { ...options, tracker });
      await this.progress.end(tracker, 'completed');
      return { ...result, importId: tracker.id };
    } catch (error) {
      if (error instanceof ImportCancelledException) {
        const stoppedBy: unknown = tracker.signal.reason;
        const interrupted = stoppedBy === 'shutdown';
        await this.progress.end(
          tracker,
          interrupted ? 'interrupted' : 'cancelled',
          interrupted ? 'The service shut down during the import' : undefined,
        );
      } else {
        await this.progress.end(tracker, 'failed', messageOf(error));
      }
      throw error;
    }
  }
}

/** The reason recorded for a failed import: the client's error as answered; never an internal one. */
function messageOf(error: unknown): string {
  const status =
    error instanceof HttpException
      ? error.getStatus()
      : (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status < 500 && error instanceof Error
    ? error.message
    : 'An internal error stopped the import; the service log has the details';
}
