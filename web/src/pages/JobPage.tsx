import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { CmdCheckpoints } from '../components/CmdCheckpoints';
import { CmdJobActivity, CmdStreamState } from '../components/CmdJobActivity';
import { CmdJobFeedback } from '../components/CmdJobFeedback';
import { CmdJobSteps } from '../components/CmdJobSteps';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { StatusBadge } from '../components/StatusBadge';
import { jobKey, useJobStream } from '../hooks/cmd-use-job-stream';
import { canCancel, canRetry, isFinished, stepErrorNext } from '../lib/cmd-job-view';
import { formatCost, formatDateTime, formatNumber, humanize } from '../lib/format';

/** One job: its steps and live progress, its cost, and what can be done with it. */
export function JobPage() {
  const jobId = useParams().jobId ?? '';
  const queryClient = useQueryClient();
  const [generation, setGeneration] = useState(0);
  const job = useQuery({
    queryKey: jobKey(jobId),
    queryFn: () => unwrap(api.GET('/jobs/{job_id}', { params: { path: { job_id: jobId } } })),
  });
  const stream = useJobStream(jobId, job.data, generation);
  const path = { params: { path: { job_id: jobId } } };
  const after = () => {
    void queryClient.invalidateQueries({ queryKey: jobKey(jobId) });
    void queryClient.invalidateQueries({ queryKey: ['jobs'] });
  };
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/jobs/{job_id}/cancel', path)),
    onSuccess: after,
  });
  const retry = useMutation({
    mutationFn: () => unwrap(api.POST('/jobs/{job_id}/retry', { ...path, body: {} })),
    onSuccess: () => {
      after();
      setGeneration((n) => n + 1);
    },
  });

  if (job.isPending) return <Loading what="Loading the job" />;
  if (!job.data) {
    return (
      <section>
        <h1>Job</h1>
        <ErrorNotice error={job.error} onRetry={() => void job.refetch()} />
        <p>
          <Link to="/jobs">Back to the jobs</Link>
        </p>
      </section>
    );
  }
  const data = job.data;
  const usage = data.usage;
  const waitingStep = data.steps.find((step) => step.status === 'waiting_approval');
  return (
    <section aria-labelledby="cmd-job-heading">
      <p className="small">
        <Link to="/jobs">Jobs</Link> ›
      </p>
      <h1 id="cmd-job-heading">{data.objective}</h1>
      <p className="cmd-job-status">
        <StatusBadge status={data.status} />{' '}
        <span className="muted">{humanize(data.job_type)} job</span>
      </p>
      <CmdStreamState state={stream.state} />
      {waitingStep && (
        <div className="notice notice-info">
          Step {waitingStep.index + 1} waits for your approval.{' '}
          <Link to="/approvals">Review it on the Approvals page</Link>.
        </div>
      )}
      {data.status === 'waiting' && data.wake_at && (
        <p className="notice notice-info">
          It waits until {formatDateTime(data.wake_at)}, then goes on by itself.
        </p>
      )}
      {data.error && (
        <div className="notice notice-error">
          <p>
            <strong>Why it stopped:</strong> {data.error}
          </p>
          {data.status === 'failed' && <p>{stepErrorNext(data.error, data.status)}</p>}
        </div>
      )}
      <div className="actions">
        {canCancel(data.status) && (
          <ConfirmButton
            label="Cancel job"
            tone="danger"
            question="Cancel this job? Steps not run yet will not run; this cannot be undone."
            confirmLabel="Cancel job"
            disabled={cancel.isPending}
            onConfirm={() => cancel.mutate()}
          />
        )}
        {canRetry(data.status) && (
          <ConfirmButton
            label="Retry"
            question="Retry this job from the step that failed? Steps that succeeded are not run again."
            disabled={retry.isPending}
            onConfirm={() => retry.mutate()}
          />
        )}
      </div>
      {cancel.isError && <ErrorNotice error={cancel.error} />}
      {retry.isError && <ErrorNotice error={retry.error} />}
      {job.isError && <ErrorNotice error={job.error} onRetry={() => void job.refetch()} />}

      <dl className="facts cmd-job-facts">
        <dt>Created</dt>
        <dd>{formatDateTime(data.created_at)}</dd>
        <dt>Started</dt>
        <dd>{formatDateTime(data.started_at)}</dd>
        <dt>Finished</dt>
        <dd>{formatDateTime(data.finished_at)}</dd>
        <dt>Tokens</dt>
        <dd>
          {usage
            ? `${formatNumber(usage.total_tokens)} (${formatNumber(usage.prompt_tokens)} in, ${formatNumber(usage.completion_tokens)} out, ${formatNumber(usage.calls)} calls)`
            : '—'}
        </dd>
        <dt>Estimated cost</dt>
        <dd>
          {usage?.estimated_cost_usd === null && usage.calls > 0
            ? 'Unknown (no price for the model)'
            : formatCost(usage?.estimated_cost_usd ?? 0)}
        </dd>
      </dl>

      <h2>Steps</h2>
      <CmdJobSteps job={data} />

      <h2>Activity</h2>
      <CmdJobActivity events={stream.events} />

      <CmdCheckpoints jobId={jobId} />
      {isFinished(data.status) && <CmdJobFeedback jobId={jobId} />}
    </section>
  );
}
