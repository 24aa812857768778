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

export type ContextRecordUpdate = Pick<
  ContextRecord,
  'jobType' | 'contextData' | 'version' | 'updatedAt'
>;

/**
 * Storage of context entries: the few operations ContextService builds on. Two backends share one
 * contract test suite: TypeORM (any database, the Postgres path) and prepared better-sqlite3
 * statements (the embedded default, about ten times less CPU per query).
 */
export abstract class ContextStore {
  /** The entry, or undefined. */
  abstract find(jobId: string): Promise<ContextRecord | undefined>;
  /** Inserts a new entry; false when the job_id is taken. */
  abstract insert(record: ContextRecord): Promise<boolean>;
  /** Writes `next` only while the stored version is `expectedVersion`; false otherwise. */
  abstract swap(
    jobId: string,
    expectedVersion: number,
    next: ContextRecordUpdate,
  ): Promise<boolean>;
  /** Deletes the entry (only at `expectedVersion` when given); false when nothing matched. */
  abstract delete(jobId: string, expectedVersion?: number): Promise<boolean>;
  /** One page, newest first (ties broken by job_id), and the number of matching entries. */
  abstract list(query: ListContextsQuery): Promise<{ records: ContextRecord[]; total: number }>;
}
