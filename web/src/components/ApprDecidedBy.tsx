import { formatDateTime } from '../lib/format';

/**
 * "Approved by ana-laptop at 7 Dec 2026, 10:02": who decided and when, from the API's answer.
 * Takes the values as props (`approved_by`/`approved_at`, a job's `approval.by`/`at`, the 409 details); renders
 * nothing when the answer names nobody and no time.
 */
export function DecidedBy({
  by,
  at,
  verb = 'Approved',
}: {
  by?: string | null;
  at?: string | null;
  verb?: string;
}) {
  if (!by && !at) return null;
  return (
    <span className="decided-by">
      {verb}
      {by ? (
        <>
          {' '}
          by <strong>{by}</strong>
        </>
      ) : null}
      {at ? (
        <>
          {' '}
          at <time dateTime={at}>{formatDateTime(at)}</time>
        </>
      ) : null}
    </span>
  );
}
