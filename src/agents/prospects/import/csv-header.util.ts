import type { CsvField } from './csv-column-aliases';
import { guessCsvField } from './csv-field-guess.util';

/** A CSV header read: the field of each column (undefined: ignored). */
export interface CsvHeader {
  /** By column position. */
  fields: (CsvField | undefined)[];
  /** The header of the first column that fills each field, to name it in row errors. */
  columnOf: Partial<Record<CsvField, string>>;
  /** Headers that name no known field, as written, in file order. */
  unknownColumns: string[];
}

/** Maps the first row of a CSV to fields; unknown and blank headers are ignored. */
export function readCsvHeader(headers: readonly string[]): CsvHeader {
  const header: CsvHeader = { fields: [], columnOf: {}, unknownColumns: [] };
  for (const raw of headers) {
    const text = raw.trim();
    const field = guessCsvField(text);
    header.fields.push(field);
    if (field) header.columnOf[field] ??= text;
    else if (text) header.unknownColumns.push(text);
  }
  return header;
}

/**
 * Why a header cannot be imported, or undefined: it must name at least one known column (else
 * the first row is data, or the file is not a prospect list), and a column that identifies a
 * person (a name, first and last name, or an email).
 */
export function csvHeaderProblem(
  header: CsvHeader,
  headers: readonly string[],
): string | undefined {
  if (!header.fields.some(Boolean)) {
    const shown = headers
      .slice(0, 5)
      .map((text) => `"${text.trim().slice(0, 40)}"`)
      .join(', ');
    return `The first row must be a header naming the columns (e.g. Name, Email, Title, Company); none of its columns is known: ${shown}`;
  }
  const { columnOf } = header;
  if (!columnOf.name && !columnOf.firstName && !columnOf.lastName && !columnOf.email) {
    return 'The header has no column for the person: add Name (or First Name and Last Name) or Email';
  }
  return undefined;
}
