import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { formatDateTime } from '../lib/format';
import { ErrorNotice } from './ErrorNotice';

const RATINGS: ReadonlyArray<[number, string]> = [
  [1, 'Poor'],
  [2, 'Fair'],
  [3, 'Good'],
  [4, 'Very good'],
  [5, 'Great'],
];

/** A rating of a finished job's plan (1–5, with a comment): well-rated plans guide the planner. */
export function CmdJobFeedback({ jobId }: { jobId: string }) {
  const [rating, setRating] = useState<number>();
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: (body: { rating: number; comment?: string }) =>
      unwrap(api.POST('/jobs/{job_id}/feedback', { params: { path: { job_id: jobId } }, body })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!rating) return;
    send.mutate({ rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  return (
    <section aria-labelledby="cmd-feedback-heading">
      <h2 id="cmd-feedback-heading">Feedback</h2>
      {send.data ? (
        <div className="notice notice-ok" role="status">
          <p>Thank you: your rating was recorded. Well-rated plans guide future plans.</p>
          <ul>
            {send.data.feedback.map((entry) => (
              <li key={entry.at}>
                {entry.rating} of 5{entry.comment ? `: “${entry.comment}”` : ''} (
                {formatDateTime(entry.at)})
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <form onSubmit={submit}>
          <fieldset className="cmd-fieldset">
            <legend>How good was this plan?</legend>
            <div className="row">
              {RATINGS.map(([value, words]) => (
                <label key={value} className="cmd-rating">
                  <input
                    type="radio"
                    name="cmd-rating"
                    value={value}
                    checked={rating === value}
                    onChange={() => setRating(value)}
                  />{' '}
                  {value} – {words}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="cmd-feedback-comment">Comment (optional)</label>
            <textarea
              id="cmd-feedback-comment"
              rows={2}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </div>
          {send.isError && <ErrorNotice error={send.error} />}
          <button type="submit" className="button-primary" disabled={!rating || send.isPending}>
            {send.isPending ? 'Sending…' : 'Send feedback'}
          </button>
        </form>
      )}
    </section>
  );
}
