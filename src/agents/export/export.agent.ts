import { Injectable } from '@nestjs/common';
import { Action, Agent } from '../../orchestrator/agents/agent.decorators';
import type {
  ActionContext,
  ActionResult,
  AgentAvailability,
} from '../../orchestrator/agents/agent.types';
import { ActionError } from '../../orchestrator/agents/retry-policy.util';
import { GoogleSheetsExportParams, SpreadsheetExportParams } from './dto/export-action.params';
import { ExportContentService } from './export-content.service';
import { GoogleSheetsExportService } from './google-sheets/google-sheets-export.service';
import { SpreadsheetExportService } from './spreadsheet-export.service';
import { EXPORT_FORMATS } from './utils/export-file-name.util';
import {
  googleSheetsExportState,
  googleSheetsSummary,
  spreadsheetExportState,
  spreadsheetSummary,
} from './utils/export-summary.util';
import { readExportInput } from './utils/export-state.util';

/** Spreadsheet files to download, and appends to a Google Sheet. */
@Injectable()
@Agent({
  name: 'export',
  description: "Exports the job's prospects, scores and email drafts to spreadsheets",
})
export class ExportAgent implements AgentAvailability {
  constructor(
    private readonly content: ExportContentService,
    private readonly spreadsheets: SpreadsheetExportService,
    private readonly googleSheets: GoogleSheetsExportService,
  ) {}

  unavailableReason(action: string): string | undefined {
    return action === 'google_sheets' ? this.googleSheets.unavailableReason() : undefined;
  }

  @Action({
    name: 'spreadsheet',
    description:
      'Writes the prospects (with scores, reasons, and their email drafts as the outbox holds ' +
      'them: edited text, send status and time, do-not-email marks) to an XLSX workbook and a ' +
      'CSV file to download from GET /exports/{id}/download; format limits it to one. No ' +
      'prospects: the files hold the header row only',
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
      rows: await this.content.rows(input),
      formats: params.format ? [params.format] : EXPORT_FORMATS,
    });
    return {
      writes: { export: spreadsheetExportState(record) },
      summary: spreadsheetSummary(record),
    };
  }

  @Action({
    name: 'google_sheets',
    description:
      'Appends the prospects (with scores, reasons, and their email drafts as the outbox holds ' +
      'them) to the configured Google Sheet, once per step; no prospects: the header row only',
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
      rows: await this.content.rows(input),
      signal: context.signal,
    });
    return {
      writes: { export: googleSheetsExportState(record) },
      summary: googleSheetsSummary(record, appended),
    };
  }
}
