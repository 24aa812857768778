import { CSV_FIELDS, CsvField, headerKey } from './csv-column-aliases';

/** The names a mapping uses for the fields, as the API writes them (snake_case). */
export const CSV_FIELD_NAMES: Record<CsvField, string> = {
  name: 'name',
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  title: 'title',
  seniority: 'seniority',
  department: 'department',
  companyName: 'company_name',
  domain: 'domain',
  website: 'website',
  linkedinUrl: 'linkedin_url',
  industry: 'industry',
  employees: 'employees',
  city: 'city',
  country: 'country',
  location: 'location',
  companyLocation: 'company_location',
  companyCity: 'company_city',
  companyCountry: 'company_country',
  tags: 'tags',
};

/** Every field name a mapping may use, in field order. */
export const MAPPING_FIELD_NAMES: readonly string[] = CSV_FIELDS.map(
  (field) => CSV_FIELD_NAMES[field],
);

/** Most columns one mapping may name. */
export const MAX_MAPPING_COLUMNS = 200;
const MAX_COLUMN_LENGTH = 256;

/** CSV column → field name, or null to ignore the column: as a request sends it. */
export type CsvColumnMapping = Record<string, string | null>;
/** CSV column → field, or null to ignore the column: as the importer applies it. */
export type CsvFieldMapping = Record<string, CsvField | null>;

const FIELD_BY_KEY = new Map(
  CSV_FIELDS.map((field) => [headerKey(CSV_FIELD_NAMES[field]), field] as const),
);

const EXAMPLE = '{"Company Industry": "industry", "Notes": null}';
const FIELD_LIST = `the fields: ${MAPPING_FIELD_NAMES.join(', ')}`;

/**
 * A mapping as sent, checked: a JSON object of CSV column → field name or null (ignore the
 * column). Field names compare like headers ("first_name" = "First Name" = "firstName"). The
 * problem names what is wrong and lists the fields.
 */
export function readCsvMapping(value: unknown): { mapping: CsvFieldMapping } | { problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      problem: `mapping must be a JSON object of CSV column → field name, or null to ignore the column (e.g. ${EXAMPLE}); ${FIELD_LIST}`,
    };
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_MAPPING_COLUMNS) {
    return { problem: `mapping names ${entries.length} columns; at most ${MAX_MAPPING_COLUMNS}` };
  }
  const used: [string, CsvField | null][] = [];
  const problems: string[] = [];
  const byKey = new Map<string, { column: string; field: CsvField | null }>();
  for (const [column, target] of entries) {
    const key = headerKey(column);
    if (!key || column.length > MAX_COLUMN_LENGTH) {
      problems.push(`${quote(column)} is not a column name`);
      continue;
    }
    const field = fieldOf(target);
    if (field === undefined) {
      problems.push(`${quote(column)} → ${shown(target)} is not a field`);
      continue;
    }
    const earlier = byKey.get(key);
    if (earlier && earlier.field !== field) {
      problems.push(`${quote(earlier.column)} and ${quote(column)} name the same column`);
      continue;
    }
    byKey.set(key, { column, field });
    used.push([column, field]);
  }
  if (problems.length > 0) {
    const ignoreHint = problems.some((problem) => /"ignore"|"skip"|"none"/i.test(problem))
      ? ' (null ignores a column)'
      : '';
    return { problem: `mapping is not valid: ${problems.join('; ')}${ignoreHint}; ${FIELD_LIST}` };
  }
  // fromEntries: a column named "__proto__" stays a column.
  return { mapping: Object.fromEntries(used) };
}

/** The field a target names, null for "ignore", undefined when it names none. */
function fieldOf(target: unknown): CsvField | null | undefined {
  if (target === null) return null;
  return typeof target === 'string' ? FIELD_BY_KEY.get(headerKey(target)) : undefined;
}

/** A mapping as the API answers it: field names, not the importer's own. */
export function publicMapping(mapping: CsvFieldMapping): CsvColumnMapping {
  return Object.fromEntries(
    Object.entries(mapping).map(([column, field]) => [column, field && CSV_FIELD_NAMES[field]]),
  );
}

/**
 * The JSON text of a mapping (a query parameter or a form field), read: the object, or a
 * problem when it is no JSON.
 */
export function readCsvMappingText(text: string): ReturnType<typeof readCsvMapping> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return readCsvMapping(undefined);
  }
  return readCsvMapping(value);
}

const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

function shown(target: unknown): string {
  if (typeof target === 'string') return quote(target);
  return JSON.stringify(target) ?? String(target);
}
