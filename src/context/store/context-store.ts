import type { ListContextsQuery } from '../context.types';

/** A stored context entry. */
export interface ContextRecord {
  jobId: string;
  jobType: string;
  contextData: Record<string, unknown>;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a conditional write expects to find. */
export type ExpectedRecord = Pick<ContextRecord, 'version' | 'createdAt'>;

export type ContextRecordUpdate = Pick<
  ContextRecord,
  'jobType' | 'contextData' | 'version' | 'updatedAt'
>;

/**
 * Storage of context entries: the few operations ContextService builds on. One backend per
 * engine (prepared better-sqlite3 statements; raw SQL on Postgres), both writing through the
 * module's `ContextWriter` of their engine, and one contract test suite for both.
 */
export abstract class ContextStore {
  /** The entry, or undefined. */
  abstract find(jobId: string): Promise<ContextRecord | undefined>;
  /** Inserts a new entry; false when the job_id is taken. */
  abstract insert(record: ContextRecord): Promise<boolean>;
  /**
   * Writes `next` only while the stored entry is still `expected` (same version of the same
   * incarnation: a deleted and re-created entry also starts at version 1); false otherwise.
   */
  abstract swap(
    jobId: string,
    expected: ExpectedRecord,
    next: ContextRecordUpdate,
  ): Promise<boolean>;
  /** Deletes the entry (only while it is `expected`, when given); false when nothing matched. */
  abstract delete(jobId: string, expected?: ExpectedRecord): Promise<boolean>;
  /** One page, newest first (ties broken by job_id), and the number of matching entries. */
  abstract list(query: ListContextsQuery): Promise<{ records: ContextRecord[]; total: number }>;
  /**
   * Applies a JSON Merge Patch (RFC 7386) to the entry's context_data in one atomic step, at its
   * next revision (`nextRevision` with `at`); resolves with the updated entry, or undefined when
   * there is none.
   */
  abstract mergePatch(
    jobId: string,
    patch: Record<string, unknown>,
    at: Date,
  ): Promise<ContextRecord | undefined>;
}
