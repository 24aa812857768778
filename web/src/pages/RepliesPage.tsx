import { useId, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { SeqFilterSelect } from '../components/SeqFilterSelect';
import { SeqProspectLink } from '../components/SeqProspect';
import { SeqReplyText } from '../components/SeqReplyText';
import {
  PAGE_SIZE,
  REPLY_KINDS,
  useReplies,
  useSequences,
  type ReplyKind,
} from '../hooks/seq-hooks';
import { formatDateTime, humanize } from '../lib/format';
import { describeReplyOutcome } from '../lib/seq-describe';
import { readListParams, readText, withParam } from '../lib/seq-params';

/** The replies inbox: every message the mailbox read, newest first, filtered and paged. */
export function RepliesPage() {
  const [search, setSearch] = useSearchParams();
  const { skip } = readListParams(search, []);
  const kind = REPLY_KINDS.find((value) => value === search.get('kind')) as ReplyKind | undefined;
  const intent = readText(search, 'intent');
  const sequenceId = readText(search, 'sequence');
  const openId = search.get('open');
  const query = useReplies({ skip, kind, intent, sequence_id: sequenceId });
  const sequences = useSequences(0, undefined, 100);
  const intentId = useId();
  const open = query.data?.items.find((reply) => reply.id === openId);

  const applyIntent = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('intent');
    setSearch(withParam(search, 'intent', typeof value === 'string' ? value.trim() : ''));
  };
  const toggle = (id: string) => {
    const next = new URLSearchParams(search);
    if (openId === id) next.delete('open');
    else next.set('open', id);
    setSearch(next, { replace: true });
  };

  return (
    <section>
      <h1>Replies</h1>
      <div className="row">
        <SeqFilterSelect
          label="Kind"
          value={kind ?? ''}
          anyLabel="All kinds"
          options={REPLY_KINDS.map((value) => ({ value, label: humanize(value) }))}
          onChange={(value) => setSearch(withParam(search, 'kind', value))}
        />
        <SeqFilterSelect
          label="Sequence"
          value={sequenceId ?? ''}
          anyLabel="All sequences"
          options={(sequences.data?.items ?? []).map((sequence) => ({
            value: sequence.id,
            label: sequence.name,
          }))}
          onChange={(value) => setSearch(withParam(search, 'sequence', value))}
        />
        <form className="row" onSubmit={applyIntent} key={intent ?? ''}>
          <div className="field">
            <label htmlFor={intentId}>Intent</label>
            <input
              id={intentId}
              name="intent"
              defaultValue={intent ?? ''}
              placeholder="e.g. interested"
            />
          </div>
          <div className="field">
            <button type="submit">Filter</button>
          </div>
        </form>
      </div>
      {query.isPending && <Loading what="Loading replies" />}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.items.length === 0 && (
        <p className="muted">
          {kind || intent || sequenceId
            ? 'No message matches these filters.'
            : 'No message received yet. Replies appear here once the mailbox (IMAP) is set up and prospects answer.'}
        </p>
      )}
      {query.data && query.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="seq-table">
              <thead>
                <tr>
                  <th scope="col">Received</th>
                  <th scope="col">From</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Kind</th>
                  <th scope="col">What it did</th>
                  <th scope="col">Prospect</th>
                  <th scope="col">Enrollment</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((reply) => (
                  <tr key={reply.id} aria-selected={reply.id === openId}>
                    <td>{formatDateTime(reply.received_at)}</td>
                    <td>{reply.from_name ?? reply.from_address ?? '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="seq-link-button"
                        aria-expanded={reply.id === openId}
                        aria-controls="seq-open-reply"
                        onClick={() => toggle(reply.id)}
                      >
                        {reply.subject || '(no subject)'}
                      </button>
                    </td>
                    <td>
                      {humanize(reply.kind)}
                      {reply.intent ? ` (${humanize(reply.intent)})` : ''}
                    </td>
                    <td>{describeReplyOutcome(reply.outcome)}</td>
                    <td>
                      <SeqProspectLink id={reply.prospect_id} />
                    </td>
                    <td>
                      {reply.enrollment_id ? (
                        <Link to={`/enrollments/${reply.enrollment_id}`}>Timeline</Link>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            skip={skip}
            limit={PAGE_SIZE}
            shown={query.data.items.length}
            total={query.data.total}
            onChange={(next) => setSearch(withParam(search, 'skip', next))}
          />
        </>
      )}
      <div id="seq-open-reply">{open && <SeqReplyText reply={open} headingLevel={2} />}</div>
    </section>
  );
}
