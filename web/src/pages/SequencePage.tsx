import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { SeqEnrollments } from '../components/SeqEnrollments';
import { SeqSettings } from '../components/SeqSettings';
import { SeqStepStats } from '../components/SeqStepStats';
import { StatusBadge } from '../components/StatusBadge';
import { useSeqAction, useSequence } from '../hooks/seq-hooks';
import { formatDateTime, formatNumber, plural } from '../lib/format';

const COUNTS = [
  ['active', 'Active'],
  ['paused', 'Paused'],
  ['finished', 'Finished'],
  ['replied', 'Replied'],
  ['bounced', 'Bounced'],
  ['unsubscribed', 'Unsubscribed'],
  ['suppressed', 'Suppressed'],
  ['stopped', 'Stopped'],
] as const;

/** A sequence: its steps with their counts, its enrollments, settings, and launch/pause/resume. */
export function SequencePage() {
  const id = useParams().id ?? '';
  const query = useSequence(id);
  const refresh = [['sequence', id], ['sequences']];
  const launch = useSeqAction(
    () => unwrap(api.POST('/sequences/{id}/launch', { params: { path: { id } }, body: {} })),
    refresh,
  );
  const pause = useSeqAction(
    () => unwrap(api.POST('/sequences/{id}/pause', { params: { path: { id } } })),
    refresh,
  );
  const resume = useSeqAction(
    () => unwrap(api.POST('/sequences/{id}/resume', { params: { path: { id } } })),
    refresh,
  );

  if (query.isPending) return <Loading what="Loading the sequence" />;
  if (query.isError) {
    return (
      <section>
        <h1>Sequence</h1>
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
        <Link to="/sequences">All sequences</Link>
      </section>
    );
  }
  const sequence = query.data;
  const counts = sequence.enrollments;
  const failed = [launch, pause, resume].find((action) => action.isError);
  const busy = launch.isPending || pause.isPending || resume.isPending;
  return (
    <section>
      <p className="small">
        <Link to="/sequences">All sequences</Link>
      </p>
      <h1>
        {sequence.name} <StatusBadge status={sequence.status} />
      </h1>
      <p className="muted">
        {plural(sequence.steps.length, 'step')} · {plural(counts.total, 'enrollment')} · created{' '}
        {formatDateTime(sequence.created_at)}
      </p>
      <div className="actions">
        <ConfirmButton
          label="Launch"
          question={`Launch “${sequence.name}”? The first email of every enrollment not launched yet is drafted into the outbox; nothing is sent before you approve the launch.`}
          disabled={busy}
          onConfirm={() => launch.mutate()}
        />
        {sequence.status === 'active' ? (
          <ConfirmButton
            label="Pause sequence"
            question="Pause the sequence? Nothing of it is sent until you resume it; enrollments keep their places."
            disabled={busy}
            onConfirm={() => pause.mutate()}
          />
        ) : (
          <ConfirmButton
            label="Resume sequence"
            question="Resume the sequence? Emails that fell due meanwhile go out in each prospect's sending window."
            disabled={busy}
            onConfirm={() => resume.mutate()}
          />
        )}
      </div>
      <div role="status">
        {launch.data && (
          <p className="notice notice-ok">
            Launched for {plural(launch.data.enrollments, 'enrollment')}.{' '}
            <Link to={`/jobs/${launch.data.job_id}`}>Review the launch job</Link>
          </p>
        )}
      </div>
      {failed && <ErrorNotice error={failed.error} />}
      {sequence.launch_job_id && !launch.data && (
        <p>
          <Link to={`/jobs/${sequence.launch_job_id}`}>The latest launch job</Link>
          {sequence.run_job_id && (
            <>
              {' · '}
              <Link to={`/jobs/${sequence.run_job_id}`}>The sending job</Link>
            </>
          )}
        </p>
      )}

      <h2>Enrollments by status</h2>
      <dl className="seq-counts">
        {COUNTS.map(([key, label]) => (
          <div key={key} className="seq-count">
            <dt>{label}</dt>
            <dd>{formatNumber(counts[key])}</dd>
          </div>
        ))}
      </dl>

      <h2>Steps</h2>
      <SeqStepStats steps={sequence.steps} stats={sequence.step_stats} />

      <h2>Enrollments</h2>
      <SeqEnrollments sequenceId={sequence.id} steps={sequence.steps} />

      <h2>Settings</h2>
      <SeqSettings settings={sequence.settings} />
    </section>
  );
}
