import { CsvField, headerKey } from './csv-column-aliases';
import type { CsvFieldMapping } from './csv-column-mapping.util';
import { guessCsvField } from './csv-field-guess.util';

/** Columns of the file listed when the mapping names one it does not have. */
const MAX_LISTED_COLUMNS = 50;

/** A CSV header read: the field of each column (undefined: ignored). */
export interface CsvHeader {
  /** By column position. */
  fields: (CsvField | undefined)[];
  /**
   * Column positions in the order their cells are read: the columns the explicit mapping names
   * first, then the others, so a mapped column wins over a guessed one of the same field.
   */
  order: number[];
  /** The header of the first column (in `order`) that fills each field, to name it in row errors. */
  columnOf: Partial<Record<CsvField, string>>;
  /** Each non-blank header as written → the field it fills, or null when it is not imported. */
  mapping: CsvFieldMapping;
  /** Non-blank headers that fill no field (unknown, or ignored by the mapping), in file order. */
  unmappedColumns: string[];
  /** Headers that name no known field and that the mapping does not name, in file order. */
  unknownColumns: string[];
  /** Columns of the explicit mapping that no header names, as the mapping writes them. */
  missingMappedColumns: string[];
}

/**
 * Maps the first row of a CSV to fields: a column the explicit mapping names (compared like
 * headers: without case, spaces or punctuation) gets its field, or none for null; the others are
 * guessed from their header. Blank headers are ignored.
 */
export function readCsvHeader(
  headers: readonly string[],
  explicit: CsvFieldMapping = {},
): CsvHeader {
  const explicitByKey = new Map(
    Object.entries(explicit).map(([column, field]) => [headerKey(column), field]),
  );
  const columns = headers.map((raw) => {
    const text = raw.trim();
    const key = headerKey(text);
    const isNamed = key !== '' && explicitByKey.has(key);
    const field = isNamed ? (explicitByKey.get(key) ?? undefined) : guessCsvField(text);
    return { text, key, isNamed, field };
  });
  const positions = columns.map((_, index) => index);
  const order = [
    ...positions.filter((index) => columns[index].isNamed),
    ...positions.filter((index) => !columns[index].isNamed),
  ];
  const columnOf: CsvHeader['columnOf'] = {};
  for (const index of order) {
    const { field, text } = columns[index];
    if (field) columnOf[field] ??= text;
  }
  const written = columns.filter(({ text }) => text !== '');
  const unmapped = written.filter(({ field }) => !field);
  const namedKeys = new Set(columns.filter(({ isNamed }) => isNamed).map(({ key }) => key));
  return {
    fields: columns.map(({ field }) => field),
    order,
    columnOf,
    // fromEntries: a header named "__proto__" stays a column.
    mapping: Object.fromEntries(written.map(({ text, field }) => [text, field ?? null])),
    unmappedColumns: unmapped.map(({ text }) => text),
    unknownColumns: unmapped.filter(({ isNamed }) => !isNamed).map(({ text }) => text),
    missingMappedColumns: Object.keys(explicit).filter(
      (column) => !namedKeys.has(headerKey(column)),
    ),
  };
}

/**
 * Why a header cannot be imported, or undefined: the explicit mapping must name columns of the
 * file; the header must name at least one known column (else the first row is data, or the file
 * is not a prospect list), and a column that identifies a person (a name, first and last name,
 * or an email).
 */
export function csvHeaderProblem(
  header: CsvHeader,
  headers: readonly string[],
): string | undefined {
  if (header.missingMappedColumns.length > 0) {
    const missing = header.missingMappedColumns.map((column) => JSON.stringify(column));
    const written = headers.map((text) => text.trim()).filter(Boolean);
    const columns = written.slice(0, MAX_LISTED_COLUMNS).map((text) => JSON.stringify(text));
    const more = written.length > MAX_LISTED_COLUMNS ? ', …' : '';
    return `mapping names ${missing.length === 1 ? 'a column' : 'columns'} the file does not have: ${missing.join(', ')}; the file's columns: ${columns.join(', ')}${more}`;
  }
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
