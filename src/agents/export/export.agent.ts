import { Injectable } from '@nestjs/common';
import { Action, Agent } from '../../orchestrator/agents/agent.decorators';
import type {
  ActionContext,
  ActionResult,
  AgentAvailability,
} from '../../orchestrator/agents/agent.types';
import { ActionError } from '../../orchestrator/agents/retry-policy.util';
import { GoogleSheetsExportParams, SpreadsheetExportParams } from './dto/export-action.params';
import { GoogleSheetsExportService } from './google-sheets/google-sheets-export.service';
import { SpreadsheetExportService } from './spreadsheet-export.service';
import { EXPORT_FORMATS } from './utils/export-file-name.util';
import { googleSheetsExportState, spreadsheetExportState } from './utils/export-summary.util';
import { readExportInput } from './utils/export-state.util';

/** Spreadsheet files to download, and appends to a Google Sheet. */
@Injectable()
@Agent({
  name: 'export',
  description: "Exports the job's prospects, scores and email drafts to spreadsheets",
})
export class ExportAgent implements AgentAvailability {
  constructor(
    private readonly spreadsheets: SpreadsheetExportService,
    private readonly googleSheets: GoogleSheetsExportService,
  ) {}

  unavailableReason(action: string): string | undefined {
    return action === 'google_sheets' ? this.googleSheets.unavailableReason() : undefined;
  }

  @Action({
    name: 'spreadsheet',
    description:
      'Writes the prospects (with scores, reasons and their email drafts) to an XLSX workbook ' +
      'and a CSV file to download from GET /exports/{id}/download; format limits it to one',
    params: SpreadsheetExportParams,
    reads: ['prospects'],
    optionalReads: ['drafts'],
    writes: ['export'],
  })
  async spreadsheet(
    params: SpreadsheetExportParams,
    context: ActionContext,
  ): Promise<ActionResult> {
    const input = readExportInput(context.state);
    if (!input.ok) throw new ActionError(input.reason);
    const record = await this.spreadsheets.export({
      jobId: context.jobId,
      idempotencyKey: context.idempotencyKey,
      prospects: input.prospects,
      drafts: input.drafts,
      formats: params.format ? [params.format] : EXPORT_FORMATS,
    });
    const formats = record.files.map((file) => file.format.toUpperCase()).join(' and ');
    return {
      writes: { export: spreadsheetExportState(record) },
      summary: `Exported ${record.rowCount} prospects to ${formats} (export ${record.id})`,
    };
  }

  @Action({
    name: 'google_sheets',
    description:
      'Appends the prospects (with scores, reasons and their email drafts) to the configured ' +
      'Google Sheet, once per step',
    params: GoogleSheetsExportParams,
    reads: ['prospects'],
    optionalReads: ['drafts'],
    writes: ['export'],
    sideEffect: true,
  })
  async googleSheetsAppend(
    _params: GoogleSheetsExportParams,
    context: ActionContext,
  ): Promise<ActionResult> {
    const input = readExportInput(context.state);
    if (!input.ok) throw new ActionError(input.reason);
    const { record, appended } = await this.googleSheets.export({
      jobId: context.jobId,
      idempotencyKey: context.idempotencyKey,
      prospects: input.prospects,
      drafts: input.drafts,
      signal: context.signal,
    });
    const what = appended ? 'Appended' : 'Already appended';
    return {
      writes: { export: googleSheetsExportState(record) },
      summary: `${what} ${record.rowCount} prospects to Google Sheets (${record.sheetRange ?? 'sheet'})`,
    };
  }
}
