import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { expectOk, statusOf } from '../hooks/appr-api';
import { decisionOf } from '../lib/appr-decision';
import { ConfirmButton } from './ConfirmButton';
import { DecidedBy } from './ApprDecidedBy';
import { ErrorNotice } from './ErrorNotice';
import { StatusBadge } from './StatusBadge';

type Message = Schemas['OutboxMessageDto'];

/** To, Subject and body as the recipient reads them: plain text, never HTML from the draft. */
export function EmailPreview({ message, headingId }: { message: Message; headingId?: string }) {
  const to = message.name ? `${message.name} <${message.to}>` : message.to;
  return (
    <div className="email-preview">
      <dl className="headers facts">
        <dt>To</dt>
        <dd>{to}</dd>
        <dt>Subject</dt>
        <dd id={headingId}>{message.subject}</dd>
      </dl>
      <div className="body">{message.body}</div>
    </div>
  );
}

export interface DraftCardProps {
  message: Message;
  /** Job drafts go out with their job's approval; sequence touches are approved one by one. */
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
  /** After any change (edit, removal, approval): the queue refetches. */
  onChanged: () => void;
  /** A refused change (409, someone was first). */
  onConflict: (error: unknown) => void;
  /** A sequence touch was approved (the answer, with who and when once the API says). */
  onApproved?: (message: Message) => void;
}

/** One draft in the queue: preview, or edit form; remove (asks first); approve a touch. */
export function DraftCard({
  message,
  editing,
  onEditingChange,
  onChanged,
  onConflict,
  onApproved,
}: DraftCardProps) {
  const id = useId();
  const [subject, setSubject] = useState(message.subject);
  const [body, setBody] = useState(message.body);
  const isTouch = message.enrollment_id !== null;
  const handle = (error: unknown) => {
    if (statusOf(error) === 409) onConflict(error);
  };
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/outbox/{id}', {
          params: { path: { id: message.id } },
          body: { subject, body },
        }),
      ),
    onSuccess: () => {
      onEditingChange(false);
      onChanged();
    },
    onError: handle,
  });
  const remove = useMutation({
    mutationFn: () =>
      expectOk(api.DELETE('/outbox/{id}', { params: { path: { id: message.id } } })),
    onSuccess: onChanged,
    onError: handle,
  });
  const approve = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/outbox/{id}/approve', { params: { path: { id: message.id } } })),
    onSuccess: (approved) => {
      onApproved?.(approved);
      onChanged();
    },
    onError: handle,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const decided = approve.data ? decisionOf(approve.data) : undefined;
  const error = save.error ?? remove.error ?? approve.error;
  return (
    <article className="card draft" aria-labelledby={`${id}-to`}>
      <h4 id={`${id}-to`} className="draft-title">
        Email to {message.name ?? message.to} <StatusBadge status={message.status} />
      </h4>
      {editing ? (
        <form onSubmit={submit}>
          <p className="muted small">To: {message.to}</p>
          <div className="field">
            <label htmlFor={`${id}-subject`}>Subject</label>
            <input
              id={`${id}-subject`}
              value={subject}
              required
              onChange={(event) => setSubject(event.target.value)}
              autoFocus
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-body`}>Body (plain text)</label>
            <textarea
              id={`${id}-body`}
              value={body}
              rows={10}
              required
              onChange={(event) => setBody(event.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button-primary" disabled={save.isPending}>
              Save email
            </button>
            <button
              type="button"
              onClick={() => {
                setSubject(message.subject);
                setBody(message.body);
                onEditingChange(false);
              }}
            >
              Cancel edit
            </button>
          </div>
        </form>
      ) : (
        <>
          <EmailPreview message={message} />
          <div className="actions">
            <button type="button" data-edit onClick={() => onEditingChange(true)}>
              Edit email
            </button>
            <ConfirmButton
              label="Remove email"
              tone="danger"
              question={`Remove the email to ${message.to}? It will not be sent.`}
              confirmLabel="Remove"
              disabled={remove.isPending}
              onConfirm={() => remove.mutate()}
            />
            {isTouch && (
              <ConfirmButton
                label="Approve this email"
                question={`Approve the email to ${message.to}? It goes out in the recipient's next sending window.`}
                confirmLabel="Approve"
                disabled={approve.isPending}
                onConfirm={() => approve.mutate()}
              />
            )}
          </div>
        </>
      )}
      {decided && <DecidedBy by={decided.by} at={decided.at} />}
      {error && statusOf(error) !== 409 ? <ErrorNotice error={error} /> : null}
    </article>
  );
}
