import type { JobEvent } from '../job.types';

/** The followers of this process, as a bus hands them live events (JobEventsService). */
export interface JobEventsTarget {
  /**
   * The id every follower of the job here has reached (events after it may be new to one of
   * them); undefined when nobody here follows the job.
   */
  cursorOf(jobId: string): number | undefined;
  /** The jobs followed here. */
  followedJobs(): string[];
  /** Hands committed events of one job, oldest first, to its followers (who skip what they had). */
  deliver(jobId: string, events: JobEvent[]): void;
}

/**
 * How committed job events reach the followers of this process, chosen by engine: on SQLite the
 * one process wrote them all (LocalJobEventsBus); on Postgres other replicas write them too
 * (PostgresJobEventsBus: LISTEN/NOTIFY, then the job store).
 */
export abstract class JobEventsBus {
  /** Connects the bus to the followers it delivers to (JobEventsService does, once). */
  abstract attach(target: JobEventsTarget): void;
  /**
   * Events this process has just committed; `precededBy`: the id of their job's event before
   * them, when the store said (see `Written`).
   */
  abstract published(events: JobEvent[], precededBy?: number): void;
}

/** One process writes every event: a commit's events go to its followers as they are. */
export class LocalJobEventsBus extends JobEventsBus {
  private target: JobEventsTarget | undefined;

  attach(target: JobEventsTarget): void {
    this.target = target;
  }

  published(events: JobEvent[]): void {
    const target = this.target;
    if (!target || events.length === 0) return;
    const jobId = events[0].jobId;
    if (events.every((event) => event.jobId === jobId)) {
      target.deliver(jobId, events);
      return;
    }
    for (const id of new Set(events.map((event) => event.jobId))) {
      target.deliver(
        id,
        events.filter((event) => event.jobId === id),
      );
    }
  }
}
