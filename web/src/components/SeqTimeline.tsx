import { formatDateTime } from '../lib/format';
import { describeEvent, sortTimeline, type SeqEvent } from '../lib/seq-describe';

/** An enrollment's events, oldest first. */
export function SeqTimeline({ events }: { events: readonly SeqEvent[] }) {
  if (events.length === 0) {
    return (
      <p className="muted">Nothing has happened yet: the sequence has not reached this prospect.</p>
    );
  }
  return (
    <ol className="seq-timeline">
      {sortTimeline(events).map((event, index) => (
        <li key={`${event.at}-${index}`} className={`seq-event seq-event-${event.type}`}>
          <time dateTime={event.at}>{formatDateTime(event.at)}</time>
          <span>{describeEvent(event)}</span>
        </li>
      ))}
    </ol>
  );
}
