import { buildSearchCondition } from './prospect-search.where';

describe('buildSearchCondition', () => {
  it('filters nothing without criteria', () => {
    expect(buildSearchCondition({})).toBeUndefined();
    expect(buildSearchCondition({ titles: [], countries: [] })).toBeUndefined();
  });

  it('puts titles and seniorities in one OR group, ANDed with the rest', () => {
    const condition = buildSearchCondition({
      titles: ['CTO'],
      seniorities: ['founder'],
      countries: ['Germany', 'germany'],
    })!;
    expect(condition.sql).toMatch(
      /^\(\(\(p\.titleWords LIKE :p0 .*\) OR p\.seniority IN \(:\.\.\.p\d\)\) AND LOWER\(p\.country\) IN \(:\.\.\.p\d\)\)$/,
    );
    expect(Object.values(condition.params)).toEqual(
      expect.arrayContaining([['founder'], ['germany'], '% cto%', '% chief technology officer%']),
    );
  });

  it('escapes LIKE wildcards of free text and tags', () => {
    const condition = buildSearchCondition({ q: '100%', tags: ['a_b'] })!;
    expect(Object.values(condition.params)).toEqual(
      expect.arrayContaining(['%100\\%%', '%"a\\_b"%']),
    );
    expect(condition.sql).toContain("ESCAPE '\\'");
  });

  it('finds free-text words with LIKE on the search text, or by the FTS5 trigram index', () => {
    expect(buildSearchCondition({ q: 'Greta  greta x' })).toEqual({
      sql: "(p.searchText LIKE :p0 ESCAPE '\\' AND p.searchText LIKE :p1 ESCAPE '\\')",
      params: { p0: '%greta%', p1: '%x%' },
      readsCompany: false,
    });
    // Words of three characters or more in one MATCH, each a quoted phrase; shorter ones by LIKE.
    // The same with the index's matches joined (for a count up to a limit): `"ps"` by MATCH.
    expect(buildSearchCondition({ q: 'Greta x a"b"c' }, { freeText: 'fts5' })).toEqual({
      sql:
        '(p.rowid IN (SELECT rowid FROM prospect_search WHERE prospect_search MATCH :p0) AND ' +
        "p.searchText LIKE :p1 ESCAPE '\\')",
      freeTextJoined: `("ps"."prospect_search" MATCH :p0 AND p.searchText LIKE :p1 ESCAPE '\\')`,
      params: { p0: '"greta" AND "a""b""c"', p1: '%x%' },
      readsCompany: false,
    });
  });

  it('says whether the condition reads the company, which the count then joins', () => {
    const readsCompany = (criteria: Parameters<typeof buildSearchCondition>[0]) =>
      buildSearchCondition(criteria)!.readsCompany;
    expect(readsCompany({ titles: ['CTO'], countries: ['Germany'], q: 'anna', tags: ['x'] })).toBe(
      false,
    );
    // The industry and the size are looked up in a subquery on companies.
    expect(readsCompany({ industries: ['Software'] })).toBe(false);
    expect(readsCompany({ employeesMax: 10 })).toBe(false);
    expect(readsCompany({ keywords: ['fintech'] })).toBe(true);
  });

  it('finds a named industry by its family, and an unlisted one by its words', () => {
    expect(buildSearchCondition({ industries: ['SaaS', 'Software', 'Robotics'] })).toEqual({
      sql:
        'p.companyId IN (SELECT id FROM companies WHERE (industry_family IN (:...p0) OR ' +
        '(industry_family IS NULL AND industry IS NOT NULL AND ' +
        "((' ' || LOWER(industry) || ' ') LIKE :p1 ESCAPE '\\' OR " +
        "(' ' || LOWER(industry) || ' ') LIKE :p2 ESCAPE '\\')) OR " +
        "(' ' || LOWER(industry) || ' ') LIKE :p3 ESCAPE '\\'))",
      params: { p0: ['software'], p1: '% saas %', p2: '% software %', p3: '% robotics %' },
      readsCompany: false,
    });
  });

  it('takes the narrower families a broad one covers', () => {
    const condition = buildSearchCondition({ industries: ['Financial Services'] })!;
    expect((condition.params.p0 as string[]).sort()).toEqual([
      'banking',
      'financial-services',
      'fintech',
      'insurance',
    ]);
  });

  it('bounds the company size on both ends, in the one subquery on companies', () => {
    const condition = buildSearchCondition({
      employeesMin: 50,
      employeesMax: 500,
      optedOut: false,
    })!;
    expect(condition.sql).toBe(
      '(p.companyId IN (SELECT id FROM companies WHERE (employee_count >= :p0 AND ' +
        'employee_count <= :p1)) AND p.optedOut = :p2)',
    );
    expect(condition.params).toEqual({ p0: 50, p1: 500, p2: false });
    expect(buildSearchCondition({ industries: ['Robotics'], employeesMin: 10 })!.sql).toBe(
      'p.companyId IN (SELECT id FROM companies WHERE (' +
        "(' ' || LOWER(industry) || ' ') LIKE :p0 ESCAPE '\\' AND employee_count >= :p1))",
    );
  });

  it('leaves the sample prospects out when told, with a comparison no index serves', () => {
    expect(buildSearchCondition({}, { freeText: 'like', excludeSample: true })).toEqual({
      sql: 'p.isSample <> :p0',
      params: { p0: true },
      readsCompany: false,
    });
    expect(buildSearchCondition({ includeSample: false })).toBeUndefined();
  });

  it('keeps prospects whose latest fit score reaches min_score', () => {
    expect(buildSearchCondition({ minScore: 70 })).toEqual({
      sql: 'p.fitScore >= :p0',
      params: { p0: 70 },
      readsCompany: false,
    });
  });

  it('finds companies by lower-case name, or by domain when a value reads as one', () => {
    expect(
      buildSearchCondition({ companies: ['Acme  Corp', 'https://www.Globex.example/'] }),
    ).toEqual({
      sql:
        'p.companyId IN (SELECT id FROM companies WHERE ' +
        '(LOWER(name) IN (:...p0) OR domain IN (:...p1)))',
      params: { p0: ['acme corp', 'https://www.globex.example/'], p1: ['globex.example'] },
      readsCompany: false,
    });
  });

  it('excludes companies and countries, keeping prospects without one', () => {
    expect(
      buildSearchCondition({ excludeCompanies: ['Acme'], excludeCountries: ['France'] }),
    ).toEqual({
      sql:
        '((p.country IS NULL OR LOWER(p.country) NOT IN (:...p0)) AND ' +
        '(p.companyId IS NULL OR p.companyId NOT IN (SELECT id FROM companies WHERE LOWER(name) IN (:...p1))))',
      params: { p0: ['france'], p1: ['acme'] },
      readsCompany: false,
    });
  });

  it('filters by source and by named import (its tag), each ANDed', () => {
    const condition = buildSearchCondition({
      sources: ['CSV'],
      batches: ['Apollo-Nov'],
      tags: ['x'],
    })!;
    expect(condition.sql).toBe(
      "(LOWER(p.source) IN (:...p0) AND LOWER(p.tags) LIKE :p1 ESCAPE '\\' AND " +
        "LOWER(p.tags) LIKE :p2 ESCAPE '\\')",
    );
    expect(condition.params).toEqual({ p0: ['csv'], p1: '%"x"%', p2: '%"import:apollo-nov"%' });
  });

  it('counts "not contacted" back from now, and never emailed by a missing last contact', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(
      buildSearchCondition(
        { notContactedDays: 30, neverEmailed: false },
        { freeText: 'like', now },
      ),
    ).toEqual({
      sql:
        '((p.lastContactedAt IS NULL OR p.lastContactedAt < :p0) AND ' +
        'p.lastContactedAt IS NOT NULL)',
      params: { p0: new Date('2026-10-31T12:00:00Z') },
      readsCompany: false,
    });
    expect(buildSearchCondition({ neverEmailed: true })!.sql).toBe('p.lastContactedAt IS NULL');
  });
});
