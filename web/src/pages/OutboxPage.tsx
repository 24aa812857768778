import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { DecidedBy } from '../components/ApprDecidedBy';
import { EmailPreview } from '../components/ApprEmail';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { StatusBadge } from '../components/StatusBadge';
import { decisionOf } from '../lib/appr-decision';
import { formatDateTime, humanize } from '../lib/format';

type Status = NonNullable<NonNullable<Schemas['OutboxMessageDto']>['status']>;
const STATUSES: Status[] = ['draft', 'approved', 'sending', 'sent', 'skipped', 'failed'];
const PAGE = 20;

/** Every email Zigral drafted or sent, by status, newest first; one opened below the list. */
export function OutboxPage() {
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const skip = Math.max(0, Number(params.get('skip')) || 0);
  const openId = params.get('id');
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };
  const list = useQuery({
    queryKey: ['outbox', 'list', status ?? 'all', skip],
    queryFn: () => unwrap(api.GET('/outbox', { params: { query: { status, skip, limit: PAGE } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <section>
      <h1>Outbox</h1>
      <div className="row outbox-filter">
        <div className="field">
          <label htmlFor="outbox-status">Status</label>
          <select
            id="outbox-status"
            value={status ?? ''}
            onChange={(event) => update({ status: event.target.value, skip: null })}
          >
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.isPending && <Loading what="Loading the outbox" />}
      {list.error && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && (
        <p className="notice notice-info">
          No messages{status ? ` in status ${humanize(status)}` : ''}.
        </p>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Outbox messages</caption>
              <thead>
                <tr>
                  <th scope="col">Recipient</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  <th scope="col">Delivery</th>
                  <th scope="col">Sent</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((message) => (
                  <tr key={message.id} aria-selected={message.id === openId}>
                    <td>
                      {message.name ?? message.to}
                      {message.name && <div className="muted small">{message.to}</div>}
                    </td>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => update({ id: message.id })}
                      >
                        {message.subject || '(no subject)'}
                      </button>
                    </th>
                    <td>
                      <StatusBadge status={message.status} />
                    </td>
                    <td>
                      {message.delivery_status ? (
                        <StatusBadge status={message.delivery_status} />
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{formatDateTime(message.sent_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            skip={skip}
            limit={PAGE}
            shown={list.data.items.length}
            total={list.data.total}
            onChange={(next) => update({ skip: next ? String(next) : null })}
          />
        </>
      )}
      {openId && <OutboxMessageView id={openId} onClose={() => update({ id: null })} />}
    </section>
  );
}

/** One message: its headers and facts, and the text as the recipient reads it. */
function OutboxMessageView({ id, onClose }: { id: string; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const message = useQuery({
    queryKey: ['outbox', 'one', id],
    queryFn: () => unwrap(api.GET('/outbox/{id}', { params: { path: { id } } })),
  });
  useEffect(() => {
    if (message.data) heading.current?.focus();
  }, [message.data]);
  if (message.isPending) return <Loading what="Loading the message" />;
  if (message.error) return <ErrorNotice error={message.error} />;
  const m = message.data;
  const decision = decisionOf(m);
  return (
    <section className="card" aria-labelledby="outbox-message-heading">
      <h2 id="outbox-message-heading" ref={heading} tabIndex={-1}>
        Message to {m.name ?? m.to}
      </h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={m.status} />
          {m.reason ? ` — ${m.reason}` : ''}
        </dd>
        <dt>Delivery</dt>
        <dd>
          {m.delivery_status ? humanize(m.delivery_status) : 'No report'}
          {m.delivery_detail ? ` — ${m.delivery_detail}` : ''}
        </dd>
        <dt>Created</dt>
        <dd>{formatDateTime(m.created_at)}</dd>
        <dt>Sent</dt>
        <dd>{formatDateTime(m.sent_at)}</dd>
        <dt>Job</dt>
        <dd>
          <Link to={`/jobs/${m.job_id}`}>Open the job</Link>
        </dd>
        {m.message_id && (
          <>
            <dt>Message-ID</dt>
            <dd>
              <code>{m.message_id}</code>
            </dd>
          </>
        )}
      </dl>
      <p>
        <DecidedBy by={decision?.by} at={decision?.at} />
      </p>
      <EmailPreview message={m} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close message
        </button>
      </div>
    </section>
  );
}
