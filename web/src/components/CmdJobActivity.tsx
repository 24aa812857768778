import type { StreamState } from '../hooks/cmd-use-job-stream';
import { describeJobEvent, type JobEvent } from '../lib/cmd-job-events';
import { formatDateTime } from '../lib/format';

const STATE_WORDS: Record<StreamState, string> = {
  connecting: 'Connecting to live updates…',
  open: 'Live: new progress appears here as it happens.',
  reconnecting: 'Connection lost: reconnecting…',
  closed: 'The job has finished: no more live updates.',
  refused: 'Live updates are not available; reload the page to see new progress.',
};

/** The connection to the job's live updates, in words (announced politely when it changes). */
export function CmdStreamState({ state }: { state: StreamState }) {
  return (
    <p className={`cmd-live cmd-live-${state}`} role="status" aria-live="polite">
      {STATE_WORDS[state]}
    </p>
  );
}

/** The job's events, oldest first, each once. */
export function CmdJobActivity({ events }: { events: JobEvent[] }) {
  if (events.length === 0) return <p className="muted">No activity yet.</p>;
  return (
    <ol className="cmd-activity">
      {events.map((event) => (
        <li key={event.id} data-event-id={event.id}>
          <time
            className="muted small"
            dateTime={typeof event.data.at === 'string' ? event.data.at : undefined}
          >
            {formatDateTime(typeof event.data.at === 'string' ? event.data.at : null)}
          </time>{' '}
          {describeJobEvent(event)}
        </li>
      ))}
    </ol>
  );
}
