import type { ProspectSearchCriteria } from './prospect-search.types';
import { escapeLike, industryTerm, lowerUnique } from '../utils/search-filters.util';
import { titleSearchTerms } from '../utils/title-search.util';
import { splitWords } from '../utils/title-words.util';

/** A WHERE clause over prospects `p` joined to companies `c`, with its named parameters. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

const LIKE = "LIKE %s ESCAPE '\\'";

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
export function buildSearchCondition(criteria: ProspectSearchCriteria): SqlCondition | undefined {
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
  if (criteria.industries?.length) {
    const industries = [...new Set(criteria.industries.map(industryTerm))];
    where.push(
      anyOf(
        industries.map((term) =>
          sql.like("(' ' || LOWER(c.industry) || ' ')", `% ${escapeLike(term)} %`),
        ),
      ),
    );
  }
  if (criteria.employeesMin !== undefined) {
    where.push(`c.employeeCount >= ${sql.param(criteria.employeesMin)}`);
  }
  if (criteria.employeesMax !== undefined) {
    where.push(`c.employeeCount <= ${sql.param(criteria.employeesMax)}`);
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
  if (criteria.q !== undefined) {
    const fields = ['p.name', 'p.email', 'p.title', 'c.name'];
    for (const word of new Set(criteria.q.toLowerCase().split(/\s+/).filter(Boolean))) {
      where.push(anyOf(fields.map((field) => sql.like(`LOWER(${field})`, contains(word)))));
    }
  }
  if (criteria.tags?.length) {
    // Tags are stored as a JSON array: a tag is its JSON string, quotes included.
    const tags = lowerUnique(criteria.tags).map((tag) => contains(JSON.stringify(tag)));
    where.push(anyOf(tags.map((pattern) => sql.like('LOWER(p.tags)', pattern))));
  }
  if (criteria.optedOut !== undefined) where.push(`p.optedOut = ${sql.param(criteria.optedOut)}`);
  return where.length > 0 ? { sql: allOf(where), params: sql.params } : undefined;
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
