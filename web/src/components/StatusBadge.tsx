import { humanize } from '../lib/format';

const TONE: Record<string, string> = {
  succeeded: 'good',
  completed: 'good',
  sent: 'good',
  approved: 'good',
  active: 'good',
  running: 'info',
  queued: 'info',
  pending: 'info',
  scheduled: 'info',
  waiting_approval: 'warn',
  waiting: 'warn',
  paused: 'warn',
  draft: 'warn',
  failed: 'bad',
  cancelled: 'muted',
  rejected: 'bad',
  bounced: 'bad',
};

/** A status word with a colour that is never the only signal (the word is always shown). */
export function StatusBadge({ status }: { status: string | null | undefined }) {
  const tone = (status && TONE[status]) || 'muted';
  return <span className={`badge badge-${tone}`}>{humanize(status)}</span>;
}
