/**
 * The prospects table's filters, sort and page: kept in the URL's search params (so a view can be
 * shared, reloaded and walked back), turned into the GET /prospects query. Pure functions.
 */

/** Text filters: typed by the user, lists comma-separated ("Germany, Austria"). */
export const TEXT_FILTERS = [
  'q',
  'title',
  'department',
  'industry',
  'country',
  'exclude_country',
  'city',
  'company',
  'tag',
] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

/** Number filters (whole numbers ≥ 0). */
export const NUMBER_FILTERS = ['employees_min', 'employees_max', 'min_score'] as const;
export type NumberFilter = (typeof NUMBER_FILTERS)[number];

/** Yes / no / either filters. */
export const FLAG_FILTERS = ['never_emailed', 'opted_out'] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];

export const SENIORITIES = [
  'founder',
  'c_level',
  'vp',
  'director',
  'manager',
  'senior',
  'entry',
] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const SORTS = ['name', '-score', 'score'] as const;
export type ProsSort = (typeof SORTS)[number];

/** A seniority as a label: `c_level` → "C-level", `vp` → "VP". */
export function seniorityLabel(value: string | null | undefined): string {
  if (!value) return '—';
  if (value === 'vp') return 'VP';
  if (value === 'c_level') return 'C-level';
  return value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');
}

/** Rows per page (the API allows at most 100). */
export const PAGE_SIZE = 50;

export type Flag = '' | 'true' | 'false';

export interface ProsFilters {
  text: Record<TextFilter, string>;
  numbers: Record<NumberFilter, number | undefined>;
  flags: Record<FlagFilter, Flag>;
  seniority: Seniority | '';
  sort: ProsSort;
  skip: number;
}

/** The GET /prospects query the filters ask for. */
export interface ProsQuery {
  skip: number;
  limit: number;
  sort?: ProsSort;
  q?: string;
  title?: string[];
  department?: string[];
  industry?: string[];
  country?: string[];
  exclude_country?: string[];
  city?: string[];
  company?: string[];
  tag?: string[];
  seniority?: Seniority[];
  employees_min?: number;
  employees_max?: number;
  min_score?: number;
  never_emailed?: boolean;
  opted_out?: boolean;
}

export function emptyFilters(): ProsFilters {
  return {
    text: Object.fromEntries(TEXT_FILTERS.map((k) => [k, ''])) as Record<TextFilter, string>,
    numbers: Object.fromEntries(NUMBER_FILTERS.map((k) => [k, undefined])) as Record<
      NumberFilter,
      number | undefined
    >,
    flags: Object.fromEntries(FLAG_FILTERS.map((k) => [k, ''])) as Record<FlagFilter, Flag>,
    seniority: '',
    sort: 'name',
    skip: 0,
  };
}

/** A whole number ≥ 0 from text, or undefined (blank or not a number). */
export function parseWhole(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** "Germany, Austria ," → ["Germany", "Austria"]. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function includes<T extends string>(list: readonly T[], value: string | null): value is T {
  return value !== null && (list as readonly string[]).includes(value);
}

/** The filters in a URL's search params; unknown or invalid values are ignored. */
export function parseFilters(params: URLSearchParams): ProsFilters {
  const filters = emptyFilters();
  for (const key of TEXT_FILTERS) filters.text[key] = params.get(key) ?? '';
  for (const key of NUMBER_FILTERS) filters.numbers[key] = parseWhole(params.get(key));
  if (filters.numbers.min_score !== undefined && filters.numbers.min_score > 100) {
    filters.numbers.min_score = 100;
  }
  for (const key of FLAG_FILTERS) {
    const value = params.get(key);
    filters.flags[key] = value === 'true' || value === 'false' ? value : '';
  }
  const seniority = params.get('seniority');
  filters.seniority = includes(SENIORITIES, seniority) ? seniority : '';
  const sort = params.get('sort');
  filters.sort = includes(SORTS, sort) ? sort : 'name';
  filters.skip = parseWhole(params.get('skip')) ?? 0;
  return filters;
}

/** The URL search params of the filters: only what differs from the defaults, in a fixed order. */
export function filtersToParams(filters: ProsFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_FILTERS) {
    const value = filters.text[key];
    if (value.trim()) params.set(key, value);
  }
  if (filters.seniority) params.set('seniority', filters.seniority);
  for (const key of NUMBER_FILTERS) {
    const value = filters.numbers[key];
    if (value !== undefined) params.set(key, String(value));
  }
  for (const key of FLAG_FILTERS) if (filters.flags[key]) params.set(key, filters.flags[key]);
  if (filters.sort !== 'name') params.set('sort', filters.sort);
  if (filters.skip > 0) params.set('skip', String(filters.skip));
  return params;
}

/** The GET /prospects query of the filters (lists split on commas, blanks left out). */
export function filtersToQuery(filters: ProsFilters, limit = PAGE_SIZE): ProsQuery {
  const query: ProsQuery = { skip: filters.skip, limit };
  if (filters.sort !== 'name') query.sort = filters.sort;
  const q = filters.text.q.trim();
  if (q) query.q = q;
  for (const key of TEXT_FILTERS) {
    if (key === 'q') continue;
    const values = splitList(filters.text[key]);
    if (values.length) query[key] = values;
  }
  if (filters.seniority) query.seniority = [filters.seniority];
  for (const key of NUMBER_FILTERS) {
    const value = filters.numbers[key];
    if (value !== undefined) query[key] = value;
  }
  for (const key of FLAG_FILTERS) {
    if (filters.flags[key]) query[key] = filters.flags[key] === 'true';
  }
  return query;
}

export type FilterChange =
  | { kind: 'text'; key: TextFilter; value: string }
  | { kind: 'number'; key: NumberFilter; value: string }
  | { kind: 'flag'; key: FlagFilter; value: string }
  | { kind: 'seniority'; value: string }
  | { kind: 'sort'; value: string };

/** The filters after one change; any change but paging goes back to the first page. */
export function applyChange(filters: ProsFilters, change: FilterChange): ProsFilters {
  const next: ProsFilters = {
    ...filters,
    text: { ...filters.text },
    numbers: { ...filters.numbers },
    flags: { ...filters.flags },
    skip: 0,
  };
  switch (change.kind) {
    case 'text':
      next.text[change.key] = change.value;
      break;
    case 'number':
      next.numbers[change.key] = parseWhole(change.value);
      break;
    case 'flag':
      next.flags[change.key] =
        change.value === 'true' || change.value === 'false' ? change.value : '';
      break;
    case 'seniority':
      next.seniority = includes(SENIORITIES, change.value) ? change.value : '';
      break;
    case 'sort':
      next.sort = includes(SORTS, change.value) ? change.value : 'name';
      break;
  }
  return next;
}

/** How many filters are set (for "3 filters" and a clear button). */
export function activeFilterCount(filters: ProsFilters): number {
  return (
    TEXT_FILTERS.filter((k) => filters.text[k].trim()).length +
    NUMBER_FILTERS.filter((k) => filters.numbers[k] !== undefined).length +
    FLAG_FILTERS.filter((k) => filters.flags[k]).length +
    (filters.seniority ? 1 : 0)
  );
}

/** The sort a column header's click asks for: score toggles best-first / lowest-first. */
export function nextSort(current: ProsSort, column: 'name' | 'score'): ProsSort {
  if (column === 'name') return 'name';
  return current === '-score' ? 'score' : '-score';
}
