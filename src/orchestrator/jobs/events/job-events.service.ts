import { Injectable } from '@nestjs/common';
import type { JobEvent } from '../job.types';
import { JobStore } from '../store/job-store';

/** The event that ends a job's stream. */
export const JOB_FINISHED = 'job_finished';
/** The event of a failed job resumed by a retry: a `job_finished` before it ended a former run. */
export const JOB_RETRIED = 'job_retried';

/**
 * Where a batch of a job's events ends its stream: at its first `job_finished` after its last
 * `job_retried` (the replay of a retried job goes on past the failed run); -1 when it does not.
 */
export function streamEnd(events: readonly JobEvent[]): number {
  const resumed = events.findLastIndex((event) => event.type === JOB_RETRIED);
  return events.findIndex((event, index) => index > resumed && event.type === JOB_FINISHED);
}

/** Receives a job's events in order, a commit's worth at a time. */
export type JobEventsListener = (events: JobEvent[]) => void;

/**
 * Job events: stored with every job write (so a stream can be replayed), and published here
 * once committed, for live followers in this process. Followers are kept per job, so a commit
 * reaches only the followers of its job, all its events in one call.
 */
@Injectable()
export class JobEventsService {
  private readonly followers = new Map<string, Set<JobEventsListener>>();

  constructor(private readonly store: JobStore) {}

  publish(events: JobEvent[]): void {
    if (events.length === 0 || this.followers.size === 0) return;
    const jobId = events[0].jobId;
    if (events.every((event) => event.jobId === jobId)) {
      this.deliver(jobId, events);
      return;
    }
    for (const id of new Set(events.map((event) => event.jobId))) {
      this.deliver(
        id,
        events.filter((event) => event.jobId === id),
      );
    }
  }

  /**
   * A job's past events, then its new ones as they commit, until `job_finished`. Live events are
   * held back while the past is read, so none falls between replay and live, and none comes
   * twice. Resolves, once the past was handed over, with a function that stops following; a
   * failed read of the past rejects before anything was handed over.
   */
  async follow(jobId: string, listener: JobEventsListener): Promise<() => void> {
    let lastId = 0;
    let held: JobEvent[] | undefined = [];
    let finished = false;
    const hand = (events: JobEvent[]) => {
      const fresh = events.filter((event) => event.id > lastId);
      if (fresh.length === 0 || finished) return;
      lastId = fresh[fresh.length - 1].id;
      const end = streamEnd(fresh);
      if (end >= 0) {
        finished = true;
        stop();
      }
      listener(end >= 0 ? fresh.slice(0, end + 1) : fresh);
    };
    const live = (events: JobEvent[]) => (held ? held.push(...events) : hand(events));
    const stop = () => this.unfollow(jobId, live);
    this.addFollower(jobId, live);
    try {
      hand(await this.store.events(jobId));
    } catch (error) {
      stop();
      throw error;
    }
    const pending = held;
    held = undefined;
    hand(pending);
    return stop;
  }

  private deliver(jobId: string, events: JobEvent[]): void {
    const listeners = this.followers.get(jobId);
    if (listeners) for (const listener of [...listeners]) listener(events);
  }

  private addFollower(jobId: string, listener: JobEventsListener): void {
    const listeners = this.followers.get(jobId) ?? new Set<JobEventsListener>();
    listeners.add(listener);
    this.followers.set(jobId, listeners);
  }

  private unfollow(jobId: string, listener: JobEventsListener): void {
    const listeners = this.followers.get(jobId);
    if (!listeners) return;
    listeners.delete(listener);
    if (listeners.size === 0) this.followers.delete(jobId);
  }
}
