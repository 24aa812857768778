import { getRepositoryToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { Repository } from 'typeorm';
import { ProspectEntity } from '../src/agents/prospects/prospect.entity';
import { ProspectsService, TAG_INDEX_MAX } from '../src/agents/prospects/prospects.service';
import { ProspectSearchQueries } from '../src/agents/prospects/search/prospect-search.queries';
import type { ProspectSearchCriteria } from '../src/agents/prospects/search/prospect-search.types';
import {
  buildSearchCondition,
  type SqlCondition,
  type TagIndex,
} from '../src/agents/prospects/search/prospect-search.where';
import { createTestApp, TestApp } from './helpers/create-test-app';

/**
 * `prospect_tags` (the prospect-tags migration): its triggers keep it equal to the prospects'
 * tags whoever writes them (import, merge, PATCH, DELETE), and a tag or batch filter finds the
 * same prospects by it as by each prospect's `tags`.
 */
let testApp: TestApp;
let repository: Repository<ProspectEntity>;
let queries: ProspectSearchQueries;

/** 24 people: tags by position, in mixed case; the first 12 in batch `first`, all in Germany. */
const TAGS = ['VIP', 'saas', 'SaaS, hiring', '', 'Hiring, vip, Enterprise', 'event "2026"'];
const csv = (from: number, to: number, tags: (n: number) => string) =>
  [
    'name,email,country,tags',
    ...Array.from({ length: to - from }, (_, i) => {
      const n = from + i;
      return `Person ${String(n).padStart(2, '0')},p${n}@tags.example,Germany,"${tags(n).replace(/"/g, '""')}"`;
    }),
  ].join('\n');

async function importCsv(body: string, batch: string): Promise<void> {
  await request(testApp.server)
    .post(`/prospects/import?batch=${batch}`)
    .set('content-type', 'text/csv')
    .send(body)
    .expect(200);
}

beforeAll(async () => {
  testApp = await createTestApp();
  repository = testApp.app.get(getRepositoryToken(ProspectEntity));
  queries = new ProspectSearchQueries(
    repository,
    repository.manager.connection.options.type === 'better-sqlite3',
  );
  await importCsv(
    csv(0, 12, (n) => TAGS[n % TAGS.length]),
    'first',
  );
  await importCsv(
    csv(12, 24, (n) => TAGS[n % TAGS.length]),
    'second',
  );
});
afterAll(() => testApp.destroy());

/** Each row of prospect_tags as "email tag", sorted. */
async function indexed(): Promise<string[]> {
  const key = queries.tagKey === 'p.rowid' ? 'rowid' : 'id';
  const rows: { email: string; tag: string }[] = await repository.query(
    `SELECT p.email AS email, t.tag AS tag FROM prospect_tags t JOIN prospects p ON p.${key} = t.prospect_key`,
  );
  return rows.map((row) => `${row.email} ${row.tag}`).sort();
}

/** What prospect_tags should hold: each prospect's stored tags in lower case, once each. */
async function expected(): Promise<string[]> {
  const all = await repository.find();
  return all
    .flatMap((p) =>
      [...new Set(p.tags.map((tag) => tag.toLowerCase()))].map((t) => `${p.email} ${t}`),
    )
    .sort();
}

describe('prospect_tags', () => {
  it("holds every prospect's tags, in lower case, after an import", async () => {
    const rows = await indexed();
    expect(rows).toEqual(await expected());
    expect(rows).toContain('p0@tags.example vip');
    expect(rows).toContain('p0@tags.example import:first');
    expect(rows).toContain('p2@tags.example saas');
    expect(rows).toContain('p5@tags.example event "2026"');
    expect(rows.filter((row) => row.startsWith('p3@'))).toEqual(['p3@tags.example import:first']);
  });

  it('follows a merge, a PATCH and a DELETE', async () => {
    // p1 again, in another batch with another tag: the merge keeps both batches' tags.
    await importCsv(
      csv(1, 2, () => 'Partner'),
      'again',
    );
    const p1 = await repository.findOneByOrFail({ email: 'p1@tags.example' });
    expect((await indexed()).filter((row) => row.startsWith('p1@'))).toEqual(
      [...new Set(p1.tags.map((tag) => `p1@tags.example ${tag.toLowerCase()}`))].sort(),
    );
    expect(await indexed()).toContain('p1@tags.example import:again');

    await request(testApp.server)
      .patch(`/prospects/${p1.id}`)
      .send({ tags: ['Board'] })
      .expect(200);
    expect((await indexed()).filter((row) => row.startsWith('p1@'))).toEqual([
      'p1@tags.example board',
    ]);

    await request(testApp.server).delete(`/prospects/${p1.id}`).expect(204);
    expect((await indexed()).filter((row) => row.startsWith('p1@'))).toEqual([]);
    expect(await indexed()).toEqual(await expected());
  });
});

describe('a tag or batch filter, by the index or by the tags', () => {
  const cases: [string, ProspectSearchCriteria][] = [
    ['one tag', { tags: ['vip'] }],
    ['two tags, any case', { tags: ['SAAS', 'Enterprise'] }],
    ['a tag with quotes', { tags: ['event "2026"'] }],
    ['a tag none has', { tags: ['nobody'] }],
    ['a batch', { batches: ['second'] }],
    ['a batch and a tag', { batches: ['first'], tags: ['hiring'] }],
    ['a tag and a country', { tags: ['vip'], countries: ['germany'] }],
  ];

  const find = async (criteria: ProspectSearchCriteria, tagIndex?: TagIndex) => {
    const condition = buildSearchCondition(criteria, { freeText: 'like', tagIndex });
    const { total } = await queries.count(condition);
    const ids = await queries.pageIds(condition, { skip: 0, limit: 50 }, 'matches');
    return { total, ids, sql: condition?.sql ?? '' };
  };

  it.each(cases)('%s: the same prospects', async (_, criteria) => {
    const key = queries.tagKey;
    const byTags = await find(criteria);
    const byIndex = await find(criteria, { key, tags: true, batches: true });
    expect(byTags.sql).not.toContain('prospect_tags');
    expect(byIndex.sql).toContain('prospect_tags');
    expect(byIndex.ids).toEqual(byTags.ids);
    expect(byIndex.total).toBe(byTags.total);
    if (criteria.tags?.[0] !== 'nobody') expect(byTags.total).toBeGreaterThan(0);
  });

  it(`is read from the index when its tags are carried ${TAG_INDEX_MAX.toLocaleString('en-US')} times or fewer`, async () => {
    const spy = jest.spyOn(ProspectSearchQueries.prototype, 'count');
    try {
      const service = testApp.app.get(ProspectsService);
      const page = await service.search({ tags: ['vip'] }, { skip: 0, limit: 5 });
      expect(page.total).toBe((await find({ tags: ['vip'] })).total);
      expect((spy.mock.calls[0][0] as SqlCondition).sql).toContain('prospect_tags');

      // More than TAG_INDEX_MAX: the tags of each prospect found otherwise are read.
      const rows = jest
        .spyOn(ProspectSearchQueries.prototype, 'tagRows')
        .mockResolvedValue(TAG_INDEX_MAX + 1);
      const common = await service.search({ tags: ['vip'] }, { skip: 0, limit: 5 });
      expect(common.items.map((p) => p.id)).toEqual(page.items.map((p) => p.id));
      expect((spy.mock.calls[1][0] as SqlCondition).sql).not.toContain('prospect_tags');
      rows.mockRestore();
    } finally {
      spy.mockRestore();
    }
  });

  it('GET /prospects?batch=…&tag=… answers the same prospects as the service', async () => {
    const response = await request(testApp.server)
      .get('/prospects')
      .query({ batch: 'first', tag: 'vip', limit: 50 })
      .expect(200);
    const byTags = await find({ batches: ['first'], tags: ['vip'] });
    expect(response.body.items.map((p: { id: string }) => p.id)).toEqual(byTags.ids);
    expect(response.body.total).toBe(byTags.total);
  });
});
