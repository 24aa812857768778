import { isEmail } from 'class-validator';
import type { CompanyInput, ProspectInput } from '../upsert/prospect-input.types';
import { fullName, normaliseDomain, normaliseEmail } from '../utils/normalise.util';
import type { CsvField } from './columns/csv-column-aliases';
import type { CsvHeader } from './columns/csv-header.util';
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

/** A row's values by field: the first non-empty cell of each; tags from every tag column. */
export type CsvRowValues = Partial<Record<CsvField, string>>;

/** Why a row was skipped: the column (as the header names it) and the reason. */
export interface CsvFieldError {
  field: string;
  message: string;
}

/** What every row of one import gets: its source and extra tags. */
export interface CsvRowDefaults {
  source: string;
  tags: readonly string[];
}

export type CsvRowResult = { input: ProspectInput } | { errors: CsvFieldError[] };

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
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 100;

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

const quoted = (value: string) => `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;

/** The problems of a row's values, each naming its column; empty when the row can be stored. */
export function csvRowErrors(values: CsvRowValues, header: CsvHeader): CsvFieldError[] {
  const errors: CsvFieldError[] = [];
  const fail = (field: CsvField, message: string) =>
    errors.push({ field: header.columnOf[field] ?? field, message });
  if (!values.name && !values.firstName && !values.lastName && !values.email) {
    errors.push({
      field: header.columnOf.name ?? header.columnOf.firstName ?? header.columnOf.email ?? 'name',
      message: 'a name (or first and last name) or an email is required',
    });
  }
  for (const [field, max] of Object.entries(MAX_LENGTH) as [CsvField, number][]) {
    const value = values[field];
    if (value && value.length > max) fail(field, `longer than ${max} characters`);
  }
  if (values.email && !isEmail(values.email)) {
    fail('email', `not an email address: ${quoted(values.email)}`);
  }
  if (values.employees && parseEmployeeCount(values.employees) === undefined) {
    fail(
      'employees',
      `not an employee count (a whole number of at least 0, or a range such as 51-200): ${quoted(values.employees)}`,
    );
  }
  if (values.linkedinUrl && !/linkedin\.com\//i.test(values.linkedinUrl)) {
    fail('linkedinUrl', `not a LinkedIn URL: ${quoted(values.linkedinUrl)}`);
  }
  if (values.website && !normaliseDomain(values.website)) {
    fail('website', `not a web address: ${quoted(values.website)}`);
  }
  if (values.domain && !normaliseDomain(values.domain)) {
    fail('domain', `not a domain: ${quoted(values.domain)}`);
  }
  return errors;
}

/** A row as a prospect to store, or why it is skipped. */
export function prospectFromCsvRow(
  values: CsvRowValues,
  header: CsvHeader,
  defaults: CsvRowDefaults,
): CsvRowResult {
  const errors = csvRowErrors(values, header);
  if (errors.length > 0) return { errors };
  const email = normaliseEmail(values.email);
  const location = values.location ? parseLocation(values.location) : {};
  const name =
    values.name ?? fullName(values.firstName, values.lastName) ?? nameFromEmail(email ?? '');
  const tags = [...defaults.tags, ...splitTags(values.tags ?? '')]
    .filter((tag) => tag.length <= MAX_TAG_LENGTH)
    .slice(0, MAX_TAGS);
  return {
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
