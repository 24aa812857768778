/** List pages' paging and filters, kept in the address so they survive a reload and Back. */

export interface ListParams<S extends string> {
  skip: number;
  status?: S;
}

/** `skip` (a whole number ≥ 0) and `status` (one of `statuses`) from the address; others ignored. */
export function readListParams<S extends string>(
  search: URLSearchParams,
  statuses: readonly S[],
): ListParams<S> {
  const rawSkip = Number(search.get('skip'));
  const skip = Number.isInteger(rawSkip) && rawSkip > 0 ? rawSkip : 0;
  const rawStatus = search.get('status');
  const status = statuses.find((value) => value === rawStatus);
  return status ? { skip, status } : { skip };
}

/** A text filter from the address, trimmed; undefined when empty. */
export function readText(search: URLSearchParams, name: string): string | undefined {
  const value = search.get(name)?.trim();
  return value ? value : undefined;
}

/**
 * The address with `name` set (removed when empty). A changed filter starts again at the first
 * page; changing `skip` itself keeps the filters.
 */
export function withParam(
  search: URLSearchParams,
  name: string,
  value: string | number | undefined,
): URLSearchParams {
  const next = new URLSearchParams(search);
  const text = value === undefined ? '' : String(value);
  if (text === '' || (name === 'skip' && text === '0')) next.delete(name);
  else next.set(name, text);
  if (name !== 'skip') next.delete('skip');
  return next;
}
