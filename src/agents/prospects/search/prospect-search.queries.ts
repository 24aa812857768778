import type { Repository, SelectQueryBuilder } from 'typeorm';
import type { ProspectEntity } from '../prospect.entity';
import { boundedTotal } from './page-total.util';
import type { WalkedFilter } from './filter-walk.util';
import type { PagePlan } from './page-plan.util';
import { searchOrder } from './prospect-search.order';
import type { PageRequest } from './prospect-search.types';
import { FREE_TEXT_JOIN, type SqlCondition, type TagIndex } from './prospect-search.where';

/**
 * The order's property paths as the columns of `p` (the query is written out, see pageIds), and
 * as expressions of the same values that no index serves: SQLite's no-op `+`; on Postgres `|| ''`
 * for text and `+ 0` for numbers.
 */
const COLUMNS: Record<string, { column: string; postgresUnindexed: string }> = {
  'p.name': { column: '"p"."name"', postgresUnindexed: `("p"."name" || '')` },
  'p.id': { column: '"p"."id"', postgresUnindexed: `("p"."id" || '')` },
  'p.fitScore': { column: '"p"."fit_score"', postgresUnindexed: '("p"."fit_score" + 0)' },
};

/** The index in the order of each sort that one serves (see the create-prospects migration). */
const SORT_INDEXES: Record<string, string> = {
  name: 'IDX_prospects_name',
  '-score': 'IDX_prospects_fit_score',
};

/** The index of each walked filter's value, then name and id (the filter-order-indexes migration). */
const FILTER_INDEXES: Record<WalkedFilter, string> = {
  city: 'IDX_prospects_lower_city',
  country: 'IDX_prospects_lower_country',
  department: 'IDX_prospects_lower_department',
};

const FROM = 'FROM "prospects" "p"';

/**
 * Postgres planner settings for one statement of a search, SET LOCAL in a transaction of its own:
 * - `count`, a count that stops at a bound: random_page_cost as for a table in memory or on SSD
 *   (1.1; the default, 4, is for spinning disks). With 4, a count of 1,001 marketers in France or
 *   Spain tagged "saas" ANDed two bitmaps of every marketer and every French or Spanish prospect
 *   before reading a row (55 ms over 1,100,000 prospects); with 1.1 it walks the department's
 *   index and stops at 1,001 (18 ms);
 * - `walk`, a walk of a filter's index: no sort. Postgres's estimate of a title's or a tag's share
 *   of the value's rows can be far too low, and then it reads and sorts every prospect of the
 *   value (110 ms for Japan) rather than walk them in order and stop (1 ms).
 */
const POSTGRES_PLANNER = {
  count: ['random_page_cost = 1.1'],
  walk: ['enable_sort = off'],
} as const;

/**
 * A bounded count up to this many (the default bound) collects the matches' keys instead of
 * counting them: when all matches are collected, the page sorts them by key (SearchTotal.keys)
 * instead of finding them again (over 1,100,000 prospects on Postgres, the 953 CTOs of three
 * cities: 18 ms to find among 37,000, 3 ms by key). Not for the 5,000 of free text: its 3,056
 * Greta Fischers, which its trigram index finds exactly, took longer by key than found again.
 */
export const KEYED_COUNT_MAX = 1000;

/** A search's total, and when it is exact and was collected, the keys of all its matches. */
export interface SearchTotal {
  total: number;
  isLowerBound: boolean;
  /** Each match's key (SQLite's rowid; the id on Postgres): see KEYED_COUNT_MAX. */
  keys?: readonly (string | number)[];
  /**
   * Postgres: each match's name, beside its key, so that a page by name sorts the pairs without
   * reading a row (see pageIds).
   */
  names?: readonly string[];
}

/**
 * The SQL of a search: its count (all matches, or up to a limit) and the ids of one page, read as
 * a PagePlan says. The plan is spelled out, as neither planner's statistics see how a filter's
 * rows fall in the order (Postgres walked the name index for 600 ms to find the 556 prospects
 * named Greta Fischer: they come late): to sort the matches, ORDER BY expressions no index
 * serves; to walk the order's index, on SQLite INDEXED BY it (Postgres takes it by itself when
 * the matches are many).
 */
export class ProspectSearchQueries {
  constructor(
    private readonly prospects: Repository<ProspectEntity>,
    private readonly isSqlite: boolean,
  ) {}

  /**
   * Counts the matches, all of them, or up to `limit` + 1 (LIMIT: the database stops reading
   * there); up to KEYED_COUNT_MAX, by collecting their keys, returned when they are all of them.
   */
  async count(condition: SqlCondition | undefined, limit?: number): Promise<SearchTotal> {
    // COUNT(*), not getCount()'s COUNT(DISTINCT id): the joins are many-to-one, so no row
    // repeats, and the distinct set costs a temporary B-tree of every match.
    const matches = this.matching(condition);
    if (limit === undefined) {
      const counted = await matches.select('COUNT(*)', 'total').getRawOne<{ total: unknown }>();
      return { total: Number(counted?.total ?? 0), isLowerBound: false };
    }
    const joined = condition?.freeTextJoined;
    const keyed = limit <= KEYED_COUNT_MAX;
    const counted = (joined ? this.matching({ ...condition, sql: joined }) : matches).select(
      keyed ? this.key : '1',
      keyed ? 'key' : 'one',
    );
    // The name costs Postgres no read: the indexes a count reads alone hold it (city, country,
    // department, name), and the other plans read the row for the id anyway.
    if (keyed && !this.isSqlite) counted.addSelect('"p"."name"', 'name');
    const [selected, params] = counted.limit(limit + 1).getQueryAndParameters();
    const sql = joined ? selected.replace(FROM, `${FROM} ${FREE_TEXT_JOIN}`) : selected;
    if (keyed) {
      const rows = await this.run<{ key: string | number; name?: string }>(
        sql,
        params,
        POSTGRES_PLANNER.count,
      );
      const total = boundedTotal(rows.length, limit);
      if (total.isLowerBound) return total;
      const keys = rows.map((row) => row.key);
      return this.isSqlite
        ? { ...total, keys }
        : { ...total, keys, names: rows.map((row) => String(row.name)) };
    }
    const rows = await this.run<{ total: unknown }>(
      `SELECT COUNT(*) AS "total" FROM (${sql}) "matches"`,
      params,
      POSTGRES_PLANNER.count,
    );
    return boundedTotal(Number(rows[0]?.total ?? 0), limit);
  }

  /**
   * The ids of the page's prospects, in the order asked for. `walked`: the filter whose index the
   * `filter-index` plan walks; `keys`: every match's key (from count), which `matches` sorts.
   */
  async pageIds(
    condition: SqlCondition | undefined,
    page: PageRequest,
    plan: Exclude<PagePlan, 'none'>,
    { walked, keys, names }: { walked?: WalkedFilter } & Pick<SearchTotal, 'keys' | 'names'> = {},
  ): Promise<string[]> {
    const sort = page.sort ?? 'name';
    if (plan === 'matches' && keys && names && sort === 'name') {
      return this.pageOfNames(keys, names, page);
    }
    const [matches, params] =
      plan === 'matches' && keys ? this.byKeys(keys) : this.matchingIds(condition);
    const index =
      plan === 'sort-index'
        ? SORT_INDEXES[sort]
        : plan === 'filter-index' && walked
          ? FILTER_INDEXES[walked]
          : undefined;
    const sql =
      this.isSqlite && index ? matches.replace(FROM, `${FROM} INDEXED BY "${index}"`) : matches;
    const order = searchOrder(sort)
      .map((term) => {
        const { column, postgresUnindexed } = COLUMNS[term.column];
        const sorted = index ? column : this.isSqlite ? `+${column}` : postgresUnindexed;
        return `${sorted} ${term.direction}${term.nulls ? ` ${term.nulls}` : ''}`;
      })
      .join(', ');
    // skip and limit are validated integers.
    const query = `${sql} ORDER BY ${order} LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.skip)}`;
    const rows = await this.run<{ id: string }>(
      query,
      params,
      plan === 'filter-index' ? POSTGRES_PLANNER.walk : undefined,
    );
    return rows.map((row) => row.id);
  }

  /**
   * Postgres: the page of matches by name, then id, sorted from the count's (id, name) pairs
   * instead of the rows: over 1,100,000 prospects, the 954 CTOs of three cities in 0.3 ms on
   * the server instead of 4.4 (954 rows read by id for their names). The database sorts, so the
   * order is its collation's, as every other plan's.
   */
  private async pageOfNames(
    keys: readonly (string | number)[],
    names: readonly string[],
    page: PageRequest,
  ): Promise<string[]> {
    // skip and limit are validated integers.
    const rows = await this.prospects.query<{ id: string }[]>(
      'SELECT "id" FROM unnest($1::varchar[], $2::varchar[]) AS "m"("id", "name") ' +
        `ORDER BY "name" ASC, "id" ASC LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.skip)}`,
      [keys, names],
    );
    return rows.map((row) => row.id);
  }

  /**
   * How many times the prospects carry one of these tags (lower case), counted up to `limit` + 1
   * in the `prospect_tags` index alone.
   */
  async tagRows(tags: readonly string[], limit: number): Promise<number> {
    const list = tags.map((_, i) => (this.isSqlite ? '?' : `$${i + 1}`)).join(', ');
    const rows = await this.prospects.query<{ rows: unknown }[]>(
      `SELECT COUNT(*) AS "rows" FROM (SELECT 1 FROM "prospect_tags" WHERE "tag" IN (${list}) ` +
        `LIMIT ${Math.trunc(limit) + 1}) "tagged"`,
      [...tags],
    );
    return Number(rows[0]?.rows ?? 0);
  }

  /** The prospect's key in the `prospect_tags` index (see the prospect-tags migration). */
  get tagKey(): TagIndex['key'] {
    return this.isSqlite ? 'p.rowid' : 'p.id';
  }

  /** The key of a prospect in SearchTotal.keys. */
  private get key(): string {
    return this.isSqlite ? '"p"."rowid"' : '"p"."id"';
  }

  private matchingIds(condition: SqlCondition | undefined): [string, unknown[]] {
    return this.matching(condition).select('p.id', 'id').getQueryAndParameters();
  }

  /** The prospects of these keys (one parameter: a JSON array on SQLite, an array on Postgres). */
  private byKeys(keys: readonly (string | number)[]): [string, unknown[]] {
    const sql = `SELECT "p"."id" AS "id" ${FROM} WHERE `;
    return this.isSqlite
      ? [`${sql}${this.key} IN (SELECT value FROM json_each(?))`, [JSON.stringify(keys)]]
      : [`${sql}${this.key} = ANY($1)`, [keys]];
  }

  /** Runs the statement; on Postgres with these planner settings (see POSTGRES_PLANNER). */
  private run<T>(
    query: string,
    params: unknown[],
    settings: readonly string[] | undefined,
  ): Promise<T[]> {
    if (this.isSqlite || !settings) return this.prospects.query(query, params);
    return this.prospects.manager.transaction(async (manager) => {
      for (const setting of settings) await manager.query(`SET LOCAL ${setting}`);
      return manager.query(query, params);
    });
  }

  /** The prospects `p` matching the condition; the company `c` joined only when it reads it. */
  private matching(condition: SqlCondition | undefined): SelectQueryBuilder<ProspectEntity> {
    const query = this.prospects.createQueryBuilder('p');
    if (condition?.readsCompany) query.leftJoin('p.company', 'c');
    if (condition) query.where(condition.sql, condition.params);
    return query;
  }
}
