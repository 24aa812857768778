import {
  AFTER_COMPANY_PREFIX,
  aliasLookup,
  CsvEntity,
  CsvField,
  ENTITY_PREFIXES,
  FIELD_ENTITY,
  headerKey,
} from './csv-column-aliases';

const ALIASES = aliasLookup();
const AFTER_COMPANY = aliasLookup([AFTER_COMPANY_PREFIX]);
/** Longest first, so "organisation" is tried before "org". */
const PREFIXES = (Object.entries(ENTITY_PREFIXES) as [CsvEntity, readonly string[]][])
  .flatMap(([entity, words]) => words.map((word) => ({ entity, key: headerKey(word) })))
  .sort((a, b) => b.key.length - a.key.length);

/**
 * The field a column header names, or undefined. A header that is a known alias names its field;
 * else a header that starts with an entity prefix names the field its rest names, provided the
 * field is that entity's: "Company Industry" → industry, "Contact Email" → email, but "Company
 * LinkedIn URL" and "Company Phone" name nothing (not the person's), and "Company Name" is the
 * company's name. A person prefix before a company-prefixed rest ("Lead Company Website") is the
 * person's company, so names the company's field.
 */
export function guessCsvField(header: string): CsvField | undefined {
  return guessKey(headerKey(header));
}

function guessKey(key: string): CsvField | undefined {
  const alias = ALIASES.get(key);
  if (alias) return alias;
  for (const prefix of PREFIXES) {
    if (key.length <= prefix.key.length || !key.startsWith(prefix.key)) continue;
    const field = fieldAfterPrefix(prefix.entity, key.slice(prefix.key.length));
    if (field) return field;
  }
  return undefined;
}

function fieldAfterPrefix(entity: CsvEntity, rest: string): CsvField | undefined {
  if (entity === 'company') {
    const own = AFTER_COMPANY.get(rest);
    if (own) return own;
  }
  const field = guessKey(rest);
  if (!field) return undefined;
  if (FIELD_ENTITY[field] === entity) return field;
  return entity === 'person' && namesCompany(rest) ? field : undefined;
}

/** The key starts with a company prefix ("companywebsite", "organization"). */
export function namesCompany(key: string): boolean {
  return PREFIXES.some((prefix) => prefix.entity === 'company' && key.startsWith(prefix.key));
}
