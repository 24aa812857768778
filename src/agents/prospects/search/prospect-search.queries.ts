import type { Repository, SelectQueryBuilder } from 'typeorm';
import type { ProspectEntity } from '../prospect.entity';
import { boundedTotal } from './page-total.util';
import type { WalkedFilter } from './filter-walk.util';
import type { PagePlan } from './page-plan.util';
import { searchOrder } from './prospect-search.order';
import type { PageRequest } from './prospect-search.types';
import { FREE_TEXT_JOIN, type SqlCondition } from './prospect-search.where';

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
 * A bounded count up to this many collects the matches' keys instead of counting them: when all
 * matches are collected, the page sorts them by key (SearchTotal.keys) instead of finding them
 * again (over 1,100,000 prospects on Postgres, the 953 CTOs of three cities: 18 ms to find,
 * 3 ms by key).
 */
export const KEYED_COUNT_MAX = 5000;

/** A search's total, and when it is exact and was collected, the keys of all its matches. */
export interface SearchTotal {
  total: number;
  isLowerBound: boolean;
  /** Each match's key (SQLite's rowid; the id on Postgres): see KEYED_COUNT_MAX. */
  keys?: readonly (string | number)[];
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
   * Counts the matches, all of them, or up to `limit` + 1 (a subquery with LIMIT: the database
   * stops reading there).
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
    const [selected, params] = (joined ? this.matching({ ...condition, sql: joined }) : matches)
      .select(keyed ? this.key : '1', keyed ? 'key' : 'one')
      .limit(limit + 1)
      .getQueryAndParameters();
    const sql = joined ? selected.replace(FROM, `${FROM} ${FREE_TEXT_JOIN}`) : selected;
    if (keyed) {
      const keys: { key: string | number }[] = await this.prospects.query(sql, params);
      const total = boundedTotal(keys.length, limit);
      return total.isLowerBound ? total : { ...total, keys: keys.map((row) => row.key) };
    }
    const rows: { total: unknown }[] = await this.prospects.query(
      `SELECT COUNT(*) AS "total" FROM (${sql}) "matches"`,
      params,
    );
    return boundedTotal(Number(rows[0]?.total ?? 0), limit);
  }

  /**
   * The ids of the page's prospects, in the order asked for. `walked`: the filter whose index the
   * `filter-index` plan walks.
   */
  async pageIds(
    condition: SqlCondition | undefined,
    page: PageRequest,
    plan: Exclude<PagePlan, 'none'>,
    { walked, keys }: { walked?: WalkedFilter; keys?: SearchTotal['keys'] } = {},
  ): Promise<string[]> {
    const sort = page.sort ?? 'name';
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
    const rows: { id: string }[] =
      !this.isSqlite && plan === 'filter-index'
        ? await this.withoutSorts(query, params)
        : await this.prospects.query(query, params);
    return rows.map((row) => row.id);
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

  /**
   * Postgres, for a walk of a filter's index: its estimate of a tag's or a title's share of the
   * value's rows can be far too low (3 of Japan's 24,741 prospects tagged "hiring", where 3,882
   * are), and then it reads and sorts every prospect of the value (110 ms) rather than walk them
   * in order (1 ms). Sorting is switched off for this one statement, in a transaction of its own.
   */
  private withoutSorts(query: string, params: unknown[]): Promise<{ id: string }[]> {
    return this.prospects.manager.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_sort = off');
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
