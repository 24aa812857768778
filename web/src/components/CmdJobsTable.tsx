import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { formatDateTime, formatRelative, plural } from '../lib/format';
import { StatusBadge } from './StatusBadge';

type Job = Schemas['JobDto'];

/** "2 of 3 steps done". */
function progress(job: Job): string {
  const done = job.steps.filter((step) => step.status === 'succeeded').length;
  return `${done} of ${plural(job.steps.length, 'step')} done`;
}

/** Jobs newest first: what each was asked to do, its status and when; each opens its page. */
export function CmdJobsTable({ jobs, caption }: { jobs: Job[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="cmd-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Command</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.job_id}>
              <td>
                <Link to={`/jobs/${job.job_id}`}>{job.objective}</Link>
              </td>
              <td>
                <StatusBadge status={job.status} />
              </td>
              <td>{progress(job)}</td>
              <td>
                <time dateTime={job.created_at} title={formatDateTime(job.created_at)}>
                  {formatRelative(job.created_at)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
