import { getRepositoryToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { Repository } from 'typeorm';
import { ProspectEntity } from '../src/agents/prospects/prospect.entity';
import { ProspectsService } from '../src/agents/prospects/prospects.service';
import type { WalkedFilter } from '../src/agents/prospects/search/filter-walk.util';
import { ProspectSearchQueries } from '../src/agents/prospects/search/prospect-search.queries';
import type {
  ProspectSearchCriteria,
  ProspectSort,
} from '../src/agents/prospects/search/prospect-search.types';
import {
  buildSearchCondition,
  type FreeTextIndex,
} from '../src/agents/prospects/search/prospect-search.where';
import { createTestApp, TestApp } from './helpers/create-test-app';

/**
 * GET /prospects counts up to PROSPECTS_COUNT_BOUND (5 here) and answers a lower bound beyond,
 * while the agents' searches count exactly; and a page reads the same prospects whichever way it
 * is read (walking the order's index when matches are many, sorting them when few).
 */
let testApp: TestApp;
let prospects: ProspectsService;

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Felix', 'Greta', 'Hugo', 'Ida', 'Jonas'];
/** 40 in Germany (10 of them CTOs), 20 in France, at 6 companies of 3 sizes. */
const CSV = [
  'name,email,title,company,website,employees,country,city,tags',
  ...Array.from({ length: 60 }, (_, n) => {
    const name = `${FIRST[n % 10]} Muster${String(59 - n).padStart(2, '0')}`;
    const title = n % 4 === 0 ? 'CTO' : 'Account Manager';
    const company = n % 6;
    const country = n < 40 ? 'Germany,Berlin' : 'France,Paris';
    const email = `${name.toLowerCase().replace(' ', '.')}@c${company}.example`;
    return `${name},${email},${title},Firma ${company},c${company}.example,${10 ** ((company % 3) + 1)},${country},manager`;
  }),
].join('\n');

beforeAll(async () => {
  testApp = await createTestApp({ env: { PROSPECTS_COUNT_BOUND: '5' } });
  prospects = testApp.app.get(ProspectsService);
  await request(testApp.server)
    .post('/prospects/import')
    .set('content-type', 'text/csv')
    .send(CSV)
    .expect(200);
});
afterAll(() => testApp.destroy());

interface Page {
  total: number;
  total_is_lower_bound: boolean;
  items: { id: string; name: string }[];
}

async function find(query: Record<string, unknown>): Promise<Page> {
  return (await request(testApp.server).get('/prospects').query(query).expect(200)).body as Page;
}

describe('GET /prospects: the total', () => {
  it('is a lower bound, the configured one, when more match', async () => {
    const page = await find({ country: 'Germany', limit: 3 });
    expect(page).toMatchObject({ total: 5, total_is_lower_bound: true });
    expect(page.items).toHaveLength(3);
    expect((await find({ limit: 3 })).total).toBe(5);
  });

  it('is exact up to the bound, or up to the end of the page asked for', async () => {
    // 10 German CTOs: more than the bound.
    expect(await find({ country: 'Germany', title: 'CTO', limit: 3 })).toMatchObject({
      total: 5,
      total_is_lower_bound: true,
    });
    // The page's end (20) is past the bound: counting as far costs no more than the page.
    expect(await find({ country: 'France', limit: 20 })).toMatchObject({
      total: 20,
      total_is_lower_bound: false,
    });
    expect(await find({ country: 'Germany', title: 'CTO', employees_min: 1000 })).toMatchObject({
      total: 3,
      total_is_lower_bound: false,
    });
    expect(await find({ country: 'Spain' })).toMatchObject({
      total: 0,
      total_is_lower_bound: false,
      items: [],
    });
  });

  it('counts on past a deep page', async () => {
    const page = await find({ country: 'Germany', skip: 30, limit: 20 });
    expect(page).toMatchObject({ total: 40, total_is_lower_bound: false });
    expect(page.items).toHaveLength(10);
    expect(await find({ country: 'Germany', skip: 45, limit: 20 })).toMatchObject({
      total: 40,
      items: [],
    });
  });

  it('stays exact for the agents (prospects.search, plan previews)', async () => {
    const page = await prospects.search({ countries: ['germany'] }, { skip: 0, limit: 3 });
    expect(page).toMatchObject({ total: 40, totalIsLowerBound: false });
    expect(await prospects.count({})).toBe(60);
  });
});

describe('a page, read either way', () => {
  // Bounded (GET /prospects), the total is a lower bound: the page walks the order's index.
  // Exact (the service without a bound), 40 or fewer matches: the page sorts the matches.
  const cases: [string, Record<string, unknown>][] = [
    ['country (its own index walked, alone)', { countries: ['Germany'] }],
    ['company size', { employeesMax: 100 }],
    ['title or seniority', { titles: ['Account Manager'], seniorities: ['c_level'] }],
  ];
  const query = (criteria: Record<string, unknown>) => ({
    country: criteria.countries,
    q: criteria.q,
    employees_max: criteria.employeesMax,
    title: criteria.titles,
    seniority: criteria.seniorities,
  });

  it.each(cases)('%s: the same prospects in the same order', async (_, criteria) => {
    for (const sort of ['name', '-score'] as ProspectSort[]) {
      for (const skip of [0, 7, 14]) {
        const walked = await find({ ...query(criteria), sort, skip, limit: 7 });
        const sorted = await prospects.search(criteria, { skip, limit: 7, sort });
        expect(walked.total_is_lower_bound).toBe(true);
        expect(sorted.totalIsLowerBound).toBe(false);
        expect(walked.items.map((item) => item.id)).toEqual(sorted.items.map((item) => item.id));
      }
    }
  });

  it('free text: counted on to 5,000, so the page knows its matches are few and sorts them', async () => {
    const page = await find({ q: 'muster', limit: 7, skip: 7 });
    expect(page).toMatchObject({ total: 60, total_is_lower_bound: false });
    const sorted = await prospects.search({ q: 'muster' }, { skip: 7, limit: 7 });
    expect(page.items.map((item) => item.id)).toEqual(sorted.items.map((item) => item.id));
  });

  it('orders by name, then id', async () => {
    const names = (await find({ limit: 60 })).items.map((item) => item.name);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(60);
  });
});

describe('the page plans, side by side', () => {
  // Each plan's SQL over the same condition: the same ids in the same order, on either engine.
  let queries: ProspectSearchQueries;
  let freeText: FreeTextIndex;
  let isSqlite: boolean;
  beforeAll(() => {
    const repository = testApp.app.get<Repository<ProspectEntity>>(
      getRepositoryToken(ProspectEntity),
    );
    isSqlite = repository.manager.connection.options.type === 'better-sqlite3';
    queries = new ProspectSearchQueries(repository, isSqlite);
    freeText = isSqlite ? 'fts5' : 'like';
  });

  const walks: [string, ProspectSearchCriteria, WalkedFilter][] = [
    ['a country and a title', { countries: ['Germany'], titles: ['Account Manager'] }, 'country'],
    ['a city and free text', { cities: ['paris'], q: 'muster' }, 'city'],
    ['a country and a company size', { countries: ['germany'], employeesMax: 100 }, 'country'],
  ];

  it.each(walks)(
    '%s: the filter index walked, the order index walked, the matches sorted, or their keys',
    async (_, criteria, walked) => {
      const condition = buildSearchCondition(criteria, { freeText: 'like' });
      const { keys, names, total } = await queries.count(condition, 100);
      expect(keys).toHaveLength(total);
      // Postgres also collects the names, and sorts the page from them.
      expect(names?.length).toBe(isSqlite ? undefined : total);
      for (const sort of ['name', '-score'] as ProspectSort[]) {
        for (const skip of [0, 5, 13]) {
          const page = { skip, limit: 6, sort };
          const sorted = await queries.pageIds(condition, page, 'matches');
          expect(sorted.length).toBeGreaterThan(0);
          expect(await queries.pageIds(condition, page, 'matches', { keys })).toEqual(sorted);
          const byNames = await queries.pageIds(condition, page, 'matches', { keys, names });
          expect(byNames).toEqual(sorted);
          expect(await queries.pageIds(condition, page, 'sort-index')).toEqual(sorted);
          if (sort === 'name') {
            const walk = await queries.pageIds(condition, page, 'filter-index', { walked });
            expect(walk).toEqual(sorted);
          }
        }
      }
    },
  );

  it('collects the keys of the matches only when it counted them all, up to 1,000', async () => {
    const condition = buildSearchCondition({ countries: ['Germany'] }, { freeText });
    expect(await queries.count(condition, 39)).toEqual({ total: 39, isLowerBound: true });
    expect((await queries.count(condition, 40)).keys).toHaveLength(40);
    expect(await queries.count(condition, 1001)).toEqual({ total: 40, isLowerBound: false });
  });

  it('counts free text up to a limit as it counts it all (SQLite: by the trigram index joined)', async () => {
    const all = buildSearchCondition({ q: 'muster' }, { freeText });
    expect(await queries.count(all, 10)).toEqual({ total: 10, isLowerBound: true });
    expect(await queries.count(all)).toEqual({ total: 60, isLowerBound: false });
    const inFrance = buildSearchCondition(
      { q: 'anna muster', countries: ['France'] },
      { freeText },
    );
    expect(await queries.count(inFrance, 100)).toMatchObject({ total: 2, isLowerBound: false });
    expect(await queries.count(inFrance)).toEqual({ total: 2, isLowerBound: false });
  });
});
