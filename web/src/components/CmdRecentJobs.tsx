import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { CmdJobsTable } from './CmdJobsTable';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

/** The last commands and their jobs, newest first, for the home page. */
export function CmdRecentJobs() {
  const jobs = useQuery({
    queryKey: ['jobs', 'list', 'all', 0, 'recent'],
    queryFn: () => unwrap(api.GET('/jobs', { params: { query: { limit: 10 } } })),
    refetchInterval: 15_000,
    // Read again on every visit: a job run or finished a moment ago must be listed at once.
    staleTime: 0,
  });
  return (
    <section aria-labelledby="cmd-recent-heading">
      <h2 id="cmd-recent-heading">Recent commands</h2>
      {jobs.isPending && <Loading what="Loading recent jobs" />}
      {jobs.isError && <ErrorNotice error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.data && jobs.data.items.length === 0 && (
        <p className="muted">No commands yet: the jobs you run appear here.</p>
      )}
      {jobs.data && jobs.data.items.length > 0 && (
        <>
          <CmdJobsTable jobs={jobs.data.items} caption="The last 10 jobs, newest first" />
          <p>
            <Link to="/jobs">All jobs</Link>
          </p>
        </>
      )}
    </section>
  );
}
