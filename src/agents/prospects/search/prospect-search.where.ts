import { coveredFamilyKeys, industryFamilyOf } from '../../../vocabulary/industry-family.util';
import type { ProspectSearchCriteria } from './prospect-search.types';
import { companyMatchers } from '../utils/company-filter.util';
import { importBatchTag } from '../utils/import-batch.util';
import { escapeLike, industryTerm, lowerUnique } from '../utils/search-filters.util';
import { freeTextWords } from '../utils/search-text.util';
import { titleSearchTerms } from '../utils/title-search.util';
import { splitWords } from '../utils/title-words.util';

/** A WHERE clause over prospects `p` joined to companies `c`, with its named parameters. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
  /** The clause reads the company `c`: without it, counting the matches needs no join. */
  readsCompany: boolean;
  /**
   * SQLite, free text by the trigram index: the same condition with the prospects joined to the
   * index's matches (`FREE_TEXT_JOIN`), which a count up to a limit reads one by one and stops
   * at the limit; `sql` lists every match of the index first (215,000 rowids for "manager" over
   * 1,100,000 prospects: 89 ms, where the join counts 5,001 in 4 ms).
   */
  freeTextJoined?: string;
}

/** The join that SqlCondition.freeTextJoined reads: the trigram index `ps` beside each prospect. */
export const FREE_TEXT_JOIN = 'INNER JOIN "prospect_search" "ps" ON "ps"."rowid" = "p"."rowid"';

const LIKE = "LIKE %s ESCAPE '\\'";

/**
 * How free-text words are found: `fts5`, SQLite's trigram index `prospect_search` (words of fewer
 * than three characters, which trigrams cannot find, by LIKE); `like`, LIKE on `search_text`,
 * which Postgres's pg_trgm index serves. Both match a word anywhere in the text.
 */
export type FreeTextIndex = 'fts5' | 'like';

export interface SearchConditionOptions {
  freeText: FreeTextIndex;
  /** Leave the sample prospects out (decided by the service: see shouldExcludeSamples). */
  excludeSample?: boolean;
  /** The time `notContactedDays` counts back from; now when absent. */
  now?: Date;
  /** The tag lists to find by the `prospect_tags` index (see TagIndex); by `tags` otherwise. */
  tagIndex?: TagIndex;
}

/**
 * Which tag lists a condition finds by the `prospect_tags` index (the prospect-tags migration)
 * rather than by LIKE on each prospect's `tags`, and the prospect's key that the index holds
 * (`p.rowid` on SQLite, `p.id` on Postgres). The index lists a tag's prospects: the way to find
 * the few that a rare tag or an import batch has. A common tag is checked on the rows that other
 * filters or the order find (see the service's TAG_INDEX_MAX).
 */
export interface TagIndex {
  key: 'p.rowid' | 'p.id';
  tags?: boolean;
  batches?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Shortest word the trigram index can find. */
const TRIGRAM = 3;

/** Collects conditions and names their parameters p0, p1, … */
class ConditionBuilder {
  readonly params: Record<string, unknown> = {};
  private count = 0;

  param(value: unknown): string {
    const name = `p${this.count++}`;
    this.params[name] = value;
    return `:${name}`;
  }

  list(values: unknown[]): string {
    const name = `p${this.count++}`;
    this.params[name] = values;
    return `(:...${name})`;
  }

  like(column: string, pattern: string): string {
    return `${column} ${LIKE.replace('%s', this.param(pattern))}`;
  }
}

const anyOf = (parts: string[]) => (parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`);
const allOf = (parts: string[]) => (parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`);
const contains = (text: string) => `%${escapeLike(text)}%`;

/**
 * The search criteria as one portable SQL condition (LOWER, LIKE with ESCAPE, IN, `||`: the same
 * on SQLite and Postgres); undefined when nothing is filtered. Column names are TypeORM property
 * paths (`p.titleWords`), which the query builder resolves.
 */
export function buildSearchCondition(
  criteria: ProspectSearchCriteria,
  options: SearchConditionOptions = { freeText: 'like' },
): SqlCondition | undefined {
  const sql = new ConditionBuilder();
  const where: string[] = [];
  const people = [
    ...(criteria.titles ?? []).map((title) => titleCondition(sql, title)),
    ...(criteria.seniorities?.length ? [`p.seniority IN ${sql.list(criteria.seniorities)}`] : []),
  ];
  if (people.length > 0) where.push(anyOf(people));
  const lowerIn = (column: string, values?: string[]) => {
    if (values?.length) where.push(`LOWER(${column}) IN ${sql.list(lowerUnique(values))}`);
  };
  lowerIn('p.department', criteria.departments);
  lowerIn('p.country', criteria.countries);
  lowerIn('p.city', criteria.cities);
  lowerIn('p.source', criteria.sources);
  if (criteria.excludeCountries?.length) {
    const countries = sql.list(lowerUnique(criteria.excludeCountries));
    where.push(`(p.country IS NULL OR LOWER(p.country) NOT IN ${countries})`);
  }
  if (criteria.companies?.length)
    where.push(`p.companyId IN ${companyIds(sql, criteria.companies)}`);
  if (criteria.excludeCompanies?.length) {
    const excluded = companyIds(sql, criteria.excludeCompanies);
    where.push(`(p.companyId IS NULL OR p.companyId NOT IN ${excluded})`);
  }
  const readsCompany = !!criteria.keywords?.length;
  const company = companyConditions(sql, criteria);
  if (company.length > 0) {
    where.push(`p.companyId IN (SELECT id FROM companies WHERE ${allOf(company)})`);
  }
  if (criteria.keywords?.length) {
    const fields = ['p.title', 'p.department', 'p.tags', 'c.name', 'c.industry'];
    where.push(
      anyOf(
        lowerUnique(criteria.keywords).map((keyword) =>
          anyOf(fields.map((field) => sql.like(`LOWER(${field})`, contains(keyword)))),
        ),
      ),
    );
  }
  let freeTextMatch: string | undefined;
  if (criteria.q !== undefined) {
    const freeText = freeTextConditions(sql, criteria.q, options.freeText);
    freeTextMatch = freeText.match;
    if (freeText.match) where.push(freeTextIndexed(freeText.match));
    where.push(...freeText.conditions);
  }
  const { tagIndex } = options;
  if (criteria.tags?.length) {
    where.push(tagCondition(sql, criteria.tags, tagIndex?.tags ? tagIndex.key : undefined));
  }
  if (criteria.batches?.length) {
    const tags = criteria.batches.map(importBatchTag);
    where.push(tagCondition(sql, tags, tagIndex?.batches ? tagIndex.key : undefined));
  }
  where.push(...contactConditions(sql, criteria, options.now ?? new Date()));
  if (criteria.optedOut !== undefined) where.push(`p.optedOut = ${sql.param(criteria.optedOut)}`);
  if (criteria.minScore !== undefined) where.push(`p.fitScore >= ${sql.param(criteria.minScore)}`);
  // `<>`, not `= false`, so that no index on the flag drives the search: nearly every row has it.
  if (options.excludeSample) where.push(`p.isSample <> ${sql.param(true)}`);
  if (where.length === 0) return undefined;
  const condition: SqlCondition = { sql: allOf(where), params: sql.params, readsCompany };
  if (freeTextMatch) {
    const joined = where.map((part) =>
      part === freeTextIndexed(freeTextMatch)
        ? `"ps"."prospect_search" MATCH ${freeTextMatch}`
        : part,
    );
    condition.freeTextJoined = allOf(joined);
  }
  return condition;
}

/** The prospects among the trigram index's matches of `match` (a parameter). */
function freeTextIndexed(match: string): string {
  return `p.rowid IN (SELECT rowid FROM prospect_search WHERE prospect_search MATCH ${match})`;
}

/**
 * Any one of the tags: by the `prospect_tags` index when given the prospect's key in it; else in
 * `tags`, stored as a JSON array, where a tag is its JSON string, quotes included.
 */
function tagCondition(sql: ConditionBuilder, tags: string[], indexKey?: TagIndex['key']): string {
  if (indexKey) {
    const list = sql.list(lowerUnique(tags));
    return `${indexKey} IN (SELECT prospect_key FROM prospect_tags WHERE tag IN ${list})`;
  }
  const patterns = lowerUnique(tags).map((tag) => contains(JSON.stringify(tag)));
  return anyOf(patterns.map((pattern) => sql.like('LOWER(p.tags)', pattern)));
}

/**
 * The ids of the companies named (or at the domains) of a company filter: a subquery that the
 * LOWER(name) index and the unique domain index answer.
 */
function companyIds(sql: ConditionBuilder, values: string[]): string {
  const { names, domains } = companyMatchers(values);
  const parts = [
    `LOWER(name) IN ${sql.list(names)}`,
    ...(domains.length > 0 ? [`domain IN ${sql.list(domains)}`] : []),
  ];
  return `(SELECT id FROM companies WHERE ${anyOf(parts)})`;
}

/** The outreach filters, on `last_contacted_at` (when the latest email was sent; indexed). */
function contactConditions(
  sql: ConditionBuilder,
  criteria: ProspectSearchCriteria,
  now: Date,
): string[] {
  const conditions: string[] = [];
  if (criteria.notContactedDays !== undefined) {
    const since = new Date(now.getTime() - criteria.notContactedDays * DAY_MS);
    conditions.push(`(p.lastContactedAt IS NULL OR p.lastContactedAt < ${sql.param(since)})`);
  }
  if (criteria.neverEmailed !== undefined) {
    conditions.push(`p.lastContactedAt ${criteria.neverEmailed ? 'IS NULL' : 'IS NOT NULL'}`);
  }
  return conditions;
}

/**
 * What the prospect's company must be: of one of the industries, of a size. One subquery on
 * companies, so that the prospects are found by company (the company_id index) and counted
 * without joining each one's company.
 */
function companyConditions(sql: ConditionBuilder, criteria: ProspectSearchCriteria): string[] {
  const conditions: string[] = [];
  if (criteria.industries?.length) conditions.push(industryCondition(sql, criteria.industries));
  if (criteria.employeesMin !== undefined) {
    conditions.push(`employee_count >= ${sql.param(criteria.employeesMin)}`);
  }
  if (criteria.employeesMax !== undefined) {
    conditions.push(`employee_count <= ${sql.param(criteria.employeesMax)}`);
  }
  return conditions;
}

/**
 * The company is of one of the industries (a condition on `companies`). A name of the industry vocabulary stands
 * for its family and the narrower ones the family covers ("Software" finds "SaaS" and "Computer
 * Software"; "Financial Services" finds "Fintech"), and for an industry outside the vocabulary
 * holding the name, or its family's name, as whole words ("SaaS" finds "Healthcare Software"). Any
 * other name is found as whole words of any industry ("Robotics" finds "Industrial Robotics").
 * Their industry-family index answers it.
 */
function industryCondition(sql: ConditionBuilder, industries: string[]): string {
  const families = new Set<string>();
  const familyTerms = new Set<string>();
  const terms = new Set<string>();
  for (const industry of industries) {
    const family = industryFamilyOf(industry);
    if (!family) {
      terms.add(industryTerm(industry));
      continue;
    }
    for (const key of coveredFamilyKeys(family)) families.add(key);
    familyTerms.add(industryTerm(industry)).add(industryTerm(family.name));
  }
  const holds = (term: string) =>
    sql.like("(' ' || LOWER(industry) || ' ')", `% ${escapeLike(term)} %`);
  const unlisted = [...familyTerms].filter((term) => !terms.has(term));
  const parts = [
    ...(families.size > 0 ? [`industry_family IN ${sql.list([...families])}`] : []),
    ...(unlisted.length > 0
      ? [allOf(['industry_family IS NULL', 'industry IS NOT NULL', anyOf(unlisted.map(holds))])]
      : []),
    ...[...terms].map(holds),
  ];
  return anyOf(parts);
}

/** Every term of the title at the start of a word of the stored title words. */
function titleCondition(sql: ConditionBuilder, title: string): string {
  const terms = titleSearchTerms(title);
  if (terms.length === 0) return 'p.titleWords IS NOT NULL';
  return allOf(
    terms.map((alternatives) =>
      anyOf(
        alternatives.map((alternative) =>
          sql.like('p.titleWords', `% ${escapeLike(splitWords(alternative).join(' '))}%`),
        ),
      ),
    ),
  );
}

/**
 * Each word of `q` in the prospect's search text (name, email, title, company name): `match`, the
 * parameter of the trigram index's query for the words it can find (fts5), and LIKE conditions
 * for the others.
 */
function freeTextConditions(
  sql: ConditionBuilder,
  q: string,
  index: FreeTextIndex,
): { match?: string; conditions: string[] } {
  const words = freeTextWords(q);
  const indexed = index === 'fts5' ? words.filter((word) => [...word].length >= TRIGRAM) : [];
  // Each word a phrase (quotes doubled): its trigrams in a row, i.e. the word as a substring.
  const match =
    indexed.length > 0
      ? sql.param(indexed.map((word) => `"${word.replace(/"/g, '""')}"`).join(' AND '))
      : undefined;
  const conditions = words
    .filter((word) => !indexed.includes(word))
    .map((word) => sql.like('p.searchText', contains(word)));
  return { match, conditions };
}
