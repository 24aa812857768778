import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { SeqProspectLink, SeqProspectName } from '../components/SeqProspect';
import { SeqReplyText } from '../components/SeqReplyText';
import { SeqTimeline } from '../components/SeqTimeline';
import { StatusBadge } from '../components/StatusBadge';
import { useEnrollment, useReplies, useSeqAction, useSequence } from '../hooks/seq-hooks';
import { formatDateTime, formatRelative } from '../lib/format';
import {
  describeExitReason,
  describeStep,
  enrollmentActions,
  summarizeTimeline,
  type SeqStep,
} from '../lib/seq-describe';

/** One prospect in one sequence: its timeline, what is next, and pause/resume/stop. */
export function EnrollmentPage() {
  const id = useParams().id ?? '';
  const query = useEnrollment(id);
  const sequenceId = query.data?.sequence_id ?? '';
  const sequence = useSequence(sequenceId);
  const replies = useReplies({ skip: 0, enrollment_id: id });
  const refresh = [['enrollment', id], ['sequence', sequenceId], ['tasks']];
  const pause = useSeqAction(
    () => unwrap(api.POST('/enrollments/{id}/pause', { params: { path: { id } } })),
    refresh,
  );
  const resume = useSeqAction(
    () => unwrap(api.POST('/enrollments/{id}/resume', { params: { path: { id } } })),
    refresh,
  );
  const stop = useSeqAction(
    () => unwrap(api.POST('/enrollments/{id}/stop', { params: { path: { id } } })),
    refresh,
  );

  if (query.isPending) return <Loading what="Loading the enrollment" />;
  if (query.isError) {
    return (
      <section>
        <h1>Enrollment</h1>
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
        <Link to="/sequences">All sequences</Link>
      </section>
    );
  }
  const enrollment = query.data;
  const allowed = enrollmentActions(enrollment.status);
  const { sent, replies: replyCount } = summarizeTimeline(enrollment.timeline);
  const step = sequence.data?.steps[enrollment.step_index];
  const sequenceName = sequence.data?.name ?? 'its sequence';
  const failed = [pause, resume, stop].find((action) => action.isError);
  const busy = pause.isPending || resume.isPending || stop.isPending;
  return (
    <section>
      <p className="small">
        <Link to={`/sequences/${enrollment.sequence_id}`}>Back to {sequenceName}</Link>
      </p>
      <h1>
        <SeqProspectName id={enrollment.prospect_id} /> in {sequenceName}{' '}
        <StatusBadge status={enrollment.status} />
      </h1>
      <dl className="facts">
        <dt>Prospect</dt>
        <dd>
          <SeqProspectLink id={enrollment.prospect_id} />
        </dd>
        <dt>Sequence</dt>
        <dd>
          <Link to={`/sequences/${enrollment.sequence_id}`}>{sequenceName}</Link>
        </dd>
        <dt>Current step</dt>
        <dd>
          {enrollment.step_index + 1}
          {step ? `. ${describeStep(step as SeqStep)}` : ''}
        </dd>
        <dt>Next due</dt>
        <dd>
          {enrollment.next_due_at ? (
            `${formatDateTime(enrollment.next_due_at)} (${formatRelative(enrollment.next_due_at)})`
          ) : enrollment.exited_at ? (
            'Nothing: it ended'
          ) : enrollment.status === 'paused' ? (
            'Nothing while it is paused'
          ) : !enrollment.launched_at ? (
            'Waiting for the sequence’s launch'
          ) : step?.type === 'task' ? (
            <>
              Waiting for its task to be done (<Link to="/tasks">Tasks</Link>)
            </>
          ) : (
            'Waiting for its follow-up to be approved'
          )}
        </dd>
        <dt>Emails sent</dt>
        <dd>{sent}</dd>
        <dt>Replies</dt>
        <dd>{replyCount}</dd>
        <dt>Enrolled</dt>
        <dd>{formatDateTime(enrollment.created_at)}</dd>
        <dt>Launched</dt>
        <dd>{formatDateTime(enrollment.launched_at)}</dd>
        {enrollment.exited_at && (
          <>
            <dt>Ended</dt>
            <dd>
              {formatDateTime(enrollment.exited_at)}: {describeExitReason(enrollment.exit_reason)}
            </dd>
          </>
        )}
      </dl>
      {(allowed.pause || allowed.resume || allowed.stop) && (
        <div className="actions">
          {allowed.pause && (
            <ConfirmButton
              label="Pause"
              question="Pause this enrollment? Nothing is sent to the prospect until you resume it."
              disabled={busy}
              onConfirm={() => pause.mutate()}
            />
          )}
          {allowed.resume && (
            <ConfirmButton
              label="Resume"
              question="Resume this enrollment? An email that fell due meanwhile goes out in the prospect's next sending window."
              disabled={busy}
              onConfirm={() => resume.mutate()}
            />
          )}
          {allowed.stop && (
            <ConfirmButton
              label="Stop"
              tone="danger"
              question="Stop this enrollment for good? Nothing more is sent and its open task is cancelled."
              confirmLabel="Stop for good"
              disabled={busy}
              onConfirm={() => stop.mutate()}
            />
          )}
        </div>
      )}
      {failed && <ErrorNotice error={failed.error} />}

      <h2>Timeline</h2>
      <SeqTimeline events={enrollment.timeline} />

      <h2>Messages received</h2>
      {replies.isError && <ErrorNotice error={replies.error} />}
      {replies.data && replies.data.items.length === 0 && (
        <p className="muted">No message from this prospect about this sequence.</p>
      )}
      {replies.data?.items.map((reply) => (
        <SeqReplyText key={reply.id} reply={reply} links={false} />
      ))}
    </section>
  );
}
