/**
 * How many matches a bounded count reads at most: the bound, or the page's own end when it is
 * further (a deep page has read that far already). One more than that says "more than".
 */
export function countLimit({
  bound,
  skip,
  limit,
}: {
  bound: number;
  skip: number;
  limit: number;
}): number {
  return Math.max(bound, skip + limit);
}

/** A count that stopped at `limit` + 1 rows: the total, and whether more match. */
export function boundedTotal(
  counted: number,
  limit: number,
): { total: number; isLowerBound: boolean } {
  return counted > limit
    ? { total: limit, isLowerBound: true }
    : { total: counted, isLowerBound: false };
}
