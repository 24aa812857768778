import type { CompanyInput, ProspectInput } from '../upsert/prospect-input.types';
import { fullName, normaliseDomain, normaliseEmail } from '../utils/normalise.util';
import type { CsvField } from './columns/csv-column-aliases';
import type { CsvHeader } from './columns/csv-header.util';
import { checkCsvRowValues, CsvRowValues, CsvValueProblem, quoted } from './csv-row-checks.util';
import {
  cellValue,
  companyDomainFromEmail,
  nameFromEmail,
  parseDepartment,
  parseEmployeeCount,
  parseLocation,
  parseSeniority,
  splitTags,
} from './csv-values.util';

export type { CsvRowValues } from './csv-row-checks.util';

/**
 * A problem with one value of a row: the column (as the header names it) and the reason. An
 * `error` skipped the row; a `warning` left the value out (or stored it cleaned) and kept the row.
 */
export interface CsvFieldProblem {
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** What every row of one import gets: its source and extra tags. */
export interface CsvRowDefaults {
  source: string;
  tags: readonly string[];
}

/** A row as a prospect, with what was left out of it; or why it is skipped. */
export type CsvRowResult =
  { input: ProspectInput; warnings: CsvFieldProblem[] } | { errors: CsvFieldProblem[] };

const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 100;
/** The fields that say who the person is: a row needs one of them. */
const IDENTITY_FIELDS = new Set<CsvField>(['name', 'firstName', 'lastName', 'email']);

/** The cells of one record by field, per the header (mapped columns first: see `order`). */
export function readCsvRow(record: readonly string[], header: CsvHeader): CsvRowValues {
  const values: CsvRowValues = {};
  const { fields, order } = header;
  for (const index of order) {
    const field = fields[index];
    if (!field) continue;
    const value = cellValue(record[index]);
    if (value === undefined) continue;
    if (field === 'tags' && values.tags) values.tags = `${values.tags},${value}`;
    else values[field] ??= value;
  }
  return values;
}

/**
 * Why a row is skipped, or nothing when it has a person: a name (or first or last name) or an
 * email that survived the checks. The errors are the identity values' own problems (a bad email,
 * a name that was only a formula), else that none was given.
 */
function identityErrors(
  values: CsvRowValues,
  problems: CsvValueProblem[],
  header: CsvHeader,
): CsvFieldProblem[] {
  if (values.name || values.firstName || values.lastName || values.email) return [];
  const reasons = problems.filter((problem) => IDENTITY_FIELDS.has(problem.field));
  if (reasons.length > 0) {
    return reasons.map(({ field, reason }) => ({
      field: header.columnOf[field] ?? field,
      message: reason,
      severity: 'error',
    }));
  }
  const column = header.columnOf.name ?? header.columnOf.firstName ?? header.columnOf.email;
  return [
    {
      field: column ?? 'name',
      message: 'a name (or first and last name) or an email is required',
      severity: 'error',
    },
  ];
}

/**
 * A cell holding a NUL character (U+0000: a binary or mis-encoded file, never a person's text),
 * which Postgres cannot store: the row is skipped, naming each such column.
 */
function nulCharacterErrors(values: CsvRowValues, header: CsvHeader): CsvFieldProblem[] {
  return (Object.keys(values) as CsvField[])
    .filter((field) => values[field]?.includes('\u0000'))
    .map((field) => ({
      field: header.columnOf[field] ?? field,
      message: 'holds a NUL character (\\u0000)',
      severity: 'error',
    }));
}

/** A value left out or cleaned, as the warning says it. */
function warningOf(problem: CsvValueProblem, header: CsvHeader): CsvFieldProblem {
  const outcome =
    problem.stored !== undefined
      ? `stored the text ${quoted(problem.stored)}`
      : problem.field === 'email'
        ? 'the person was kept without an email'
        : 'not stored';
  return {
    field: header.columnOf[problem.field] ?? problem.field,
    message: `${problem.reason}; ${outcome}`,
    severity: 'warning',
  };
}

/**
 * A row as a prospect to store, with a warning for each value left out or cleaned; or, when no
 * name or email is left to say who the person is (or a cell holds a NUL character), why it is
 * skipped.
 */
export function prospectFromCsvRow(
  raw: CsvRowValues,
  header: CsvHeader,
  defaults: CsvRowDefaults,
): CsvRowResult {
  const nul = nulCharacterErrors(raw, header);
  if (nul.length > 0) return { errors: nul };
  const checked = checkCsvRowValues(raw);
  const errors = identityErrors(checked.values, checked.problems, header);
  if (errors.length > 0) return { errors };
  const values = checked.values;
  const warnings = checked.problems.map((problem) => warningOf(problem, header));
  const email = normaliseEmail(values.email);
  const location = values.location ? parseLocation(values.location) : {};
  const name =
    values.name ?? fullName(values.firstName, values.lastName) ?? nameFromEmail(email ?? '');
  const tags = tagsOf(values.tags, defaults, header, warnings);
  return {
    warnings,
    input: {
      name,
      firstName: values.firstName,
      lastName: values.lastName,
      email,
      title: values.title,
      seniority: values.seniority ? parseSeniority(values.seniority) : undefined,
      department: values.department ? parseDepartment(values.department) : undefined,
      city: values.city ?? location.city,
      country: values.country ?? location.country,
      linkedinUrl: values.linkedinUrl,
      source: defaults.source,
      tags,
      company: companyOf(values, email),
    },
  };
}

/**
 * The row's company: named by its column, else by its domain. The domain comes from the domain
 * column, the website, or a work email; a domain column holding a URL is the website too, when
 * there is no other.
 */
function companyOf(values: CsvRowValues, email: string | undefined): CompanyInput | undefined {
  const domain =
    normaliseDomain(values.domain) ??
    normaliseDomain(values.website) ??
    (email ? companyDomainFromEmail(email) : undefined);
  const name = values.companyName ?? domain;
  if (!name) return undefined;
  const location = values.companyLocation ? parseLocation(values.companyLocation) : {};
  return {
    name,
    domain,
    websiteUrl: values.website ?? (isWebUrl(values.domain) ? values.domain : undefined),
    industry: values.industry,
    employeeCount: values.employees ? parseEmployeeCount(values.employees) : undefined,
    city: values.companyCity ?? location.city,
    country: values.companyCountry ?? location.country,
  };
}

const isWebUrl = (value: string | undefined) => value !== undefined && /^https?:\/\//i.test(value);

/** The import's tags and the row's, those too long or past MAX_TAGS left out with a warning. */
function tagsOf(
  text: string | undefined,
  defaults: CsvRowDefaults,
  header: CsvHeader,
  warnings: CsvFieldProblem[],
): string[] {
  const field = header.columnOf.tags ?? 'tags';
  const warn = (message: string) => warnings.push({ field, message, severity: 'warning' });
  const tags = [...defaults.tags];
  for (const tag of splitTags(text ?? '')) {
    if (tag.length <= MAX_TAG_LENGTH) tags.push(tag);
    else warn(`tag longer than ${MAX_TAG_LENGTH} characters: ${quoted(tag)}; not stored`);
  }
  if (tags.length > MAX_TAGS) warn(`more than ${MAX_TAGS} tags; the first ${MAX_TAGS} stored`);
  return tags.slice(0, MAX_TAGS);
}
