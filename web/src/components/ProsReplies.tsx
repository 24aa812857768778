import type { Schemas } from '../api/client';
import { formatDateTime, humanize } from '../lib/format';

type Reply = Schemas['ReplyDto'];

/** What came back from one prospect: replies, out-of-office notes, bounces. */
export function ProsReplies({ replies }: { replies: Reply[] }) {
  if (replies.length === 0) return <p className="muted">No reply from this prospect.</p>;
  return (
    <ul className="pros-replies">
      {replies.map((r) => (
        <li key={r.id} className="card">
          <strong>{r.subject || '(no subject)'}</strong>{' '}
          <span className="badge badge-info">{humanize(r.kind)}</span>
          {r.intent && <span className="badge badge-muted pros-tag">{humanize(r.intent)}</span>}
          <div className="muted small">
            {r.from_name ?? r.from_address ?? 'Unknown sender'} ·{' '}
            {formatDateTime(r.date ?? r.received_at)}
          </div>
          <p className="pros-reply-text">
            {r.text.length > 400 ? `${r.text.slice(0, 400)}…` : r.text}
          </p>
        </li>
      ))}
    </ul>
  );
}
