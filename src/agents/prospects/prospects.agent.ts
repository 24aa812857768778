import { HttpException, Injectable } from '@nestjs/common';
import { Action, Agent } from '../../orchestrator/agents/agent.decorators';
import type { ActionContext, ActionResult } from '../../orchestrator/agents/agent.types';
import { ActionError } from '../../orchestrator/agents/retry-policy.util';
import { ImportCsvParams } from './import/import-csv.params';
import { csvImportOptions } from './import/csv-import-options.util';
import { csvImportReport, importSummary } from './import/csv-import-report.util';
import { CsvImportResult, ProspectCsvImportService } from './import/prospect-csv-import.service';
import { ProspectsService } from './prospects.service';
import { toProspectSetRef } from './sets/prospect-set-ref.util';
import { ProspectSetsService } from './sets/prospect-sets.service';
import { SearchProspectsParams } from './search/search-prospects.params';
import { searchRequest } from './search/search-request.util';
import { toProspectInState } from './utils/prospect-state.util';

export { SearchProspectsParams } from './search/search-prospects.params';

/** The prospect database as an agent: finds the people a job works on. */
@Injectable()
@Agent({
  name: 'prospects',
  description:
    'The prospect database: finds prospects by title, seniority, department, industry, place, company, company size, tag, source, import, when last emailed and latest fit score, and imports them from CSV exports',
})
export class ProspectsAgent {
  constructor(
    private readonly prospects: ProspectsService,
    private readonly importer: ProspectCsvImportService,
    private readonly sets: ProspectSetsService,
  ) {}

  @Action({
    name: 'search',
    description:
      'Finds prospects matching the criteria (all criteria apply together; several values of one criterion are alternatives) and writes them to `prospects`: the list, or, above PROSPECT_SET_THRESHOLD prospects, a reference to a stored prospect set ({ prospect_set: { id, count } }) that later steps read in batches. Opted-out prospects are never returned; the fictional sample prospects only while no other prospect exists, unless include_sample says otherwise',
    params: SearchProspectsParams,
    writes: ['prospects'],
  })
  async search(params: SearchProspectsParams, context: ActionContext): Promise<ActionResult> {
    const { criteria, page: request } = searchRequest(params);
    const total = await this.prospects.count(criteria);
    if (Math.min(total, request.limit) > this.sets.threshold) {
      // Too many to copy into the state: stored as a set, written by the database itself.
      const set = await this.sets.fromSearch({
        jobId: context.jobId,
        stepIndex: context.stepIndex,
        criteria,
        sort: request.sort,
        limit: request.limit,
      });
      const summary = `${searchSummary(set.count, total)} (prospect set ${set.id})`;
      return {
        writes: { prospects: toProspectSetRef(set) },
        summary: set.sampleExcluded ? `${summary}; sample prospects left out` : summary,
      };
    }
    const page = await this.prospects.search(criteria, request);
    const prospects = page.items.map(toProspectInState);
    const summary = searchSummary(prospects.length, page.total);
    return {
      writes: { prospects },
      summary: page.sampleExcluded ? `${summary}; sample prospects left out` : summary,
    };
  }

  @Action({
    name: 'import_csv',
    description:
      'Imports the CSV text in `csv` (an export of LinkedIn Sales Navigator, Apollo, HubSpot, or plain columns such as name, email, title, company; headers may carry a company/person prefix such as "Company Industry" or "Contact Email") into the prospect database, merging duplicates, and writes the imported prospects to `prospects` and what the import did (counts, the first 100 row problems with row, column, reason and severity — error: row skipped, warning: a bad optional value left out or cleaned, the person kept —, the columns not imported, the column mapping used) to `csv_import`',
    params: ImportCsvParams,
    reads: ['csv'],
    writes: ['prospects', 'csv_import'],
  })
  async importCsv(params: ImportCsvParams, context: ActionContext): Promise<ActionResult> {
    const csv = context.state.csv;
    if (typeof csv !== 'string' || csv.trim() === '') {
      throw new ActionError('The job state\'s "csv" must be the text of a CSV file');
    }
    const request = csvImportOptions(params);
    if (!request.ok) throw new ActionError(request.problem);
    const result = await this.importer.import(csv, request.options).catch((error: unknown) => {
      // The file itself is unusable (empty, no header, malformed): retrying cannot help.
      if (error instanceof HttpException) throw new ActionError(error.message);
      throw error;
    });
    if (result.inserted + result.updated === 0) throw new ActionError(noUsableRows(result));
    const prospects = await this.prospects.getMany(result.prospectIds ?? []);
    return {
      writes: { prospects: prospects.map(toProspectInState), csv_import: csvImportReport(result) },
      summary: importSummary(result),
    };
  }
}

function noUsableRows(result: CsvImportResult): string {
  const reasons = result.errors
    .filter((error) => error.severity === 'error')
    .slice(0, 3)
    .map((error) => `row ${error.row} ${error.field}: ${error.message}`)
    .join('; ');
  return `The CSV has no usable rows: all ${result.rows} were skipped (${reasons})`;
}

/** "Found 42 prospects", or "Found 100 of 130 matching prospects (limit 100)". */
export function searchSummary(found: number, total: number): string {
  const noun = (count: number) => (count === 1 ? 'prospect' : 'prospects');
  return found < total
    ? `Found ${found} of ${total} matching ${noun(total)} (limit ${found})`
    : `Found ${found} ${noun(found)}`;
}
