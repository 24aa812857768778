import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { RetryPolicy, retryDelayMs } from '../../agents/retry-policy.util';
import type { JobEvent } from '../job.types';
import type { JobStore } from '../store/job-store';
import { JobEventsBus, JobEventsTarget } from './job-events-bus';
import { JOB_EVENTS_CHANNEL } from './job-events-channel';
import { ListenClient, PostgresNotificationListener } from './postgres-notifications';

/** A failed read of a followed job's events is tried again, from 1 s up to 30 s apart. */
const READ_RETRY_POLICY: RetryPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  factor: 2,
  jitter: 0.2,
};

/** A catch-up read of one job's events, and whether it must run again once done. */
interface Reading {
  again: boolean;
  failures: number;
}

/**
 * Job events across replicas: every transaction that inserts a job's events notifies
 * JOB_EVENTS_CHANNEL with the job's id; this replica LISTENs on a dedicated connection, and for a
 * job that has followers here reads the events after the followers' cursor from the job store
 * and delivers them. Events this process commits are read the same way (their notification, or
 * `published`, whichever comes first), so delivery is one ordered path: reads of one job run one
 * at a time, each from where the previous one left off, and followers skip what they had.
 *
 * This relies on the job store's ordering: a job's events are inserted under its row lock, so
 * they commit in id order and a read after id N never misses an event below a later one.
 * After the LISTEN connection is lost and made again, every followed job is read, so the events
 * whose notifications were lost still arrive. No polling.
 */
export class PostgresJobEventsBus extends JobEventsBus implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PostgresJobEventsBus.name);
  private readonly listener: PostgresNotificationListener;
  private readonly readings = new Map<string, Reading>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private target: JobEventsTarget | undefined;
  private stopped = false;

  constructor(
    private readonly store: JobStore,
    newClient: () => ListenClient,
  ) {
    super();
    this.listener = new PostgresNotificationListener(
      JOB_EVENTS_CHANNEL,
      newClient,
      {
        notified: (payload) => this.notified(payload),
        connected: () => this.catchUpAll(),
      },
      this.logger,
    );
  }

  attach(target: JobEventsTarget): void {
    this.target = target;
  }

  /**
   * A write of this process: its events go to the followers as they are when every follower has
   * the job's event before them and no read of the job is under way; otherwise the job is read.
   */
  published(events: JobEvent[], precededBy?: number): void {
    const jobIds = new Set(events.map((event) => event.jobId));
    if (precededBy !== undefined && jobIds.size === 1) {
      const jobId = events[0].jobId;
      const cursor = this.target?.cursorOf(jobId);
      if (cursor === undefined) return;
      if (cursor >= precededBy && !this.readings.has(jobId)) {
        this.target?.deliver(jobId, events);
        return;
      }
    }
    for (const jobId of jobIds) this.catchUp(jobId);
  }

  /** Whether LISTEN is in place right now. */
  get listening(): boolean {
    return this.listener.listening;
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    for (const timer of this.retries) clearTimeout(timer);
    await this.listener.stop();
  }

  /**
   * `<job id> <last event id>` (see PostgresJobWrites.appendEvents): nothing to read when every
   * follower here has that event already (this replica's own writes, delivered as committed).
   */
  private notified(payload: string): void {
    const space = payload.lastIndexOf(' ');
    const lastId = space > 0 ? Number(payload.slice(space + 1)) : Number.NaN;
    const jobId = Number.isInteger(lastId) ? payload.slice(0, space) : payload;
    const cursor = this.target?.cursorOf(jobId);
    if (cursor !== undefined && cursor >= lastId && !this.readings.has(jobId)) return;
    this.catchUp(jobId);
  }

  private catchUpAll(): void {
    for (const jobId of this.target?.followedJobs() ?? []) this.catchUp(jobId);
  }

  /** Reads and delivers the job's new events, unless nobody here follows it. */
  private catchUp(jobId: string): void {
    const reading = this.readings.get(jobId);
    if (reading) {
      reading.again = true;
      return;
    }
    if (this.stopped || this.target?.cursorOf(jobId) === undefined) return;
    const started: Reading = { again: false, failures: 0 };
    this.readings.set(jobId, started);
    void this.read(jobId, started);
  }

  private async read(jobId: string, reading: Reading): Promise<void> {
    try {
      do {
        reading.again = false;
        const cursor = this.target?.cursorOf(jobId);
        if (cursor === undefined || this.stopped) break;
        const events = await this.store.events(jobId, cursor);
        if (events.length > 0) this.target?.deliver(jobId, events);
      } while (reading.again);
      this.readings.delete(jobId);
    } catch (error) {
      this.retryLater(jobId, reading, error);
    }
  }

  /** The read failed (the database away?): the job stays marked and is read again later. */
  private retryLater(jobId: string, reading: Reading, error: unknown): void {
    if (this.stopped) {
      // The pool closed under a read at shutdown: nobody is left to deliver to.
      this.readings.delete(jobId);
      return;
    }
    reading.failures += 1;
    const delay = retryDelayMs(READ_RETRY_POLICY, reading.failures);
    this.logger.warn(
      { jobId, err: error, attempt: reading.failures, delayMs: delay },
      'Could not read job events for live followers; trying again',
    );
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      if (this.stopped || this.target?.cursorOf(jobId) === undefined) {
        this.readings.delete(jobId);
        return;
      }
      void this.read(jobId, reading);
    }, delay);
    timer.unref();
    this.retries.add(timer);
  }
}
