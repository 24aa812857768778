import { Inject, Injectable, Logger } from '@nestjs/common';
import { ActionError } from '../../../orchestrator/agents/retry-policy.util';
import type { ExportEntity } from '../export.entity';
import { ExportsService } from '../exports.service';
import type { ExportCell } from '../utils/export-rows.util';
import { GOOGLE_SHEETS, GoogleSheetsSetup } from './google-sheets.provider';
import {
  chooseSheet,
  columnHolds,
  exportIdColumnRange,
  GOOGLE_SHEET_HEADERS,
  googleSheetRows,
  quoteSheet,
} from './sheet-rows.util';
import { sheetsFailure } from './sheets-error.util';

/** The outcome of an append: the export, and whether this run appended (or found it done). */
export interface GoogleSheetsExportResult {
  record: ExportEntity;
  appended: boolean;
}

/**
 * Appends the rows of an export to the configured Google Sheet, once per step: the
 * exports table records the append under the step's idempotency key, and a step that stopped
 * between the append and that record looks for its export id in the sheet before appending.
 */
@Injectable()
export class GoogleSheetsExportService {
  private readonly logger = new Logger(GoogleSheetsExportService.name);

  constructor(
    @Inject(GOOGLE_SHEETS) private readonly setup: GoogleSheetsSetup,
    private readonly exports: ExportsService,
  ) {}

  /** Why the append can't run here, or undefined. */
  unavailableReason(): string | undefined {
    return this.setup.ok ? undefined : this.setup.reason;
  }

  async export(input: {
    jobId: string;
    idempotencyKey: string;
    rows: ExportCell[][];
    signal: AbortSignal;
  }): Promise<GoogleSheetsExportResult> {
    const setup = this.setup;
    if (!setup.ok) throw new ActionError(setup.reason);
    const record = await this.exports.begin({ ...input, kind: 'google_sheets' });
    if (record.status === 'done') return { record, appended: false };
    try {
      return await this.appendOnce({ setup, record, rows: input.rows, input });
    } catch (error) {
      throw sheetsFailure(error, setup.serviceAccount);
    }
  }

  private async appendOnce(args: {
    setup: Extract<GoogleSheetsSetup, { ok: true }>;
    record: ExportEntity;
    rows: ExportCell[][];
    input: Parameters<GoogleSheetsExportService['export']>[0];
  }): Promise<GoogleSheetsExportResult> {
    const { setup, record, input } = args;
    const { client, spreadsheetId } = setup;
    const sheet = chooseSheet(await client.sheetTitles(spreadsheetId, input.signal));
    if (sheet === undefined) throw new ActionError('The Google Sheet has no sheets to append to');
    const [header, ids] = await client.getValues(
      spreadsheetId,
      [`${quoteSheet(sheet)}!1:1`, exportIdColumnRange(sheet)],
      input.signal,
    );
    const finish = (range: string | null) =>
      this.exports.finish(record, { rowCount: args.rows.length, spreadsheetId, sheetRange: range });
    if (columnHolds(ids, record.id)) {
      // Appended before a crash, never recorded: record it now, append nothing.
      return { record: await finish(record.sheetRange), appended: false };
    }
    const rows = googleSheetRows({
      rows: args.rows,
      exportId: record.id,
      exportedAt: record.createdAt,
    });
    const values = header.length === 0 ? [[...GOOGLE_SHEET_HEADERS], ...rows] : rows;
    // No prospects, and the tab has its header: there is nothing to append.
    if (values.length === 0) return { record: await finish(null), appended: false };
    const result = await client.append(
      spreadsheetId,
      `${quoteSheet(sheet)}!A1`,
      values,
      input.signal,
    );
    const done = await finish(result.updatedRange);
    this.logger.log(
      { jobId: input.jobId, exportId: done.id, rows: rows.length, range: result.updatedRange },
      'Rows appended to Google Sheets',
    );
    return { record: done, appended: true };
  }
}
