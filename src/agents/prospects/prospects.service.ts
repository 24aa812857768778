import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import {
  ProspectConflictException,
  ProspectNotFoundException,
} from './exceptions/prospects.exceptions';
import { ProspectEntity } from './prospect.entity';
import type { Seniority } from './prospect.types';
import { SampleDataService } from './sample-data/sample-data.service';
import { shouldExcludeSamples } from './sample-data/sample-presence.util';
import { filterWalk } from './search/filter-walk.util';
import { countBound, pagePlan } from './search/page-plan.util';
import { countLimit } from './search/page-total.util';
import { ProspectSearchQueries } from './search/prospect-search.queries';
import { searchOrder } from './search/prospect-search.order';
import {
  buildSearchCondition,
  FreeTextIndex,
  type SearchConditionOptions,
} from './search/prospect-search.where';
import type {
  PageRequest,
  ProspectPage,
  ProspectSearchCriteria,
} from './search/prospect-search.types';
import { seniorityFromTitle } from './utils/seniority.util';
import {
  cleanText,
  normaliseEmail,
  normaliseLinkedinUrl,
  uniqueTags,
} from './utils/normalise.util';
import { prospectSearchText } from './utils/search-text.util';
import { importBatchTag } from './utils/import-batch.util';
import { lowerUnique } from './utils/search-filters.util';
import { titleWords } from './utils/title-words.util';

/**
 * A tag list (the `tags` filter, or the `batch` filter's import tags) that the prospects carry at
 * most this many times is found by the `prospect_tags` index: its prospects are read one by one
 * from the index (a rare tag or a batch among 1,100,000 prospects: 390 ms by reading every
 * prospect's tags, under 1 ms by index). A more common one is checked on the prospects that the
 * other filters or the order find: among 1,100,000 prospects, 10,000 carriers are 1 in 110, so
 * a count to the bound of 1,000 reads about 110,000 rows, where one from the index could read
 * all 10,000.
 */
export const TAG_INDEX_MAX = 10_000;

/** Ids per IN list, well under every database's limit on bound parameters. */
const ID_CHUNK = 500;

/**
 * Changes to a prospect: absent fields stay, `null` clears one. A new title re-derives the
 * seniority unless the change sets it.
 */
export interface ProspectChanges {
  name?: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  title?: string | null;
  seniority?: Seniority | null;
  department?: string | null;
  city?: string | null;
  country?: string | null;
  linkedinUrl?: string | null;
  tags?: string[];
}

/** The prospect database: search, read, update, delete, opt out. Writes in bulk: ProspectUpsertService. */
@Injectable()
export class ProspectsService {
  /** SQLite has the FTS5 trigram index of the free-text-search migration; Postgres, pg_trgm. */
  private readonly freeText: FreeTextIndex;
  private readonly queries: ProspectSearchQueries;

  constructor(
    @InjectRepository(ProspectEntity) private readonly prospects: Repository<ProspectEntity>,
    private readonly samples: SampleDataService,
    private readonly config: AppConfig,
  ) {
    const isSqlite = prospects.manager.connection.options.type === 'better-sqlite3';
    this.freeText = isSqlite ? 'fts5' : 'like';
    this.queries = new ProspectSearchQueries(prospects, isSqlite);
  }

  /**
   * One page of matches and their total: exact, unless `page.boundedTotal` (see PageRequest).
   * The matches are counted first; the count decides how the page is read (see pagePlan).
   */
  async search(criteria: ProspectSearchCriteria, page: PageRequest): Promise<ProspectPage> {
    const options = await this.conditionOptions(criteria);
    const { excludeSample } = options;
    const condition = buildSearchCondition(criteria, options);
    const freeText = criteria.q !== undefined;
    const limit = page.boundedTotal
      ? countLimit({ bound: countBound(this.config.prospectsCountBound, freeText), ...page })
      : undefined;
    const { total, isLowerBound, keys, names } = await this.queries.count(condition, limit);
    const walk = filterWalk(criteria, excludeSample);
    const plan = pagePlan({ total, isLowerBound, ...page, walk, freeText });
    let items: ProspectEntity[] = [];
    if (plan !== 'none') {
      // Walking an index checks a few rows each: free text by LIKE, not a list of every row the
      // trigram index finds.
      const pageCondition =
        plan === 'sort-index' || plan === 'filter-index'
          ? buildSearchCondition(criteria, { ...options, freeText: 'like' })
          : condition;
      const ids = await this.queries.pageIds(pageCondition, page, plan, {
        walked: walk?.filter,
        keys,
        names,
      });
      items = await this.getMany(ids);
    }
    return {
      items,
      total,
      totalIsLowerBound: isLowerBound,
      skip: page.skip,
      limit: page.limit,
      sampleExcluded: excludeSample,
    };
  }

  /**
   * What `search` finds up to `limit`, page by page of `size` (no count): for a reader that
   * must see every match but hold one page at a time (a plan preview of a large audience).
   */
  async *pages(
    criteria: ProspectSearchCriteria,
    page: { sort?: PageRequest['sort']; limit: number },
    size: number,
  ): AsyncGenerator<ProspectEntity[]> {
    const { query } = await this.searchQuery(criteria, page.sort);
    for (let skip = 0; skip < page.limit; skip += size) {
      const take = Math.min(size, page.limit - skip);
      const items = await query.clone().offset(skip).limit(take).getMany();
      if (items.length > 0) yield items;
      if (items.length < take) return;
    }
  }

  private async searchQuery(criteria: ProspectSearchCriteria, sort: PageRequest['sort']) {
    const query = this.prospects.createQueryBuilder('p').leftJoinAndSelect('p.company', 'c');
    for (const term of searchOrder(sort)) {
      query.addOrderBy(term.column, term.direction, term.nulls);
    }
    const options = await this.conditionOptions(criteria);
    const condition = buildSearchCondition(criteria, options);
    if (condition) query.where(condition.sql, condition.params);
    return { query, condition, excludeSample: options.excludeSample };
  }

  /**
   * The search as a SELECT of `position` (1, 2, … in the search's order), `prospect_id` and a
   * NULL `score`, for a prospect set to be written from without reading the rows here.
   */
  async memberSelect(
    criteria: ProspectSearchCriteria,
    page: { sort?: PageRequest['sort']; limit?: number },
  ): Promise<{ sql: string; params: unknown[]; sampleExcluded: boolean }> {
    const options = await this.conditionOptions(criteria);
    const condition = buildSearchCondition(criteria, options);
    // The window's ORDER BY is raw SQL: property paths (p.fitScore) become column names.
    const column = (path: string) =>
      `p.${this.prospects.metadata.findColumnWithPropertyPath(path.slice(2))!.databaseName}`;
    const order = searchOrder(page.sort)
      .map(
        (term) => `${column(term.column)} ${term.direction}${term.nulls ? ` ${term.nulls}` : ''}`,
      )
      .join(', ');
    const query = this.prospects
      .createQueryBuilder('p')
      .select(`ROW_NUMBER() OVER (ORDER BY ${order})`, 'position')
      .addSelect('p.id', 'prospect_id')
      .addSelect('CAST(NULL AS integer)', 'score');
    if (condition?.readsCompany) query.leftJoin('p.company', 'c');
    if (condition) query.where(condition.sql, condition.params);
    for (const term of searchOrder(page.sort)) {
      query.addOrderBy(term.column, term.direction, term.nulls);
    }
    if (page.limit !== undefined) query.limit(page.limit);
    const [sql, params] = query.getQueryAndParameters();
    return { sql, params, sampleExcluded: options.excludeSample };
  }

  /** How many prospects `search` would find with these criteria (its exact `total`). */
  async count(criteria: ProspectSearchCriteria): Promise<number> {
    const condition = buildSearchCondition(criteria, await this.conditionOptions(criteria));
    return (await this.queries.count(condition)).total;
  }

  /**
   * How the criteria become a condition here: the engine's free-text index, whether the sample
   * prospects are left out, and which tag lists the `prospect_tags` index finds (TAG_INDEX_MAX).
   */
  private async conditionOptions(
    criteria: ProspectSearchCriteria,
  ): Promise<SearchConditionOptions & { excludeSample: boolean }> {
    const excludeSample = await this.excludesSamples(criteria.includeSample);
    const indexed = async (tags: readonly string[] | undefined) =>
      !!tags?.length &&
      (await this.queries.tagRows(lowerUnique(tags), TAG_INDEX_MAX)) <= TAG_INDEX_MAX;
    const tagIndex = {
      key: this.queries.tagKey,
      tags: await indexed(criteria.tags),
      batches: await indexed(criteria.batches?.map(importBatchTag)),
    };
    return { freeText: this.freeText, excludeSample, now: new Date(), tagIndex };
  }

  async get(id: string): Promise<ProspectEntity> {
    const prospect = await this.prospects.findOne({ where: { id }, relations: { company: true } });
    if (!prospect) throw new ProspectNotFoundException(id);
    return prospect;
  }

  /** The prospects with these ids (and their companies), in the order of the ids. */
  async getMany(ids: readonly string[]): Promise<ProspectEntity[]> {
    const byId = new Map<string, ProspectEntity>();
    for (let start = 0; start < ids.length; start += ID_CHUNK) {
      const found = await this.prospects.find({
        where: { id: In(ids.slice(start, start + ID_CHUNK)) },
        relations: { company: true },
      });
      for (const prospect of found) byId.set(prospect.id, prospect);
    }
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async update(id: string, changes: ProspectChanges): Promise<ProspectEntity> {
    const prospect = await this.get(id);
    const set = toColumns(changes);
    await this.assertUnique(id, set);
    if (set.title !== undefined && changes.seniority === undefined) {
      set.seniority = seniorityFromTitle(set.title) ?? null;
    }
    if (set.title !== undefined) set.titleWords = titleWords(set.title);
    if (set.name !== undefined || set.email !== undefined || set.title !== undefined) {
      set.searchText = prospectSearchText({
        ...prospect,
        ...set,
        companyName: prospect.company?.name,
      });
    }
    await this.prospects.update(id, { ...set, updatedAt: new Date() });
    return this.get(prospect.id);
  }

  async delete(id: string): Promise<void> {
    const result = await this.prospects.delete(id);
    if (!result.affected) throw new ProspectNotFoundException(id);
  }

  /** Marks the prospect as never to be emailed again; a second call changes nothing. */
  async optOut(id: string): Promise<ProspectEntity> {
    const prospect = await this.get(id);
    if (!prospect.optedOut) {
      const now = new Date();
      await this.prospects.update(id, { optedOut: true, optedOutAt: now, updatedAt: now });
    }
    return this.get(id);
  }

  /**
   * Whether each of `ids` that exists opted out and whether it is sample data (email.send checks
   * both right before each message).
   */
  async emailFlags(ids: string[]): Promise<Map<string, { optedOut: boolean; isSample: boolean }>> {
    const flags = new Map<string, { optedOut: boolean; isSample: boolean }>();
    for (let start = 0; start < ids.length; start += ID_CHUNK) {
      const rows = await this.prospects.find({
        select: { id: true, optedOut: true, isSample: true },
        where: { id: In(ids.slice(start, start + ID_CHUNK)) },
      });
      for (const row of rows) flags.set(row.id, { optedOut: row.optedOut, isSample: row.isSample });
    }
    return flags;
  }

  /**
   * Records that an email was sent to the prospect at `sentAt` (the email module calls it for each
   * message sent); an earlier time never replaces a later one. Leaves `updated_at`.
   */
  async recordContacted(id: string, sentAt: Date): Promise<void> {
    await this.prospects
      .createQueryBuilder()
      .update()
      .set({ lastContactedAt: sentAt })
      .where('id = :id', { id })
      .andWhere('(last_contacted_at IS NULL OR last_contacted_at < :sentAt)', { sentAt })
      .execute();
  }

  /** The ids of the prospects at this email address (normalised as stored): none, or one. */
  async idsWithEmail(email: string): Promise<string[]> {
    const normalised = normaliseEmail(email);
    if (!normalised) return [];
    const rows = await this.prospects.find({ select: { id: true }, where: { email: normalised } });
    return rows.map((row) => row.id);
  }

  /** The opt-out flag of each of `ids` that exists (the email agent checks it before drafting). */
  async optOutFlags(ids: string[]): Promise<Map<string, boolean>> {
    const flags = new Map<string, boolean>();
    const CHUNK = 500;
    for (let start = 0; start < ids.length; start += CHUNK) {
      const rows = await this.prospects.find({
        select: { id: true, optedOut: true },
        where: { id: In(ids.slice(start, start + CHUNK)) },
      });
      for (const row of rows) flags.set(row.id, row.optedOut);
    }
    return flags;
  }

  /** Whether a search leaves the sample prospects out; the database is asked only if it matters. */
  private async excludesSamples(includeSample: boolean | undefined): Promise<boolean> {
    if (includeSample === true) return false;
    return shouldExcludeSamples({ includeSample, presence: await this.samples.presence() });
  }

  private async assertUnique(id: string, set: Partial<ProspectEntity>): Promise<void> {
    for (const [field, column] of [
      ['email', 'email'],
      ['linkedin_url', 'linkedinUrl'],
    ] as const) {
      const value = set[column];
      if (!value) continue;
      const other = await this.prospects.findOne({
        select: { id: true },
        where: { [column]: value },
      });
      if (other && other.id !== id) throw new ProspectConflictException(field, other.id);
    }
  }
}

/** The columns a change sets, normalised as on import; `undefined` leaves a column as it is. */
function toColumns(changes: ProspectChanges): Partial<ProspectEntity> {
  const text = (value: string | null | undefined) =>
    value === undefined ? undefined : (cleanText(value) ?? null);
  const set: Partial<ProspectEntity> = {
    name: changes.name === undefined ? undefined : cleanText(changes.name),
    firstName: text(changes.firstName),
    lastName: text(changes.lastName),
    email: changes.email === undefined ? undefined : (normaliseEmail(changes.email) ?? null),
    title: text(changes.title),
    seniority: changes.seniority,
    department: text(changes.department),
    city: text(changes.city),
    country: text(changes.country),
    linkedinUrl:
      changes.linkedinUrl === undefined
        ? undefined
        : (normaliseLinkedinUrl(changes.linkedinUrl) ?? null),
    tags: changes.tags && uniqueTags(changes.tags),
  };
  return Object.fromEntries(
    Object.entries(set).filter(([, value]) => value !== undefined),
  ) as Partial<ProspectEntity>;
}
