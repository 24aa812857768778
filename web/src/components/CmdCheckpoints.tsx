import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { checkpointsKey } from '../hooks/cmd-use-job-stream';
import { formatDateTime } from '../lib/format';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

/**
 * The job's checkpoints (its state saved after each step), read only when asked for: each holds
 * the whole job state, which can be large.
 */
export function CmdCheckpoints({ jobId }: { jobId: string }) {
  const [open, setOpen] = useState(false);
  const checkpoints = useQuery({
    queryKey: checkpointsKey(jobId),
    queryFn: () =>
      unwrap(api.GET('/jobs/{job_id}/checkpoints', { params: { path: { job_id: jobId } } })),
    enabled: open,
    select: (list) =>
      list.map(({ seq, step_index, created_at }) => ({ seq, step_index, created_at })),
  });
  return (
    <section aria-labelledby="cmd-checkpoints-heading">
      <h2 id="cmd-checkpoints-heading">Checkpoints</h2>
      <p className="muted small">
        The job’s state is saved after each step; a retry resumes from the last one.
      </p>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide checkpoints' : 'Show checkpoints'}
      </button>
      {open && checkpoints.isPending && <Loading what="Loading checkpoints" />}
      {open && checkpoints.isError && <ErrorNotice error={checkpoints.error} />}
      {open && checkpoints.data && checkpoints.data.length === 0 && (
        <p>No checkpoint yet: none is saved before the first step completes.</p>
      )}
      {open && checkpoints.data && checkpoints.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="cmd-caption">Checkpoints, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">After step</th>
                <th scope="col">Saved</th>
              </tr>
            </thead>
            <tbody>
              {checkpoints.data.map((checkpoint) => (
                <tr key={checkpoint.seq}>
                  <td>{checkpoint.seq}</td>
                  <td>
                    {checkpoint.step_index < 0
                      ? 'Before the first step (retry)'
                      : `Step ${checkpoint.step_index + 1}`}
                  </td>
                  <td>{formatDateTime(checkpoint.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
