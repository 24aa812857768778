import { Injectable } from '@nestjs/common';
import { CsvError } from 'csv-parse';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import {
  CsvNotImportableException,
  ImportCancelledException,
  ImportStopCounts,
  MalformedCsvException,
} from '../exceptions/csv-import.exceptions';
import type { ProspectInput } from '../upsert/prospect-input.types';
import { ProspectUpsertService } from '../upsert/prospect-upsert.service';
import { detectDelimiter, readHead } from './csv-delimiter.util';
import type { CsvFieldMapping } from './columns/csv-column-mapping.util';
import { csvEncodingProblem } from './csv-encoding.util';
import { createCsvParser } from './csv-parser.util';
import { csvHeaderProblem, CsvHeader, readCsvHeader } from './columns/csv-header.util';
import { CsvFieldProblem, CsvRowDefaults, prospectFromCsvRow, readCsvRow } from './csv-row.util';

/**
 * Rows written per transaction: large enough to amortise its commit (each commit writes every
 * index page the batch touched: commits cost 7.6 s of CPU per 100,000 rows at 1,000 rows, 2.1 s
 * at 5,000), small enough to bound memory (5,000 was no faster than 2,000 and peaked higher).
 */
export const IMPORT_BATCH_ROWS = 2000;
/** Row problems (errors and warnings) listed in the answer; the rest are only counted. */
export const MAX_REPORTED_ERRORS = 1000;

export interface CsvImportOptions {
  /** Stored as each prospect's source (kept when a duplicate already has one). */
  source: string;
  /** Added to each row's tags. */
  tags?: readonly string[];
  /** Also answer the ids of the prospects the file touched, in file order (small files only). */
  collectIds?: boolean;
  /**
   * CSV column → field (null: ignore the column), over the guess from the headers. A column it
   * names that the file does not have makes the file not importable.
   */
  mapping?: CsvFieldMapping;
  /**
   * Parse and validate every row as an import would, and write nothing: the rows that would be
   * written are answered in `inputs` (small files only: a plan's preview of context.csv).
   */
  dryRun?: boolean;
  /**
   * Progress and cancel: its counts are read while the import runs, it checkpoints before each
   * batch, and an abort of its signal stops the import between batches (ImportCancelledException).
   */
  tracker?: CsvImportTracker;
}

/** What the import needs of a progress record (ImportTracker). */
export interface CsvImportTracker {
  readonly signal: AbortSignal;
  watch(counts: () => ImportStopCounts): void;
  checkpoint(): Promise<void>;
}

/**
 * A problem with a row: its number (1 = the first row after the header), the column and the
 * reason; an `error` skipped the row, a `warning` left one value out (or stored it cleaned).
 */
export interface CsvRowError extends CsvFieldProblem {
  row: number;
}

export interface CsvImportResult {
  /** Data rows read (the header and blank lines not counted). */
  rows: number;
  /** New prospects. */
  inserted: number;
  /** Rows merged into a prospect that existed, or that an earlier row of the file created. */
  updated: number;
  /** Rows not stored, each with its reasons (severity error) in `errors`. */
  skipped: number;
  /** Values of stored rows left out or cleaned, each a warning in `errors`. */
  warnings: number;
  /** The problems of the rows, errors and warnings, in file order; MAX_REPORTED_ERRORS at most. */
  errors: CsvRowError[];
  /** More problems than MAX_REPORTED_ERRORS were found. */
  errorsTruncated: boolean;
  /** Non-blank headers whose values were not imported (unknown, or ignored by the mapping). */
  unmappedColumns: string[];
  /** Headers that name no known field and that the mapping does not name. */
  unknownColumns: string[];
  /** Each non-blank header → the field it filled, or null: the explicit mapping and the guess. */
  mapping: CsvFieldMapping;
  source: string;
  /** With `collectIds`: the prospects inserted or updated, each once, in file order. */
  prospectIds?: string[];
  /**
   * With `dryRun`: the rows that would be written, in file order (nothing was; `inserted` counts
   * them, as duplicates are only found on writing).
   */
  inputs?: ProspectInput[];
}

/**
 * Imports prospects from a CSV as it streams in: rows are parsed as they arrive, validated, and
 * written through ProspectUpsertService in transactions of IMPORT_BATCH_ROWS rows, so memory stays
 * bounded whatever the file size. Duplicates merge (email, LinkedIn URL, name + company), also
 * within the file.
 */
@Injectable()
export class ProspectCsvImportService {
  constructor(
    private readonly upserts: ProspectUpsertService,
    @InjectPinoLogger(ProspectCsvImportService.name) private readonly logger: PinoLogger,
  ) {}

  async import(csv: Readable | string, options: CsvImportOptions): Promise<CsvImportResult> {
    const started = performance.now();
    const run = new CsvImportRun(
      this.upserts,
      { source: options.source, tags: options.tags ?? [] },
      options.mapping,
    );
    if (options.collectIds) run.prospectIds = new Set();
    if (options.dryRun) run.inputs = [];
    run.tracker = options.tracker;
    options.tracker?.watch(() => run.counts());
    const source = typeof csv === 'string' ? Readable.from([Buffer.from(csv)]) : csv;
    const { head, ended } = await readHead(source);
    // An error emitted while readHead's answer was on its way (a body past its limit) is only here.
    if (source.errored) throw source.errored;
    const encodingProblem = csvEncodingProblem(head);
    if (encodingProblem) throw new CsvNotImportableException(encodingProblem);
    const parser = createCsvParser(detectDelimiter(head.toString('utf8')));
    source.once('error', (error) => parser.destroy(error));
    // A cancel while the upload stalls: stop reading now, not at the next row.
    options.tracker?.signal.addEventListener('abort', () => parser.destroy(), { once: true });
    if (ended) parser.end(head);
    else {
      parser.write(head);
      source.pipe(parser);
    }
    try {
      for await (const record of parser) await run.add(record as string[]);
    } catch (error) {
      source.unpipe(parser);
      if (options.tracker?.signal.aborted) throw new ImportCancelledException(run.counts());
      if (!(error instanceof CsvError)) throw error;
      await run.flush();
      throw new MalformedCsvException({
        ...run.counts(),
        line: lineOf(error),
        reason: error.message,
      });
    }
    if (options.tracker?.signal.aborted) {
      source.unpipe(parser);
      throw new ImportCancelledException(run.counts());
    }
    const result = await run.finish();
    if (result.inserted + result.updated > 0 && !options.dryRun)
      await this.upserts.afterBulkWrite();
    this.logger.info(
      { ...run.counts(), ms: Math.round(performance.now() - started), source: options.source },
      'CSV import finished',
    );
    return result;
  }
}

const lineOf = (error: CsvError) => (error as CsvError & { lines?: number }).lines;

/** One import in progress: the header, the batch being filled, and the counts. */
class CsvImportRun {
  prospectIds?: Set<string>;
  tracker?: CsvImportTracker;
  /** Set for a dry run: the rows that would be written, collected instead. */
  inputs?: ProspectInput[];
  private header?: CsvHeader;
  private rows = 0;
  private inserted = 0;
  private updated = 0;
  private skipped = 0;
  private warnings = 0;
  private readonly errors: CsvRowError[] = [];
  private errorsTruncated = false;
  private batch: ProspectInput[] = [];
  private batchRows: number[] = [];

  constructor(
    private readonly upserts: ProspectUpsertService,
    private readonly defaults: CsvRowDefaults,
    private readonly explicitMapping: CsvFieldMapping = {},
  ) {}

  async add(record: string[]): Promise<void> {
    if (!this.header) {
      this.header = readCsvHeader(record, this.explicitMapping);
      const problem = csvHeaderProblem(this.header, record);
      if (problem) throw new CsvNotImportableException(problem);
      return;
    }
    const row = ++this.rows;
    const result = prospectFromCsvRow(readCsvRow(record, this.header), this.header, this.defaults);
    if ('errors' in result) {
      this.skip(row, result.errors);
      return;
    }
    this.warnings += result.warnings.length;
    this.report(row, result.warnings);
    this.batch.push(result.input);
    this.batchRows.push(row);
    if (this.batch.length >= IMPORT_BATCH_ROWS) await this.flush();
  }

  /** Writes the rows collected so far in one transaction. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    if (this.tracker) {
      await this.tracker.checkpoint();
      // Cancelled: this batch is not written, so only whole batches ever are.
      if (this.tracker.signal.aborted) throw new ImportCancelledException(this.counts());
    }
    const [inputs, rows] = [this.batch, this.batchRows];
    this.batch = [];
    this.batchRows = [];
    if (this.inputs) {
      this.inputs.push(...inputs);
      this.inserted += inputs.length;
      return;
    }
    const outcomes = await this.upserts.upsertMany(inputs);
    outcomes.forEach((outcome, index) => {
      if (outcome.action === 'skipped') {
        this.skip(rows[index], [{ field: 'name', message: outcome.reason, severity: 'error' }]);
        return;
      }
      if (outcome.action === 'inserted') this.inserted++;
      else this.updated++;
      this.prospectIds?.add(outcome.id);
    });
  }

  async finish(): Promise<CsvImportResult> {
    if (!this.header) throw new CsvNotImportableException('The CSV is empty');
    if (this.rows === 0) {
      throw new CsvNotImportableException('The CSV has a header but no data rows');
    }
    await this.flush();
    return {
      ...this.counts(),
      errors: this.errors,
      errorsTruncated: this.errorsTruncated,
      unmappedColumns: this.header.unmappedColumns,
      unknownColumns: this.header.unknownColumns,
      mapping: this.header.mapping,
      source: this.defaults.source,
      prospectIds: this.prospectIds && [...this.prospectIds],
      ...(this.inputs ? { inputs: this.inputs } : {}),
    };
  }

  counts(): ImportStopCounts {
    return {
      rows: this.rows,
      inserted: this.inserted,
      updated: this.updated,
      skipped: this.skipped,
      warnings: this.warnings,
    };
  }

  private skip(row: number, errors: CsvFieldProblem[]): void {
    this.skipped++;
    this.report(row, errors);
  }

  private report(row: number, problems: CsvFieldProblem[]): void {
    for (const problem of problems) {
      if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ row, ...problem });
      else this.errorsTruncated = true;
    }
  }
}
