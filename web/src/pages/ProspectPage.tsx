import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { ProsCompany } from '../components/ProsCompany';
import { ProsFitScore } from '../components/ProsFitScore';
import { ProsMessages } from '../components/ProsMessages';
import { ProsReplies } from '../components/ProsReplies';
import { formatDateTime } from '../lib/format';
import { seniorityLabel } from '../lib/pros-filters';
import { isFilterRefused, scopeToProspect } from '../lib/pros-outbox';

type Prospect = Schemas['ProspectDto'];

/** GET /outbox?prospect_id=: this prospect's drafts and sent emails, newest first. */
function useProspectMessages(id: string) {
  return useQuery({
    queryKey: ['outbox', 'prospect', id],
    queryFn: async () => {
      try {
        const page = await unwrap(
          api.GET('/outbox', { params: { query: { prospect_id: id, limit: 50 } } }),
        );
        // Never someone else's messages: a service without the filter would answer them all.
        const scoped = scopeToProspect(page, id);
        return scoped.available ? scoped : null;
      } catch (error) {
        if (isFilterRefused(error)) return null;
        throw error;
      }
    },
  });
}

function Facts({ prospect }: { prospect: Prospect }) {
  const location = [prospect.city, prospect.country].filter(Boolean).join(', ');
  return (
    <dl className="facts">
      <dt>Email</dt>
      <dd>{prospect.email ?? '—'}</dd>
      <dt>Seniority</dt>
      <dd>{seniorityLabel(prospect.seniority)}</dd>
      <dt>Department</dt>
      <dd>{prospect.department ?? '—'}</dd>
      <dt>Location</dt>
      <dd>{location || '—'}</dd>
      <dt>LinkedIn</dt>
      <dd>
        {prospect.linkedin_url ? (
          <a href={prospect.linkedin_url} rel="noreferrer noopener" target="_blank">
            Profile<span className="pros-sr-only"> (opens in a new tab)</span>
          </a>
        ) : (
          '—'
        )}
      </dd>
      <dt>Source</dt>
      <dd>{prospect.source ?? '—'}</dd>
      <dt>Tags</dt>
      <dd>{prospect.tags.length ? prospect.tags.join(', ') : '—'}</dd>
      <dt>Added</dt>
      <dd>{formatDateTime(prospect.created_at)}</dd>
    </dl>
  );
}

/** One prospect: who, their company, fit score, messages, replies and opt-out. */
export function ProspectPage() {
  const id = useParams().id ?? '';
  const queryClient = useQueryClient();
  const prospect = useQuery({
    queryKey: ['prospects', 'one', id],
    queryFn: () => unwrap(api.GET('/prospects/{id}', { params: { path: { id } } })),
  });
  const messages = useProspectMessages(id);
  const replies = useQuery({
    queryKey: ['replies', 'prospect', id],
    queryFn: () =>
      unwrap(api.GET('/replies', { params: { query: { prospect_id: id, limit: 50 } } })),
  });
  const optOut = useMutation({
    mutationFn: () => unwrap(api.POST('/prospects/{id}/opt-out', { params: { path: { id } } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(['prospects', 'one', id], updated);
      void queryClient.invalidateQueries({ queryKey: ['prospects', 'list'] });
    },
  });

  if (prospect.isPending) return <Loading what="Loading the prospect" />;
  if (prospect.error) {
    return (
      <section>
        <h1>Prospect</h1>
        <ErrorNotice error={prospect.error} onRetry={() => void prospect.refetch()} />
        <Link to="/prospects">Back to prospects</Link>
      </section>
    );
  }
  const p = prospect.data;
  return (
    <article className="pros-one">
      <p className="small">
        <Link to="/prospects">← Prospects</Link>
      </p>
      <h1>{p.name}</h1>
      <p className="muted">
        {[p.title, p.company?.name].filter(Boolean).join(' at ') || 'No title or company'}
        {p.sample && <span className="badge badge-muted pros-tag">Sample</span>}
      </p>
      <div className="grid">
        <section className="card" aria-labelledby="pros-about">
          <h2 id="pros-about">About</h2>
          <Facts prospect={p} />
        </section>
        <section className="card" aria-labelledby="pros-fit">
          <h2 id="pros-fit">Fit score</h2>
          <ProsFitScore fit={p.fit} />
          {p.fit && (
            <>
              <ul className="pros-reasons">
                {p.fit.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              <p className="muted small">
                Scored {formatDateTime(p.fit.scored_at)}
                {p.fit.job_id && (
                  <>
                    {' '}
                    by <Link to={`/jobs/${p.fit.job_id}`}>job {p.fit.job_id}</Link>
                  </>
                )}
              </p>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="pros-optout">
          <h2 id="pros-optout">Email consent</h2>
          {p.opted_out ? (
            <p>
              <span className="badge badge-bad">Opted out</span> since{' '}
              {formatDateTime(p.opted_out_at)}: never emailed again.
            </p>
          ) : (
            <>
              <p>
                <span className="badge badge-good">Can be emailed</span>
              </p>
              <ConfirmButton
                label="Opt out"
                tone="danger"
                question={`Opt ${p.name} out of all email? This cannot be undone here.`}
                confirmLabel="Opt out for good"
                disabled={optOut.isPending}
                onConfirm={() => optOut.mutate()}
              />
            </>
          )}
          {optOut.error && <ErrorNotice error={optOut.error} />}
        </section>
      </div>
      <ProsCompany company={p.company} />
      <section aria-labelledby="pros-messages">
        <h2 id="pros-messages">Messages sent</h2>
        {messages.isPending ? (
          <Loading what="Loading messages" />
        ) : messages.error ? (
          <ErrorNotice error={messages.error} onRetry={() => void messages.refetch()} />
        ) : (
          <ProsMessages messages={messages.data?.items} total={messages.data?.total} />
        )}
      </section>
      <section aria-labelledby="pros-replies">
        <h2 id="pros-replies">Replies</h2>
        {replies.isPending ? (
          <Loading what="Loading replies" />
        ) : replies.error ? (
          <ErrorNotice error={replies.error} onRetry={() => void replies.refetch()} />
        ) : (
          <ProsReplies replies={replies.data.items} />
        )}
      </section>
    </article>
  );
}
