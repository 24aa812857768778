import { Injectable } from '@nestjs/common';
import type { JobEvent } from '../job.types';
import { JobStore } from '../store/job-store';
import { JobEventsBus, JobEventsTarget } from './job-events-bus';

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

/** One follower's place in a job's stream. */
class Follower {
  /** The last event handed over. */
  lastId = 0;
  /** Live events held back while the past is read; undefined once it was handed over. */
  private held: JobEvent[] | undefined = [];
  private finished = false;

  constructor(
    private readonly listener: JobEventsListener,
    private readonly stop: () => void,
  ) {}

  /** Live events: held while the past is read, then handed over. */
  receive(events: JobEvent[]): void {
    if (this.held) this.held.push(...events);
    else this.hand(events);
  }

  /** The past was handed over: what was held follows. */
  release(): void {
    const pending = this.held ?? [];
    this.held = undefined;
    this.hand(pending);
  }

  /** Hands over the events after the last one handed, up to the end of the stream. */
  hand(events: JobEvent[]): void {
    const fresh = events.filter((event) => event.id > this.lastId);
    if (fresh.length === 0 || this.finished) return;
    this.lastId = fresh[fresh.length - 1].id;
    const end = streamEnd(fresh);
    if (end >= 0) {
      this.finished = true;
      this.stop();
    }
    this.listener(end >= 0 ? fresh.slice(0, end + 1) : fresh);
  }
}

/**
 * Job events: stored with every job write (so a stream can be replayed), and handed to live
 * followers in this process once committed: by the JobEventsBus of the engine, which on Postgres
 * also brings the events other replicas commit. Followers are kept per job, so a commit reaches
 * only the followers of its job, all its events in one call.
 */
@Injectable()
export class JobEventsService implements JobEventsTarget {
  private readonly followers = new Map<string, Set<Follower>>();

  constructor(
    private readonly store: JobStore,
    private readonly bus: JobEventsBus,
  ) {
    bus.attach(this);
  }

  /** Events this process has just committed (a store's `Written`: events and `precededBy`). */
  publish(events: JobEvent[], precededBy?: number): void {
    if (events.length === 0 || this.followers.size === 0) return;
    this.bus.published(events, precededBy);
  }

  /**
   * A job's past events, then its new ones as they commit, until `job_finished`. Live events are
   * held back while the past is read, so none falls between replay and live, and none comes
   * twice. Resolves, once the past was handed over, with a function that stops following; a
   * failed read of the past rejects before anything was handed over. With `afterId` (an SSE
   * client's Last-Event-ID), only the events after it: past, then live.
   */
  async follow(jobId: string, listener: JobEventsListener, afterId = 0): Promise<() => void> {
    const stop = () => this.unfollow(jobId, follower);
    const follower = new Follower(listener, stop);
    follower.lastId = afterId;
    this.addFollower(jobId, follower);
    try {
      follower.hand(await this.store.events(jobId, afterId));
    } catch (error) {
      stop();
      throw error;
    }
    follower.release();
    return stop;
  }

  deliver(jobId: string, events: JobEvent[]): void {
    const followers = this.followers.get(jobId);
    if (followers) for (const follower of [...followers]) follower.receive(events);
  }

  cursorOf(jobId: string): number | undefined {
    const followers = this.followers.get(jobId);
    if (!followers) return undefined;
    let cursor = Number.POSITIVE_INFINITY;
    for (const follower of followers) cursor = Math.min(cursor, follower.lastId);
    return cursor;
  }

  followedJobs(): string[] {
    return [...this.followers.keys()];
  }

  private addFollower(jobId: string, follower: Follower): void {
    const followers = this.followers.get(jobId) ?? new Set<Follower>();
    followers.add(follower);
    this.followers.set(jobId, followers);
  }

  private unfollow(jobId: string, follower: Follower): void {
    const followers = this.followers.get(jobId);
    if (!followers) return;
    followers.delete(follower);
    if (followers.size === 0) this.followers.delete(jobId);
  }
}
