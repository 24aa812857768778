import { isEmail } from 'class-validator';
import { cleanPersonText, PERSON_TEXT_PROBLEMS } from '../utils/person-text.util';
import { normaliseDomain } from '../utils/normalise.util';
import { CSV_FIELDS, CsvField } from './columns/csv-column-aliases';
import { isLinkedinUrl, parseEmployeeCount } from './csv-values.util';

/** A row's values by field: the first non-empty cell of each; tags from every tag column. */
export type CsvRowValues = Partial<Record<CsvField, string>>;

/** A value of a row that is not stored as written: dropped, or (with `stored`) cleaned. */
export interface CsvValueProblem {
  field: CsvField;
  /** What is wrong with it, quoting the value when it is dropped. */
  reason: string;
  /** The cleaned text stored instead. */
  stored?: string;
}

/** A row's values checked: those that can be stored, and what happened to the others. */
export interface CheckedCsvRow {
  values: CsvRowValues;
  problems: CsvValueProblem[];
}

/** Longest text per field (the column sizes), so a row never fails in the database. */
const MAX_LENGTH: Partial<Record<CsvField, number>> = {
  name: 255,
  firstName: 128,
  lastName: 128,
  email: 320,
  title: 255,
  department: 64,
  companyName: 255,
  domain: 255,
  website: 2048,
  linkedinUrl: 512,
  industry: 128,
  city: 128,
  country: 128,
  location: 256,
  companyLocation: 256,
  companyCity: 128,
  companyCountry: 128,
};

/** Fields stored as text and pasted into emails: cleaned of formulas, markup and links. */
const PERSON_TEXT_FIELDS = new Set<CsvField>([
  'name',
  'firstName',
  'lastName',
  'title',
  'department',
  'companyName',
  'industry',
  'city',
  'country',
  'location',
  'companyLocation',
  'companyCity',
  'companyCountry',
]);

/** Why a value of a field that must have a form (an email, a count, a URL) does not. */
const FORMAT_CHECKS: Partial<Record<CsvField, (value: string) => string | undefined>> = {
  email: (value) => (isEmail(value) ? undefined : `not an email address: ${quoted(value)}`),
  employees: (value) =>
    parseEmployeeCount(value) === undefined
      ? `not an employee count (a whole number of at least 0, or a range such as 51-200): ${quoted(value)}`
      : undefined,
  linkedinUrl: (value) =>
    isLinkedinUrl(value) ? undefined : `not a LinkedIn URL: ${quoted(value)}`,
  website: (value) => (normaliseDomain(value) ? undefined : `not a web address: ${quoted(value)}`),
  domain: (value) => (normaliseDomain(value) ? undefined : `not a domain: ${quoted(value)}`),
};

export const quoted = (value: string) =>
  `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;

/**
 * Checks each value of a row on its own, in field order: person text cleaned of spreadsheet
 * formulas, markup and links (cleanPersonText), then held to its column's length and, for an
 * email, count or URL, to its form. A value that fails is left out of `values`; one that was
 * cleaned is kept in its clean form. Whether the row is still a person is the caller's decision.
 */
export function checkCsvRowValues(values: CsvRowValues): CheckedCsvRow {
  const usable: CsvRowValues = {};
  const problems: CsvValueProblem[] = [];
  for (const field of CSV_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    const checked = checkValue(field, value);
    if (checked.problem) problems.push(checked.problem);
    if (checked.value !== undefined) usable[field] = checked.value;
  }
  return { values: usable, problems };
}

function checkValue(field: CsvField, raw: string): { value?: string; problem?: CsvValueProblem } {
  let value = raw;
  let cleaning: CsvValueProblem | undefined;
  if (PERSON_TEXT_FIELDS.has(field)) {
    const clean = cleanPersonText(raw);
    if (clean.problem) {
      const reason = PERSON_TEXT_PROBLEMS[clean.problem];
      if (clean.text === undefined)
        return { problem: { field, reason: `${reason}: ${quoted(raw)}` } };
      value = clean.text;
      cleaning = { field, reason, stored: value };
    }
  }
  const max = MAX_LENGTH[field];
  if (max !== undefined && value.length > max) {
    return { problem: { field, reason: `longer than ${max} characters: ${quoted(value)}` } };
  }
  const formatProblem = FORMAT_CHECKS[field]?.(value);
  if (formatProblem) return { problem: { field, reason: formatProblem } };
  return { value, problem: cleaning };
}
