import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { CmdJobsTable } from '../components/CmdJobsTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { isJobStatus, JOB_STATUSES } from '../lib/cmd-job-view';
import { humanize } from '../lib/format';

const LIMIT = 20;

/** All jobs, newest first, filtered by status (in the URL, so a filtered list can be shared). */
export function JobsPage() {
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isJobStatus(statusParam) ? statusParam : undefined;
  const skip = Math.max(0, Number(params.get('skip')) || 0);

  const jobs = useQuery({
    queryKey: ['jobs', 'list', status ?? 'all', skip],
    queryFn: () => unwrap(api.GET('/jobs', { params: { query: { status, skip, limit: LIMIT } } })),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });

  const change = (next: { status?: string; skip?: number }) => {
    const updated = new URLSearchParams(params);
    if (next.status !== undefined) {
      if (next.status) updated.set('status', next.status);
      else updated.delete('status');
      updated.delete('skip');
    }
    if (next.skip !== undefined) {
      if (next.skip > 0) updated.set('skip', String(next.skip));
      else updated.delete('skip');
    }
    setParams(updated);
  };

  return (
    <section>
      <h1>Jobs</h1>
      <div className="row">
        <div className="field">
          <label htmlFor="jobs-status">Status</label>
          <select
            id="jobs-status"
            value={status ?? ''}
            onChange={(event) => change({ status: event.target.value })}
          >
            <option value="">All statuses</option>
            {JOB_STATUSES.map((value) => (
              <option key={value} value={value}>
                {humanize(value)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {jobs.isPending && <Loading what="Loading jobs" />}
      {jobs.isError && <ErrorNotice error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.data && jobs.data.items.length === 0 && (
        <p>
          {status
            ? `No job is ${humanize(status).toLowerCase()}.`
            : 'No jobs yet: type a command on the Command page to start one.'}
        </p>
      )}
      {jobs.data && jobs.data.items.length > 0 && (
        <>
          <CmdJobsTable
            jobs={jobs.data.items}
            caption={
              status
                ? `Jobs: ${humanize(status).toLowerCase()}, newest first`
                : 'Jobs, newest first'
            }
          />
          <Pager
            skip={skip}
            limit={LIMIT}
            shown={jobs.data.items.length}
            total={jobs.data.total}
            onChange={(next) => change({ skip: next })}
          />
        </>
      )}
    </section>
  );
}
