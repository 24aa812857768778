import type { Schemas } from '../api/client';
import { formatNumber, formatRelative } from '../lib/format';
import { waitingHeadline } from './ApprJob';

type Job = Schemas['JobDto'];
type Step = Schemas['JobStepDto'];

/** How many drafts the waiting step read when it parked (from its preview), if it says. */
function draftCount(step: Step | undefined): number | undefined {
  const drafts = (step?.preview?.inputs as Record<string, unknown> | undefined)?.drafts;
  const count = (drafts as { count?: unknown } | undefined)?.count;
  return typeof count === 'number' ? count : undefined;
}

/** The queue: one row per job; the selected row is marked (aria-selected and a colour band). */
export function ApprQueueTable({
  jobs,
  selectedId,
  onOpen,
  stepOf,
}: {
  jobs: Job[];
  selectedId: string | undefined;
  onOpen: (jobId: string) => void;
  stepOf: (job: Job) => Step | undefined;
}) {
  return (
    <div className="table-wrap">
      <table className="appr-queue">
        <caption className="visually-hidden">Jobs waiting for approval</caption>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Waits to</th>
            <th scope="col">Drafts</th>
            <th scope="col">Waiting since</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => {
            const step = stepOf(job);
            const isSelected = job.job_id === selectedId;
            return (
              <tr key={job.job_id} aria-selected={isSelected}>
                <th scope="row">
                  <button
                    type="button"
                    id={`appr-item-${job.job_id}`}
                    className="link-button"
                    aria-current={isSelected ? 'true' : undefined}
                    onClick={() => onOpen(job.job_id)}
                  >
                    {job.objective}
                  </button>
                  {isSelected && <span className="visually-hidden"> (selected)</span>}
                </th>
                <td>{waitingHeadline(step)}</td>
                <td>{formatNumber(draftCount(step))}</td>
                <td>{formatRelative(job.updated_at)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
