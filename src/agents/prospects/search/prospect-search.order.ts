import type { ProspectSort } from './prospect-search.types';

/** One ORDER BY term over prospects `p`, in TypeORM property paths. */
export interface OrderTerm {
  column: string;
  direction: 'ASC' | 'DESC';
  nulls?: 'NULLS LAST';
}

const BY_NAME: readonly OrderTerm[] = [
  { column: 'p.name', direction: 'ASC' },
  { column: 'p.id', direction: 'ASC' },
];

/**
 * The ORDER BY of a search: by name (then id, so pages never overlap), or by the latest fit score
 * (`-score` best first, `score` lowest first) and then by name. Unscored prospects come last either
 * way: NULLS LAST says so on every database (SQLite sorts NULL first, Postgres last, ascending).
 * Descending, it is SQLite's own order, so the score index serves `-score`.
 */
export function searchOrder(sort: ProspectSort = 'name'): readonly OrderTerm[] {
  if (sort === 'name') return BY_NAME;
  const direction = sort === '-score' ? 'DESC' : 'ASC';
  return [{ column: 'p.fitScore', direction, nulls: 'NULLS LAST' }, ...BY_NAME];
}
