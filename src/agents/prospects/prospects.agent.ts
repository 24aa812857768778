import { HttpException, Injectable } from '@nestjs/common';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { Action, Agent } from '../../orchestrator/agents/agent.decorators';
import type { ActionContext, ActionResult } from '../../orchestrator/agents/agent.types';
import { ActionError } from '../../orchestrator/agents/retry-policy.util';
import { ImportCsvParams } from './import/import-csv.params';
import { readCsvMapping } from './import/columns/csv-column-mapping.util';
import { csvImportReport, importSummary } from './import/csv-import-report.util';
import { CsvImportResult, ProspectCsvImportService } from './import/prospect-csv-import.service';
import { SENIORITIES, Seniority } from './prospect.types';
import { ProspectsService } from './prospects.service';
import { PROSPECT_SORTS, ProspectSort } from './search/prospect-search.types';
import { IsNotLessThan } from './utils/not-less-than.validator';
import { toProspectInState } from './utils/prospect-state.util';
import { IsNotBlank } from '../../common/validation/not-blank.validator';
import { INDUSTRY_FAMILY_NAMES } from '../../vocabulary/industry-families';

/** How many prospects `prospects.search` returns when the step sets no limit. */
export const DEFAULT_SEARCH_LIMIT = 100;
export const MAX_SEARCH_LIMIT = 1000;
const MAX_LIST = 50;
const MAX_TEXT = 200;

// The type decorator goes first: for the JSON Schema, the topmost decorator's type wins.
// The fields are the contract the offline planner produces (and the LLM is shown).
export class SearchProspectsParams {
  @JSONSchema({
    description:
      'Job titles, e.g. "VP of Sales", "CTO"; a prospect matches a title when each of its words starts a word of the prospect\'s title. With seniorities, a prospect matching a title OR a seniority passes',
  })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(MAX_TEXT, { each: true })
  @IsNotBlank({ each: true })
  titles?: string[];

  @JSONSchema({ description: `Seniority levels: ${SENIORITIES.join(', ')}` })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsIn(SENIORITIES, { each: true })
  seniorities?: Seniority[];

  @JSONSchema({ description: 'Departments, e.g. Sales, Marketing, Engineering' })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(MAX_TEXT, { each: true })
  @IsNotBlank({ each: true })
  departments?: string[];

  @JSONSchema({
    description:
      'Company industries, matched by family: "Software" also finds SaaS, Computer Software and ' +
      'Software Development companies, "Financial Services" also Fintech, Banking and Insurance. ' +
      `Families: ${INDUSTRY_FAMILY_NAMES.join(', ')}. Any other industry is matched by its words`,
  })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(MAX_TEXT, { each: true })
  @IsNotBlank({ each: true })
  industries?: string[];

  @JSONSchema({ description: 'Countries by English name, e.g. Germany, United Kingdom' })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(MAX_TEXT, { each: true })
  @IsNotBlank({ each: true })
  countries?: string[];

  @JSONSchema({ description: 'Cities, e.g. Berlin, London' })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(MAX_TEXT, { each: true })
  @IsNotBlank({ each: true })
  cities?: string[];

  @JSONSchema({ description: 'Smallest company size, in employees' })
  @IsInt()
  @IsOptional()
  @Min(0)
  employees_min?: number;

  @JSONSchema({ description: 'Largest company size, in employees' })
  @IsInt()
  @IsOptional()
  @Min(0)
  @IsNotLessThan('employees_min')
  employees_max?: number;

  @JSONSchema({
    description:
      'Keywords; a prospect passes with any of them in its title, department, tags, company name or industry',
  })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(MAX_TEXT, { each: true })
  @IsNotBlank({ each: true })
  keywords?: string[];

  @JSONSchema({
    description:
      'Only prospects whose latest fit score (kept by research.score_fit), 0 to 100, is at least ' +
      'this, e.g. 70 for "scored above 70"; unscored prospects never pass',
  })
  @IsInt()
  @IsOptional()
  @Min(0)
  @Max(100)
  min_score?: number;

  @JSONSchema({
    description:
      'The order: "name" (default), "-score" (best latest fit score first, e.g. for "the 10 ' +
      'best-fitting" with limit 10) or "score" (lowest first); unscored prospects come last',
  })
  @IsIn(PROSPECT_SORTS)
  @IsOptional()
  sort?: ProspectSort;

  @JSONSchema({
    description:
      'The fictional sample prospects loaded on first start: true includes them, false leaves ' +
      'them out. By default they are found only while no other prospect exists',
  })
  @IsBoolean()
  @IsOptional()
  include_sample?: boolean;

  @JSONSchema({
    description: `Most prospects to return, 1 to ${MAX_SEARCH_LIMIT} (default ${DEFAULT_SEARCH_LIMIT})`,
  })
  @IsInt()
  @IsOptional()
  @Min(1)
  @Max(MAX_SEARCH_LIMIT)
  limit?: number;
}

/** The prospect database as an agent: finds the people a job works on. */
@Injectable()
@Agent({
  name: 'prospects',
  description:
    'The prospect database: finds prospects by title, seniority, department, industry, place, company size and latest fit score, and imports them from CSV exports',
})
export class ProspectsAgent {
  constructor(
    private readonly prospects: ProspectsService,
    private readonly importer: ProspectCsvImportService,
  ) {}

  @Action({
    name: 'search',
    description:
      'Finds prospects matching the criteria (all criteria apply together; several values of one criterion are alternatives) and writes them to `prospects`. Opted-out prospects are never returned; the fictional sample prospects only while no other prospect exists, unless include_sample says otherwise',
    params: SearchProspectsParams,
    writes: ['prospects'],
  })
  async search(params: SearchProspectsParams): Promise<ActionResult> {
    const limit = params.limit ?? DEFAULT_SEARCH_LIMIT;
    const page = await this.prospects.search(
      {
        titles: params.titles,
        seniorities: params.seniorities,
        departments: params.departments,
        industries: params.industries,
        countries: params.countries,
        cities: params.cities,
        employeesMin: params.employees_min,
        employeesMax: params.employees_max,
        keywords: params.keywords,
        optedOut: false,
        includeSample: params.include_sample,
        minScore: params.min_score,
      },
      { skip: 0, limit, sort: params.sort },
    );
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
    const mapping = params.mapping === undefined ? undefined : readCsvMapping(params.mapping);
    if (mapping && 'problem' in mapping) throw new ActionError(mapping.problem);
    const result = await this.importer
      .import(csv, {
        source: params.source ?? 'csv',
        tags: params.tags,
        collectIds: true,
        mapping: mapping?.mapping,
      })
      .catch((error: unknown) => {
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
