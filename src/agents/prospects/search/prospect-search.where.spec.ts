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

  it('bounds the company size on both ends', () => {
    const condition = buildSearchCondition({
      employeesMin: 50,
      employeesMax: 500,
      optedOut: false,
    })!;
    expect(condition.sql).toBe(
      '(c.employeeCount >= :p0 AND c.employeeCount <= :p1 AND p.optedOut = :p2)',
    );
    expect(condition.params).toEqual({ p0: 50, p1: 500, p2: false });
  });
});
