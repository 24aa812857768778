import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { followUpsAwaitingReview } from '../lib/appr-decision';
import { DraftCard } from './ApprEmail';
import { ErrorNotice } from './ErrorNotice';

/** How many of the newest drafts are looked through (GET /outbox cannot filter follow-ups yet). */
const LOOK_AT = 100;

/**
 * Sequence follow-ups that wait for their own approval, each approved, edited or removed on its
 * own. The outbox has no filter for them: the newest drafts are read and the follow-ups kept.
 */
export function FollowUpReview({
  onChanged,
  onConflict,
  onApproved,
}: {
  onChanged: () => void;
  onConflict: (error: unknown) => void;
  onApproved: (message: Schemas['OutboxMessageDto']) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const drafts = useQuery({
    queryKey: ['outbox', 'follow-ups'],
    queryFn: () =>
      unwrap(api.GET('/outbox', { params: { query: { status: 'draft', limit: LOOK_AT } } })),
    refetchInterval: 30_000,
  });
  if (drafts.error)
    return <ErrorNotice error={drafts.error} onRetry={() => void drafts.refetch()} />;
  const followUps = followUpsAwaitingReview(drafts.data?.items ?? []);
  if (followUps.length === 0) return null;
  return (
    <section aria-labelledby="appr-follow-ups-heading">
      <h2 id="appr-follow-ups-heading">Sequence follow-ups to review</h2>
      <p className="muted">
        Each goes out in its recipient&apos;s next sending window once approved.
        {(drafts.data?.total ?? 0) > LOOK_AT && ' Only those among the newest drafts are shown.'}
      </p>
      {followUps.map((message) => (
        <DraftCard
          key={`${message.id}-${message.updated_at}`}
          message={message}
          editing={editing === message.id}
          onEditingChange={(on) => setEditing(on ? message.id : null)}
          onChanged={onChanged}
          onConflict={onConflict}
          onApproved={onApproved}
        />
      ))}
    </section>
  );
}
