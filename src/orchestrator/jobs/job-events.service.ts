import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import type { JobEvent } from './job.types';
import { JobStore } from './store/job-store';

/** The event that ends a job's stream. */
export const JOB_FINISHED = 'job_finished';

/**
 * Job events: stored with every job write (so a stream can be replayed), and published here
 * once committed, for live subscribers in this process.
 */
@Injectable()
export class JobEventsService {
  private readonly live = new Subject<JobEvent>();

  constructor(private readonly store: JobStore) {}

  publish(events: JobEvent[]): void {
    for (const event of events) this.live.next(event);
  }

  /**
   * A job's past events, then its new ones as they happen, completing after `job_finished`. Live
   * events are buffered while the past is read, so none falls between replay and live.
   */
  stream(jobId: string): Observable<JobEvent> {
    return new Observable<JobEvent>((subscriber) => {
      let lastId = 0;
      let replayed = false;
      const buffered: JobEvent[] = [];
      const emit = (event: JobEvent) => {
        if (event.id <= lastId) return;
        lastId = event.id;
        subscriber.next(event);
        if (event.type === JOB_FINISHED) subscriber.complete();
      };
      const live = this.live.subscribe((event) => {
        if (event.jobId !== jobId) return;
        if (replayed) emit(event);
        else buffered.push(event);
      });
      this.store.events(jobId).then(
        (past) => {
          past.forEach(emit);
          replayed = true;
          buffered.forEach(emit);
        },
        (error: unknown) => subscriber.error(error),
      );
      return () => live.unsubscribe();
    });
  }
}
