import type { Schemas } from '../api/client';
import { formatDateTime, plural } from '../lib/format';
import { StatusBadge } from './StatusBadge';

type Message = Schemas['OutboxMessageDto'];

/**
 * The emails to one prospect, newest first as the service lists them. `messages` undefined:
 * the service cannot filter the outbox by prospect yet ("not available").
 */
export function ProsMessages({ messages, total }: { messages?: Message[]; total?: number }) {
  if (!messages) {
    return (
      <p className="muted">
        Not available: this service cannot list the messages of one prospect yet.
      </p>
    );
  }
  if (messages.length === 0) return <p className="muted">No message to this prospect yet.</p>;
  return (
    <>
      {total !== undefined && total > messages.length && (
        <p className="muted small">
          The latest {messages.length} of {plural(total, 'message')}.
        </p>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Sent</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.subject}
                  {m.reason && <div className="muted small">{m.reason}</div>}
                </td>
                <td>
                  <StatusBadge status={m.status} />
                  {m.delivery_status && (
                    <>
                      {' '}
                      <StatusBadge status={m.delivery_status} />
                    </>
                  )}
                </td>
                <td>{formatDateTime(m.sent_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
