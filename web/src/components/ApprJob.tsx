import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type Ref } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { statusOf } from '../hooks/appr-api';
import { formatDateTime, plural } from '../lib/format';
import { paramEntries, stepHeadline } from '../lib/plan-describe';
import { ConfirmButton } from './ConfirmButton';
import { DraftCard } from './ApprEmail';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';
import { Pager } from './Pager';

type Job = Schemas['JobDto'];
const PAGE = 10;

/** The step a job waits on (the current one, or the first waiting for approval). */
export function waitingStep(job: Job): Schemas['JobStepDto'] | undefined {
  return (
    job.steps.find((step) => step.status === 'waiting_approval') ?? job.steps[job.current_step]
  );
}

/** What the step will do, in the service's words when its preview has them. */
export function waitingHeadline(step: Schemas['JobStepDto'] | undefined): string {
  if (!step) return 'Its next step';
  const described = step.preview?.description;
  return typeof described === 'string' && described ? described : stepHeadline(step);
}

export function isEmailSend(step: Schemas['JobStepDto'] | undefined): boolean {
  return step?.agent === 'email' && step.action === 'send';
}

export interface Decided {
  verb: 'Approved' | 'Rejected';
  job: Job;
  emails: number;
}

export interface JobApprovalProps {
  job: Job;
  headingRef: Ref<HTMLHeadingElement>;
  onDecided: (decided: Decided) => void;
  onConflict: (error: unknown) => void;
  onChanged: () => void;
}

/** A job waiting for a human: what its step will do, its drafts, approve or reject it all. */
export function JobApproval({
  job,
  headingRef,
  onDecided,
  onConflict,
  onChanged,
}: JobApprovalProps) {
  const step = waitingStep(job);
  const sends = isEmailSend(step);
  const [skip, setSkip] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const drafts = useQuery({
    queryKey: ['outbox', 'job', job.job_id, 'draft', skip],
    queryFn: () =>
      unwrap(
        api.GET('/outbox', {
          params: { query: { job_id: job.job_id, status: 'draft', skip, limit: PAGE } },
        }),
      ),
  });
  const count = drafts.data?.total ?? 0;
  const handle = (error: unknown) => {
    if (statusOf(error) === 409) onConflict(error);
  };
  const approve = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/jobs/{job_id}/approve', { params: { path: { job_id: job.job_id } }, body: {} }),
      ),
    onSuccess: (result) => onDecided({ verb: 'Approved', job: result, emails: sends ? count : 0 }),
    onError: handle,
  });
  const reject = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/jobs/{job_id}/reject', {
          params: { path: { job_id: job.job_id } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: (result) => onDecided({ verb: 'Rejected', job: result, emails: 0 }),
    onError: handle,
  });
  const busy = approve.isPending || reject.isPending;
  const error = [approve.error, reject.error].find((e) => e && statusOf(e) !== 409);
  const headline = waitingHeadline(step);
  const approveLabel = sends ? `Approve and send ${plural(count, 'email')}` : 'Approve';
  const approveQuestion = sends
    ? `Send ${plural(count, 'email')} now? Each goes out once, to the recipients shown here.`
    : `Approve "${headline}"? The job then runs this step.`;
  return (
    <section className="card approval" aria-labelledby="appr-detail-heading">
      <h2 id="appr-detail-heading" ref={headingRef} tabIndex={-1}>
        {job.objective}
      </h2>
      <dl className="facts">
        <dt>Waits to</dt>
        <dd>{headline}</dd>
        <dt>Waiting since</dt>
        <dd>{formatDateTime(job.updated_at)}</dd>
        <dt>Job</dt>
        <dd>
          <Link to={`/jobs/${job.job_id}`}>Open the job</Link>
        </dd>
        {step &&
          !sends &&
          paramEntries(step.params).map((entry) => (
            <FactRow key={entry.key} label={entry.label} value={entry.value} />
          ))}
      </dl>
      <div className="actions">
        <span data-shortcut="approve">
          <ConfirmButton
            label={approveLabel}
            question={approveQuestion}
            confirmLabel={sends ? `Send ${plural(count, 'email')}` : 'Approve'}
            disabled={busy || (sends && (drafts.isPending || count === 0))}
            onConfirm={() => approve.mutate()}
          />
        </span>
        <span data-shortcut="reject">
          <ConfirmButton
            label="Reject"
            tone="danger"
            question={
              <>
                Reject this job? It is cancelled and{' '}
                {sends ? 'no email is sent' : 'the step does not run'}.
                <span className="field appr-reason">
                  <label htmlFor="appr-reason">Reason (optional)</label>
                  <input
                    id="appr-reason"
                    value={reason}
                    onChange={(event) => setReason(event.target.value)}
                  />
                </span>
              </>
            }
            confirmLabel="Reject job"
            disabled={busy}
            onConfirm={() => reject.mutate()}
          />
        </span>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {(sends || count > 0) && (
        <>
          <h3>{sends ? 'Emails to send' : 'Drafts'}</h3>
          {drafts.isPending && <Loading what="Loading the drafts" />}
          {drafts.error && (
            <ErrorNotice error={drafts.error} onRetry={() => void drafts.refetch()} />
          )}
          {drafts.data && drafts.data.items.length === 0 && (
            <p className="muted">No drafts are left: approving sends nothing.</p>
          )}
          {drafts.data?.items.map((message) => (
            <DraftCard
              key={`${message.id}-${message.updated_at}`}
              message={message}
              editing={editing === message.id}
              onEditingChange={(on) => setEditing(on ? message.id : null)}
              onChanged={onChanged}
              onConflict={onConflict}
            />
          ))}
          {drafts.data && drafts.data.total > PAGE && (
            <Pager
              skip={skip}
              limit={PAGE}
              shown={drafts.data.items.length}
              total={drafts.data.total}
              onChange={setSkip}
            />
          )}
        </>
      )}
    </section>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
