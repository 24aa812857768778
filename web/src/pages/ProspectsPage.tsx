import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { ProsFilterForm } from '../components/ProsFilterForm';
import { ProsTable } from '../components/ProsTable';
import { plural } from '../lib/format';
import {
  applyChange,
  emptyFilters,
  filtersToParams,
  filtersToQuery,
  PAGE_SIZE,
  parseFilters,
  type FilterChange,
  type ProsFilters,
} from '../lib/pros-filters';

/** The page answer; `total_is_lower_bound` may come with a later service version. */
type ProspectPage = Schemas['ProspectPageDto'] & { total_is_lower_bound?: boolean };

/** Prospects: filters, sort and page in the URL; the service filters and pages. */
export function ProspectsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);
  const query = useMemo(() => filtersToQuery(filters, PAGE_SIZE), [filters]);

  const result = useQuery({
    queryKey: ['prospects', 'list', query],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/prospects', { params: { query }, signal })) as Promise<ProspectPage>,
    placeholderData: keepPreviousData,
  });

  // From the URL as it is when the change lands (a debounced input may fire after another change).
  const go = useCallback(
    (update: (current: ProsFilters) => ProsFilters, replace: boolean) =>
      setSearchParams((current) => filtersToParams(update(parseFilters(current))), {
        replace,
        preventScrollReset: true,
      }),
    [setSearchParams],
  );
  const onChange = useCallback(
    (change: FilterChange) => go((current) => applyChange(current, change), change.kind === 'text'),
    [go],
  );

  const page = result.data;
  return (
    <section className="pros">
      <div className="pros-head">
        <h1>Prospects</h1>
        <Link className="button" to="/prospects/import">
          Import CSV
        </Link>
      </div>
      <ProsFilterForm
        filters={filters}
        onChange={onChange}
        onClear={() => go((current) => ({ ...emptyFilters(), sort: current.sort }), false)}
      />
      {result.error && <ErrorNotice error={result.error} onRetry={() => void result.refetch()} />}
      {!page && result.isPending && <Loading what="Loading prospects" />}
      {page && (
        <>
          <p id="pros-count" className="muted" aria-live="polite">
            {result.isPlaceholderData ? 'Updating… ' : ''}
            {page.total_is_lower_bound ? 'More than ' : ''}
            {plural(page.total, 'prospect')} found
            {page.sample_excluded ? ' (sample prospects left out)' : ''}
          </p>
          {page.items.length === 0 ? (
            <p>No prospect matches these filters.</p>
          ) : (
            <ProsTable
              prospects={page.items}
              sort={filters.sort}
              busy={result.isFetching}
              onSort={(sort) => onChange({ kind: 'sort', value: sort })}
            />
          )}
          <Pager
            skip={filters.skip}
            limit={PAGE_SIZE}
            shown={page.items.length}
            total={page.total}
            totalIsLowerBound={page.total_is_lower_bound}
            onChange={(skip) => go((current) => ({ ...current, skip }), false)}
          />
        </>
      )}
    </section>
  );
}
