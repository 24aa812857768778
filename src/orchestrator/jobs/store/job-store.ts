import type { ContextAssignment, ContextChanges } from '../../../context/context.types';
import type { ContextRecord } from '../../../context/store/context-store';
import type { Checkpoint, JobEvent, JobRecord, JobStatus } from '../job.types';
import { earliestWake } from '../runner/job-state.util';

/** The fields of a job a write may change. */
export type JobUpdate = Partial<
  Pick<
    JobRecord,
    | 'status'
    | 'progress'
    | 'currentStep'
    | 'leaseOwner'
    | 'leaseExpiresAt'
    | 'wakeAt'
    | 'error'
    | 'startedAt'
    | 'finishedAt'
    | 'steps'
  >
>;

/** What a conditional write expects of the stored job; the write happens only if all hold. */
export interface JobExpectation {
  statuses?: readonly JobStatus[];
  /** The runner that must still hold the lease. */
  leaseOwner?: string;
  version?: number;
}

export interface JobWrite {
  jobId: string;
  expect: JobExpectation;
  /** The writer's own current copy of the job, when it holds its lease: spares re-reading it. */
  base?: JobRecord;
  set: JobUpdate;
  /** A snapshot of the state after a completed step. */
  checkpoint?: { stepIndex: number; state: Record<string, unknown> };
  /** Top-level keys replaced in the job's context entry (status, state, steps…). */
  context?: Record<string, unknown>;
  /**
   * What in `context` differs from the document the job's last write left: a store may then
   * write only those parts (the other top-level keys of `context`, these `state` keys and these
   * `steps` entries) instead of rewriting the whole document. It reads the same either way.
   */
  contextChanges?: ContextChanges;
  /** Entries appended to the context's `errors` list. */
  contextErrors?: Record<string, unknown>[];
  events?: { type: string; data: Record<string, unknown> }[];
}

/** What a claim writes right away for the job it took (see `JobStore.claim`). */
export type ClaimBegin = Omit<JobWrite, 'jobId' | 'expect' | 'base'>;

export type CheckpointSelector = { seq: number } | { at: Date } | undefined;

/**
 * A job after a write, and the events the write appended. `precededBy`: the id of the job's last
 * event before these, when the store knows it (a follower who has it can take these as they are).
 */
export type Written = { job: JobRecord; events: JobEvent[]; precededBy?: number };

/**
 * Storage of durable jobs. Every write is one transaction over the job row, its checkpoint, its
 * context entry and its events, so a crash never leaves them disagreeing.
 */
export abstract class JobStore {
  /**
   * Inserts a job and its context entry together: `id_taken` when the id is, `queue_full` when
   * the job's client already has `limitPerClient` jobs queued or running (counted in the same
   * transaction, so concurrent submissions cannot pass it together; 0 = no limit).
   */
  abstract create(
    job: JobRecord,
    context: ContextRecord,
    limitPerClient?: number,
  ): Promise<'created' | 'id_taken' | 'queue_full'>;
  /** How many jobs of a client are queued or running. */
  abstract activeOfClient(client: string): Promise<number>;
  abstract get(jobId: string): Promise<JobRecord | undefined>;
  abstract list(query: {
    status?: JobStatus;
    skip: number;
    limit: number;
  }): Promise<{ records: JobRecord[]; total: number }>;
  /**
   * Takes the lease of the oldest runnable job (queued, waiting and due, or running with an
   * expired lease). `begin`
   * may return a first write for the claimed job (its first step's start), applied in the same
   * transaction; its events come back with the job.
   */
  abstract claim(input: {
    owner: string;
    /** The machine's time: leases are measured in it. */
    now: Date;
    /** The time parked jobs are due by (the injected clock's); `now` when absent. */
    wakeNow?: Date;
    leaseMs: number;
    begin?: (job: JobRecord) => ClaimBegin | undefined;
  }): Promise<Written | undefined>;
  /** Extends a lease this owner holds; false when it was lost. */
  abstract renewLease(jobId: string, owner: string, until: Date): Promise<boolean>;
  /** Lets the running jobs of an owner that stops be taken over at once (their leases expire now). */
  abstract releaseLeases(owner: string, now: Date): Promise<number>;
  /**
   * Applies a write if the expectation holds; undefined when it does not (a lost race). A write
   * that parks the job (`set.wakeAt`) keeps an earlier wake-up asked for meanwhile (wakeBy).
   */
  abstract write(input: JobWrite): Promise<Written | undefined>;
  /**
   * Asks a job to run again no later than `at`: a `waiting` job's wake_at becomes the earlier of
   * the two (`LEAST(wake_at, at)`); a `running` one keeps `at` as a pending wake-up that its next
   * park honours. False when the job is in neither status, or already wakes by `at`.
   */
  abstract wakeBy(jobId: string, at: Date): Promise<boolean>;
  /** A job's events, oldest first, after the given id. */
  abstract events(jobId: string, afterId?: number): Promise<JobEvent[]>;
  abstract checkpoints(jobId: string): Promise<Checkpoint[]>;
  /** The latest checkpoint, or the one of a sequence number, or the last at or before a time. */
  abstract checkpoint(
    jobId: string,
    selector?: CheckpointSelector,
  ): Promise<Checkpoint | undefined>;
  /** Deletes the checkpoints of jobs that finished before the given time; how many went. */
  abstract pruneCheckpoints(finishedBefore: Date): Promise<number>;
}

/** What a conditional write checks of the stored job (and the wake-up pending on it). */
export type JobHead = Pick<JobRecord, 'status' | 'leaseOwner' | 'version' | 'wakeAt'>;

/** The job as a write leaves it: its fields set, one version on, updated now. */
export function writtenJob(current: JobRecord, set: JobUpdate, now: Date): JobRecord {
  return { ...current, ...set, version: current.version + 1, updatedAt: now };
}

/** A write's changes, a park keeping the earlier wake-up pending on the stored job. */
export function withPendingWake(set: JobUpdate, stored: Date | null): JobUpdate {
  return set.wakeAt instanceof Date ? { ...set, wakeAt: earliestWake(set.wakeAt, stored) } : set;
}

/** Whether the stored job meets a write's expectation. */
export function expectationHolds(head: JobHead, expect: JobExpectation): boolean {
  const { statuses, leaseOwner, version } = expect;
  if (statuses && !statuses.includes(head.status)) return false;
  if (leaseOwner !== undefined && head.leaseOwner !== leaseOwner) return false;
  return version === undefined || head.version === version;
}

/** A write's context part, as the Context module's writer takes it; undefined when it has none. */
export function contextAssignmentOf(write: ClaimBegin): ContextAssignment | undefined {
  if (!write.context && !write.contextErrors) return undefined;
  return { keys: write.context ?? {}, changes: write.contextChanges, errors: write.contextErrors };
}

/**
 * Thrown inside a job store's transaction when the context entry of a new job already exists
 * (created by a client): it rolls the job row back, and `create` answers `id_taken`.
 */
export class JobIdTakenError extends Error {}
