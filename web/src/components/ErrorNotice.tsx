import { describeError } from '../lib/errors';

/** An error in plain words, with what to do next (role=alert: read out when it appears). */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const plain = describeError(error);
  return (
    <div className="notice notice-error" role="alert">
      <strong>{plain.title}</strong>
      <p>{plain.detail}</p>
      <p className="muted">{plain.next}</p>
      {plain.requestId && <p className="muted small">Request id: {plain.requestId}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
