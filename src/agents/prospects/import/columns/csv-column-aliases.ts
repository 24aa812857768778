/**
 * The prospect fields a CSV column can fill. Several columns may fill one field: the first
 * non-empty value wins, except `tags`, which collects every tag column.
 */
export const CSV_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'title',
  'seniority',
  'department',
  'companyName',
  'domain',
  'website',
  'linkedinUrl',
  'industry',
  'employees',
  'city',
  'country',
  'location',
  'companyLocation',
  'companyCity',
  'companyCountry',
  'tags',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** The export formats whose headers are recognised, plus plain hand-written names. */
export type CsvFamily = 'plain' | 'sales_navigator' | 'apollo' | 'hubspot';

/**
 * Column headers by family, as the tools write them. Headers compare without case, spaces or
 * punctuation ("First Name" = "first_name" = "FIRSTNAME", "# Employees" = "Employees"), so each
 * spelling is listed once. One header never names two fields (a spec checks it).
 */
export const CSV_COLUMN_ALIASES: Record<CsvFamily, Partial<Record<CsvField, readonly string[]>>> = {
  plain: {
    name: ['name', 'full name', 'contact name', 'person name'],
    firstName: ['first name', 'firstname', 'given name', 'first'],
    lastName: ['last name', 'surname', 'family name', 'last'],
    email: ['email', 'e-mail', 'email address', 'work email', 'business email', 'mail'],
    title: ['title', 'job title', 'position', 'role', 'job'],
    seniority: ['seniority', 'level', 'seniority level'],
    department: ['department', 'departments', 'function', 'team'],
    companyName: ['company', 'company name', 'organization', 'organisation', 'employer'],
    domain: ['domain', 'company domain', 'website domain'],
    website: ['website', 'company website', 'web', 'homepage'],
    linkedinUrl: ['linkedin', 'linkedin url', 'linkedin profile'],
    industry: ['industry', 'sector', 'vertical'],
    employees: ['employees', 'employee count', 'company size', 'size', 'headcount'],
    city: ['city', 'town'],
    country: ['country'],
    location: ['location'],
    companyLocation: ['headquarters', 'hq', 'hq location', 'headquarters location'],
    tags: ['tags', 'tag', 'labels', 'label'],
  },
  sales_navigator: {
    name: ['lead name', 'full name'],
    title: ['current title', 'job title'],
    companyName: ['account name', 'current company', 'company'],
    website: ['company website', 'account website'],
    linkedinUrl: [
      'profile url',
      'linkedin profile url',
      'sales navigator url',
      'sales navigator profile url',
      'lead url',
      'public profile url',
    ],
    location: ['geography', 'lead geography', 'location'],
    industry: ['account industry', 'industry'],
    employees: ['company size', 'account size', 'employees', 'company headcount'],
    companyLocation: ['company location', 'account geography', 'account location'],
  },
  apollo: {
    firstName: ['first name'],
    lastName: ['last name'],
    title: ['title'],
    companyName: ['company', 'company name for emails'],
    email: ['email', 'secondary email'],
    seniority: ['seniority'],
    department: ['departments', 'sub departments'],
    linkedinUrl: ['person linkedin url'],
    website: ['website'],
    industry: ['industry'],
    employees: ['# employees'],
    city: ['city'],
    country: ['country'],
    companyCity: ['company city'],
    companyCountry: ['company country'],
    tags: ['keywords', 'lists'],
  },
  hubspot: {
    firstName: ['first name'],
    lastName: ['last name'],
    email: ['email'],
    title: ['job title'],
    companyName: ['company name', 'associated company', 'associated company name'],
    website: ['website url'],
    domain: ['company domain name'],
    industry: ['industry'],
    employees: ['number of employees'],
    city: ['city'],
    country: ['country/region', 'country / region'],
    linkedinUrl: ['linkedin url', 'linkedin profile url', 'linkedin bio'],
  },
};

/** Whose value a field is: the person's, or their company's (tags are the person's). */
export const FIELD_ENTITY: Record<CsvField, CsvEntity> = {
  name: 'person',
  firstName: 'person',
  lastName: 'person',
  email: 'person',
  title: 'person',
  seniority: 'person',
  department: 'person',
  linkedinUrl: 'person',
  city: 'person',
  country: 'person',
  location: 'person',
  tags: 'person',
  companyName: 'company',
  domain: 'company',
  website: 'company',
  industry: 'company',
  employees: 'company',
  companyLocation: 'company',
  companyCity: 'company',
  companyCountry: 'company',
};
export type CsvEntity = 'person' | 'company';

/**
 * Words that start a header to say whose value it is ("Company Industry", "Contact Email",
 * "Organization - Name"), compared as header keys.
 */
export const ENTITY_PREFIXES: Record<CsvEntity, readonly string[]> = {
  company: ['company', 'organization', 'organisation', 'org', 'account', 'employer'],
  person: ['person', 'contact', 'lead', 'prospect'],
};

/**
 * What a header means after a company prefix when its rest alone would name a person's field
 * ("Company Name" is the company's name, "Company City" its city), or names nothing by itself
 * ("Company URL").
 */
export const AFTER_COMPANY_PREFIX: Partial<Record<CsvField, readonly string[]>> = {
  companyName: ['name'],
  website: ['url', 'web address'],
  domain: ['primary domain'],
  employees: ['num employees', 'estimated num employees', 'employee range', 'staff count'],
  companyLocation: ['location'],
  companyCity: ['city'],
  companyCountry: ['country'],
};

/** A header as compared: lower case letters and digits only. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Every alias by its key, across the families (or of the tables given). */
export function aliasLookup(
  tables: readonly Partial<Record<CsvField, readonly string[]>>[] = Object.values(
    CSV_COLUMN_ALIASES,
  ),
): Map<string, CsvField> {
  const lookup = new Map<string, CsvField>();
  for (const fields of tables) {
    for (const [field, aliases] of Object.entries(fields) as [CsvField, readonly string[]][]) {
      for (const alias of aliases) lookup.set(headerKey(alias), field);
    }
  }
  return lookup;
}
