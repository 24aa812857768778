import { Injectable } from '@nestjs/common';
import { Action, Agent } from '../../orchestrator/agents/agent.decorators';
import type {
  ActionContext,
  ActionResult,
  AgentAvailability,
} from '../../orchestrator/agents/agent.types';
import { ActionError } from '../../orchestrator/agents/retry-policy.util';
import { prospectSetOf } from '../prospects/sets/prospect-set-ref.util';
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
    const formats = params.format ? [params.format] : EXPORT_FORMATS;
    const set = prospectSetOf(context.state.prospects);
    const record = set
      ? await this.spreadsheets.exportStream({
          jobId: context.jobId,
          idempotencyKey: context.idempotencyKey,
          batches: this.content.setRows(set.id, context.state.drafts),
          formats,
        })
      : await this.spreadsheets.export({
          jobId: context.jobId,
          idempotencyKey: context.idempotencyKey,
          rows: await this.content.rows(checkedInput(context.state)),
          formats,
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
    const set = prospectSetOf(context.state.prospects);
    if (set) {
      throw new ActionError(
        `export.google_sheets appends a list of prospects, not a prospect set (${set.count} ` +
          'prospects): use export.spreadsheet, which streams a set to its files',
      );
    }
    const input = checkedInput(context.state);
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

/** The export's input from the state, or an ActionError naming what is wrong with it. */
function checkedInput(state: Readonly<Record<string, unknown>>) {
  const input = readExportInput(state);
  if (!input.ok) throw new ActionError(input.reason);
  return input;
}
