import { Injectable } from '@nestjs/common';
import { CsvError } from 'csv-parse';
import { Readable } from 'node:stream';
import { CsvNotImportableException } from '../../exceptions/csv-import.exceptions';
import type { CsvFieldMapping } from '../columns/csv-column-mapping.util';
import { csvHeaderProblem, CsvHeader, readCsvHeader } from '../columns/csv-header.util';
import { CsvDelimiter, detectDelimiter, readHead } from '../csv-delimiter.util';
import { csvEncodingProblem } from '../csv-encoding.util';
import { createCsvParser } from '../csv-parser.util';
import { CsvFieldProblem, CsvRowDefaults, prospectFromCsvRow, readCsvRow } from '../csv-row.util';
import { PreviewProspect, previewProspect } from './preview-prospect.util';

export const DEFAULT_PREVIEW_ROWS = 10;
export const MAX_PREVIEW_ROWS = 50;

export interface CsvPreviewOptions extends CsvRowDefaults {
  mapping?: CsvFieldMapping;
  /** Data rows to answer (1–MAX_PREVIEW_ROWS). */
  rows: number;
}

/** One data row as the import would take it. */
export interface CsvPreviewRow {
  /** 1 = the first row after the header. */
  row: number;
  /** `skipped`: the import would not store it (its errors say why). */
  status: 'ok' | 'skipped';
  /** The prospect as it would be stored when new; null when skipped. */
  prospect: PreviewProspect | null;
  /** Its errors and warnings, as the import would report them. */
  problems: CsvFieldProblem[];
}

export interface CsvPreview {
  delimiter: CsvDelimiter;
  encoding: 'utf-8';
  /** The file starts with a UTF-8 byte order mark (Excel's "CSV UTF-8"). */
  hasBom: boolean;
  /** The header row as the file writes it. */
  columns: string[];
  header: CsvHeader;
  rows: CsvPreviewRow[];
  /** The file ended within the rows read: `rows` is all of it. */
  complete: boolean;
}

/**
 * What an import of a CSV would do with its first rows, writing nothing: the delimiter and
 * encoding found, the mapping of its columns, and each row as a prospect with its problems. Only
 * the start of the upload is read: the parser stops after the rows asked for.
 */
@Injectable()
export class CsvImportPreviewService {
  async preview(source: Readable, options: CsvPreviewOptions): Promise<CsvPreview> {
    const { head, ended } = await readHead(source);
    // An error emitted while readHead's answer was on its way (a body past its limit) is only here.
    if (source.errored) throw source.errored;
    const encodingProblem = csvEncodingProblem(head);
    if (encodingProblem) throw new CsvNotImportableException(encodingProblem);
    const delimiter = detectDelimiter(head.toString('utf8'));
    const parser = createCsvParser(delimiter);
    source.once('error', (error) => parser.destroy(error));
    if (ended) parser.end(head);
    else {
      parser.write(head);
      source.pipe(parser);
    }
    let header: CsvHeader | undefined;
    let columns: string[] = [];
    const rows: CsvPreviewRow[] = [];
    let complete = true;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        if (!header) {
          columns = record;
          header = readCsvHeader(record, options.mapping);
          const problem = csvHeaderProblem(header, record);
          if (problem) throw new CsvNotImportableException(problem);
        } else if (rows.length === options.rows) {
          complete = false;
          break;
        } else rows.push(previewRow(rows.length + 1, record, header, options));
      }
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      throw new CsvNotImportableException(`The CSV is malformed: ${error.message}`);
    } finally {
      // The rest of the upload is not read (the connection closes after the answer).
      source.unpipe(parser);
      parser.destroy();
    }
    if (!header) throw new CsvNotImportableException('The CSV is empty');
    const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    return { delimiter, encoding: 'utf-8', hasBom, columns, header, rows, complete };
  }
}

function previewRow(
  row: number,
  record: string[],
  header: CsvHeader,
  defaults: CsvRowDefaults,
): CsvPreviewRow {
  const result = prospectFromCsvRow(readCsvRow(record, header), header, defaults);
  if ('errors' in result)
    return { row, status: 'skipped', prospect: null, problems: result.errors };
  const prospect = previewProspect(result.input);
  if ('error' in prospect) {
    const problem: CsvFieldProblem = { field: 'name', message: prospect.error, severity: 'error' };
    return { row, status: 'skipped', prospect: null, problems: [...result.warnings, problem] };
  }
  return { row, status: 'ok', prospect, problems: result.warnings };
}
