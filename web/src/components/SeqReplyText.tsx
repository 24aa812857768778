import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { formatDateTime, humanize } from '../lib/format';
import { describeReplyOutcome } from '../lib/seq-describe';
import { SeqProspectLink } from './SeqProspect';

/** A received message: who, when, what it did, and its new text. */
export function SeqReplyText({
  reply,
  headingLevel = 3,
  links = true,
}: {
  reply: Schemas['ReplyDto'];
  headingLevel?: 2 | 3;
  /** Links to its prospect and enrollment (off on the enrollment's own page). */
  links?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const from = reply.from_name
    ? `${reply.from_name} <${reply.from_address ?? ''}>`
    : (reply.from_address ?? 'Unknown sender');
  return (
    <article
      className="email-preview seq-reply"
      aria-label={`Message: ${reply.subject || '(no subject)'}`}
    >
      <Heading className="seq-reply-subject">{reply.subject || '(no subject)'}</Heading>
      <div className="headers">
        <div>From: {from}</div>
        <div>
          Received: <time dateTime={reply.received_at}>{formatDateTime(reply.received_at)}</time>
        </div>
        <div>
          {humanize(reply.kind)}
          {reply.intent ? ` · intent: ${humanize(reply.intent)}` : ''} ·{' '}
          {describeReplyOutcome(reply.outcome)}
        </div>
      </div>
      {links && (reply.prospect_id || reply.enrollment_id) && (
        <p className="small">
          {reply.prospect_id && (
            <>
              Prospect: <SeqProspectLink id={reply.prospect_id} />
            </>
          )}
          {reply.prospect_id && reply.enrollment_id && ' · '}
          {reply.enrollment_id && (
            <Link to={`/enrollments/${reply.enrollment_id}`}>The enrollment’s timeline</Link>
          )}
        </p>
      )}
      <div className="body">{reply.text || '(no text)'}</div>
      {reply.truncated && (
        <p className="muted small">Only the start of this large message was read.</p>
      )}
    </article>
  );
}
